import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  useActionData,
  useFetcher,
  useLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { ModuleBody } from "~/components/mdx/module-body";
import { FrictionFlag } from "~/components/friction-flag";
import { ModuleCompletion, type CompletionResult } from "~/components/module-completion";
import { ModuleFooter } from "~/components/module-footer";
import { ModuleHeader } from "~/components/module-header";
import { ModuleNeighbours } from "~/components/module-neighbours";
import type { QuizState } from "~/components/mdx/quiz-context";
import { TableOfContents } from "~/components/mdx/table-of-contents";
import { requireModule } from "~/content/content.server";
import { readSyncRecord } from "~/content/content-sync.server";
import {
  getModuleFrictionPanel,
  submitFrictionFlag,
  type FrictionFlagResult,
} from "~/models/module-friction.server";
import { requireModulePage } from "~/models/module-page.server";
import { getModuleLearningState, refuseModuleIntent } from "~/models/module-state.server";
import {
  recordModuleOpened,
  submitModuleCompletion,
  submitQuizAnswer,
} from "~/models/track-submission.server";
import frictionStyles from "~/styles/friction.css?url";
import mdxDiagramStyles from "~/styles/mdx-diagrams.css?url";
import mdxFrameworkStyles from "~/styles/mdx-frameworks.css?url";
import mdxStyles from "~/styles/mdx.css?url";
import { requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: mdxStyles },
  { rel: "stylesheet", href: mdxFrameworkStyles },
  { rel: "stylesheet", href: mdxDiagramStyles },
  { rel: "stylesheet", href: frictionStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.module.title} · ${data.product.name} · Firsthand` : "Module · Firsthand",
  },
];

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { page, shown } = await requireModulePage({ params });
  const { product, module, quizKeys } = page;
  const state = getModuleLearningState({ userId: user.id, product, module, quizKeys });
  const canSeeErrors = user.role === "author" || user.role === "admin";
  return {
    ...shown,
    module: {
      ...shown.module,
      fingerprint: module.shownSourceHash ?? module.sourceHash,
      syncedCommit: readSyncRecord({ productDir: product.dir })?.commit ?? null,
      error: canSeeErrors ? (module.error ?? null) : null,
      quizCount: quizKeys.length,
    },
    state,
    verifyUrl: state.track.certificationId
      ? `${getEnv().APP_URL}/verify/${state.track.certificationId}`
      : null,
    friction: getModuleFrictionPanel({ user, page }),
  };
}

// Sent only by forms rendered without JavaScript: the reload lands back on the question.
const returnToSchema = z
  .string()
  .regex(/^[\w-]{1,220}$/)
  .optional();

function backTo(request: Request, fragment: string | undefined) {
  return fragment ? redirect(`${new URL(request.url).pathname}#${fragment}`, 303) : null;
}

const answerSchema = z.object({
  intent: z.literal("answer-quiz"),
  quizId: z.string().min(1).max(200),
  choice: z.array(z.string().max(20)).max(50),
});
const completeSchema = z.object({
  intent: z.literal("complete-module"),
  confirm: z.literal("yes", {
    errorMap: () => ({ message: "Confirm that you worked through the module." }),
  }),
});

type ActionResult = {
  quizId?: string;
  message?: string;
  nextAttemptAt?: string;
  completion?: CompletionResult;
  friction?: FrictionFlagResult;
};

const intentSchema = z.enum(["module-opened", "answer-quiz", "complete-module"], {
  errorMap: () => ({ message: "Unknown action." }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const page = await requireModule({ productSlug: params.product, moduleSlug: params["*"] });
  const { product, module, quizKeys } = page;
  const form = await requireFormData(request);
  const fields = formFields(form);
  if (fields.intent === "flag-friction") {
    const { status, result } = submitFrictionFlag({ user, page, fields });
    return data<ActionResult>({ friction: result }, { status });
  }
  const intent = intentSchema.safeParse(fields.intent);
  if (!intent.success) return data<ActionResult>({ message: "Unknown action." }, { status: 400 });
  const state = getModuleLearningState({ userId: user.id, product, module, quizKeys });
  const quizId = typeof fields.quizId === "string" ? fields.quizId : undefined;
  const returnTo = returnToSchema.safeParse(fields.returnTo);
  const fragment = returnTo.success ? returnTo.data : undefined;
  const refusal = refuseModuleIntent({ state, intent: intent.data, quizId });
  if (refusal) {
    return data<ActionResult>(
      intent.data === "complete-module"
        ? { completion: { ok: false, message: refusal } }
        : { quizId, message: refusal },
      { status: 409 },
    );
  }
  // Opening is recorded by a POST the page sends once shown; answering or completing also counts
  // as opening, so readers without JavaScript are recorded too.
  const opened = () => recordModuleOpened({ user, product, module });

  if (intent.data === "module-opened") {
    opened();
    return data<ActionResult>({});
  }

  if (intent.data === "answer-quiz") {
    const parsed = parseFormFields(answerSchema, { ...fields, choice: form.getAll("choice") });
    if (!parsed.ok) return data<ActionResult>({ message: parsed.message }, { status: 400 });
    const key = quizKeys.find((k) => k.id === parsed.data.quizId);
    if (!key)
      return data<ActionResult>(
        { message: "That question is not in this module." },
        { status: 400 },
      );
    const outcome = submitQuizAnswer({
      userId: user.id,
      product,
      module,
      key,
      selected: parsed.data.choice,
    });
    if (outcome.kind === "invalid")
      return data<ActionResult>({ quizId: key.id, message: outcome.message }, { status: 400 });
    if (outcome.kind === "limited") {
      const back = backTo(request, fragment);
      if (back) return back;
      const retry = Math.ceil((outcome.nextAttemptAt.getTime() - Date.now()) / 1000);
      return data<ActionResult>(
        {
          quizId: key.id,
          message: outcome.message,
          nextAttemptAt: outcome.nextAttemptAt.toISOString(),
        },
        { status: 429, headers: { "Retry-After": String(Math.max(retry, 1)) } },
      );
    }
    opened();
    return backTo(request, fragment) ?? data<ActionResult>({ quizId: key.id });
  }

  const parsed = parseFormFields(completeSchema, fields);
  if (!parsed.ok) {
    return data<ActionResult>(
      { completion: { ok: false, message: parsed.message } },
      { status: 400 },
    );
  }
  const result = submitModuleCompletion({ userId: user.id, product, module });
  if (!result.ok)
    return data<ActionResult>(
      { completion: { ok: false, message: result.message } },
      { status: 409 },
    );
  return (
    backTo(request, fragment) ??
    data<ActionResult>({
      completion: { ok: true, certificationId: result.issued?.id, refreshed: result.refreshed },
    })
  );
}

export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "module-opened" ? false : defaultShouldRevalidate);

function useRecordOpened(moduleKey: string, available: boolean) {
  const { submit } = useFetcher({ key: `opened:${moduleKey}` });
  useEffect(() => {
    if (available) submit({ intent: "module-opened" }, { method: "post" });
  }, [moduleKey, available, submit]);
}

export default function ModulePage() {
  const { product, module, code, headings, prev, next, state, verifyUrl, glossary, friction } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useRecordOpened(`${product.slug}/${module.slug}`, code !== null);
  const quizState: Record<string, QuizState> = { ...state.quizzes };
  if (actionData?.quizId && actionData.message) {
    quizState[actionData.quizId] = {
      ...quizState[actionData.quizId],
      message: actionData.message,
      nextAttemptAt: actionData.nextAttemptAt ?? quizState[actionData.quizId]?.nextAttemptAt,
    };
  }
  return (
    <div className="module-layout">
      <article className="module-article" aria-labelledby="module-title">
        <ModuleHeader
          product={product}
          module={module}
          completed={state.completed}
          refreshDue={state.refreshDue}
        />
        {module.error ? (
          <div className="banner banner-error small" role="alert">
            <strong>
              {code
                ? "The latest edit does not compile; readers see the last good version."
                : "This module does not compile."}
            </strong>
            <pre className="error-text">{module.error}</pre>
          </div>
        ) : null}
        {code ? (
          <ModuleBody code={code} quizState={quizState} glossary={glossary} />
        ) : (
          <div className="panel unavailable">
            <h2>This module is unavailable right now</h2>
            <p className="muted">
              Its content could not be prepared; enablement sees why on the content status page. The
              rest of the track works as usual.
            </p>
          </div>
        )}
        {code ? (
          <ModuleCompletion
            productSlug={product.slug}
            state={state}
            verifyUrl={verifyUrl}
            quizCount={module.quizCount}
            result={actionData?.completion}
          />
        ) : null}
        {friction ? (
          <FrictionFlag
            panel={friction}
            result={actionData?.friction}
            inboxHref={`/friction?${new URLSearchParams({ module: `${product.slug}/${module.slug}` })}`}
          />
        ) : null}
        <ModuleNeighbours base={`/products/${product.slug}`} prev={prev} next={next} />
        <ModuleFooter productName={product.name} module={module} />
      </article>
      {headings.length ? (
        <aside className="module-aside">
          <TableOfContents headings={headings} />
        </aside>
      ) : null}
    </div>
  );
}
