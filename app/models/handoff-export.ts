import type { HandoffExport } from "~/api/handoff-schemas";
import type { HandoffDetail } from "./handoff.server";

/** A handoff as the CRM receives it: names instead of ids, modules with their titles. */
export function exportHandoff({
  detail,
  productName,
  supersededBy,
  appUrl,
}: {
  detail: HandoffDetail;
  productName: string;
  supersededBy: string | null;
  appUrl: string;
}): HandoffExport {
  const { handoff, modules } = detail;
  const moduleRef = (slug: string) => ({
    slug,
    title: modules.find((m) => m.slug === slug)?.title ?? slug,
  });
  return {
    id: handoff.id,
    url: new URL(`/handoffs/${handoff.id}`, appUrl).href,
    state: handoff.state,
    account: handoff.accountName,
    product: { slug: handoff.productSlug, name: productName },
    rep: { name: detail.rep.name, email: detail.rep.email },
    csm: { name: detail.csm.name, email: detail.csm.email },
    goLiveTarget: handoff.goLiveTarget,
    notes: handoff.notes,
    createdAt: handoff.createdAt.toISOString(),
    supersedes: handoff.supersedesId,
    supersededBy,
    certification: {
      id: handoff.certificationId,
      verifyUrl: new URL(`/verify/${handoff.certificationId}`, appUrl).href,
      modules: modules.map((m) => ({
        slug: m.slug,
        title: m.title,
        week: m.week,
        revision: m.revision,
      })),
    },
    promises: detail.promises.map((p) => ({
      text: p.text,
      module: moduleRef(p.moduleSlug),
      week: p.week,
    })),
    friction: detail.friction.map((f) => ({
      text: f.text,
      module: moduleRef(f.moduleSlug),
      told: f.told,
    })),
    history: detail.events.map((e) => ({
      kind: e.kind,
      at: e.at.toISOString(),
      actor: e.actorName,
      message: e.message,
    })),
  };
}
