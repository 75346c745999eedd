import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FrictionInbox, type FrictionInboxResult } from "~/components/friction-inbox";
import { loadCatalog } from "~/content/content.server";
import { frictionReplySchema } from "~/models/friction-flag";
import { frictionEntryFor, getFrictionInbox } from "~/models/friction-inbox.server";
import { answerFrictionFlag, reopenFrictionFlag } from "~/models/friction.server";
import frictionStyles from "~/styles/friction.css?url";
import { requireRole } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Friction from the field · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: frictionStyles }];

const authors = ["author", "admin"] as const;

const querySchema = z.object({
  state: z.enum(["open", "resolved"]).catch("open"),
  module: z.string().max(400).nullable().catch(null),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, authors);
  const url = new URL(request.url);
  const query = querySchema.parse({
    state: url.searchParams.get("state") ?? undefined,
    module: url.searchParams.get("module"),
  });
  return getFrictionInbox({
    viewer,
    products: await loadCatalog(),
    state: query.state,
    filter: query.module || null,
  });
}

const flagId = z.string().min(1, "Choose a flag.").max(40);
const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reply"),
    flagId,
    reply: frictionReplySchema,
    resolve: z.literal("yes").optional(),
  }),
  z.object({ intent: z.literal("resolve"), flagId }),
  z.object({ intent: z.literal("reopen"), flagId }),
  z.object({ intent: z.literal("friction-entry"), flagId }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const author = requireRole(request, authors);
  const fields = formFields(await requireFormData(request));
  const parsed = parseFormFields(schema, fields);
  const postedId = typeof fields.flagId === "string" ? fields.flagId : undefined;
  if (!parsed.ok) {
    return data<FrictionInboxResult>(
      {
        flagId: postedId,
        error: parsed.message,
        reply: typeof fields.reply === "string" ? fields.reply : undefined,
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  if (input.intent === "friction-entry") {
    const entry = frictionEntryFor({ products: await loadCatalog(), flagId: input.flagId });
    if (!entry) {
      return data<FrictionInboxResult>(
        { flagId: input.flagId, error: "That flag or its module no longer exists." },
        { status: 404 },
      );
    }
    return data<FrictionInboxResult>({ flagId: input.flagId, entry });
  }
  const outcome =
    input.intent === "reopen"
      ? reopenFrictionFlag({ id: input.flagId })
      : answerFrictionFlag({
          id: input.flagId,
          author,
          reply: input.intent === "reply" ? input.reply : null,
          resolve: input.intent === "resolve" || (input.intent === "reply" && !!input.resolve),
        });
  if (!outcome.ok) {
    return data<FrictionInboxResult>(
      { flagId: input.flagId, error: outcome.message },
      { status: outcome.status },
    );
  }
  const notice =
    input.intent === "reopen"
      ? "Flag reopened."
      : input.intent === "resolve"
        ? "Flag resolved."
        : input.resolve
          ? "Reply sent; the flag is resolved."
          : "Reply sent.";
  return data<FrictionInboxResult>({ flagId: input.flagId, notice });
}

export default function FrictionPage() {
  const inbox = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <FrictionInbox inbox={inbox} result={result} />;
}
