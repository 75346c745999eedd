import type { User } from "#db/schema";
import type { ModulePage } from "~/content/content.server";
import { parseFormFields } from "~/utils/form.server";
import { frictionAnchors, frictionFlagSchema, type FrictionAnchor } from "./friction-flag";
import { countFrictionFlags, createFrictionFlag, listFlagsOfReader } from "./friction.server";

export type FrictionFlagResult = {
  ok: boolean;
  message: string;
  /** What was posted, so a refused form comes back as it was typed. */
  values?: { note: string; heading: string };
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The module page's `intent=flag-friction`: validated against the headings the reader was served. */
export function submitFrictionFlag({
  user,
  page,
  fields,
}: {
  user: User;
  page: ModulePage;
  fields: Record<string, unknown>;
}): { status: number; result: FrictionFlagResult } {
  const { product, module, headings, code } = page;
  // A module that never compiled has nothing a reader could have read.
  if (code === null || !module.shownSourceHash) {
    throw new Response("Not found", { status: 404 });
  }
  const anchors = frictionAnchors({ title: module.title, headings });
  const parsed = parseFormFields(frictionFlagSchema(anchors), fields);
  if (!parsed.ok) {
    return {
      status: 400,
      result: {
        ok: false,
        message: parsed.message,
        values: { note: text(fields.note), heading: text(fields.heading) },
      },
    };
  }
  createFrictionFlag({
    userId: user.id,
    productSlug: product.slug,
    module: { slug: module.slug, revision: module.revision, sourceHash: module.shownSourceHash },
    anchor: parsed.data.heading,
    note: parsed.data.note,
  });
  return {
    status: 200,
    result: {
      ok: true,
      message: `Thanks: your flag on “${parsed.data.heading.text}” is with enablement.`,
    },
  };
}

export type ModuleFrictionPanel = {
  anchors: FrictionAnchor[];
  flags: {
    id: string;
    headingId: string;
    headingText: string;
    note: string;
    state: "open" | "resolved";
    createdAt: string;
    reply: { text: string; by: string; at: string } | null;
  }[];
  /** Authors and admins: open flags on this module, for a link to the inbox. */
  openForAuthors: number | null;
};

/** The reader's own flags on this module with enablement's answers, and the headings to flag. */
export function getModuleFrictionPanel({
  user,
  page,
}: {
  user: User;
  page: ModulePage;
}): ModuleFrictionPanel | null {
  const { product, module, headings, code } = page;
  if (code === null) return null;
  const rows = listFlagsOfReader({
    userId: user.id,
    productSlug: product.slug,
    moduleSlug: module.slug,
  });
  const isAuthor = user.role === "author" || user.role === "admin";
  return {
    anchors: frictionAnchors({ title: module.title, headings }),
    flags: rows.map(({ flag, replierName }) => ({
      id: flag.id,
      headingId: flag.headingId,
      headingText: flag.headingText,
      note: flag.note,
      state: flag.state,
      createdAt: flag.createdAt.toISOString(),
      reply:
        flag.reply && flag.repliedAt
          ? { text: flag.reply, by: replierName ?? "Enablement", at: flag.repliedAt.toISOString() }
          : null,
    })),
    openForAuthors: isAuthor
      ? countFrictionFlags()
          .filter((c) => c.productSlug === product.slug && c.moduleSlug === module.slug)
          .reduce((sum, c) => sum + c.open, 0)
      : null,
  };
}
