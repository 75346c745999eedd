import { eq } from "drizzle-orm";
import { loadCatalog } from "~/content/content.server";
import type { Product } from "~/content/types";
import { frictionPointsOf } from "~/models/handoff-journey";
import { answerHandoff, fileHandoff, type HandoffInput } from "~/models/handoff.server";
import { getUserByEmail } from "~/models/user.server";
import { dayMs } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { handoffEvents, handoffs } from "./schema";
import { demoDomain } from "./seed";

type Step = {
  kind: "acknowledged" | "questioned" | "replied";
  hoursLater: number;
  message?: string;
};

type DemoHandoff = {
  rep: string;
  productSlug: string;
  accountName: string;
  filedDaysAgo: number;
  goLiveInDays: number;
  /** Indexes (in frictionPointsOf order) of the friction points the rep did not discuss. */
  untold: number[];
  promises: { text: string; module: number }[];
  notes: string;
  steps: Step[];
  /** Re-filed this many hours after the last step, with every friction point discussed. */
  editedAfterHours?: number;
};

const demoHandoffs: DemoHandoff[] = [
  {
    rep: "rep1",
    productSlug: "calliper",
    accountName: "Brightdesk Support",
    filedDaysAgo: 20,
    goLiveInDays: 10,
    untold: [],
    promises: [
      { text: "Zendesk connected in the first week", module: 0 },
      { text: "AutoQA in shadow mode by week 2", module: 3 },
    ],
    notes: "Support ops lead is our champion; the helpdesk admin sits in IT.",
    steps: [{ kind: "acknowledged", hoursLater: 5 }],
  },
  {
    rep: "rep2",
    productSlug: "ledgerflow",
    accountName: "Harbor Freight Partners",
    filedDaysAgo: 13,
    goLiveInDays: 21,
    untold: [1],
    promises: [{ text: "First close on Ledgerflow next month", module: 0 }],
    notes: "Controller wants a weekly check-in during the first close.",
    steps: [
      { kind: "questioned", hoursLater: 20, message: "Do they know bank feeds take a few days?" },
      { kind: "replied", hoursLater: 26, message: "Not yet — I will tell them on Friday's call." },
      { kind: "acknowledged", hoursLater: 30 },
    ],
  },
  {
    rep: "rep1",
    productSlug: "crewline",
    accountName: "Northside Plumbing",
    filedDaysAgo: 6,
    goLiveInDays: 30,
    untold: [0, 2],
    promises: [{ text: "Technicians on the app from day one", module: 3 }],
    notes: "Owner is hands-on; dispatch is done on a whiteboard today.",
    steps: [
      {
        kind: "questioned",
        hoursLater: 8,
        message: "Two friction points were not discussed — can you cover them before kickoff?",
      },
    ],
  },
  {
    rep: "rep1",
    productSlug: "ledgerflow",
    accountName: "Acme Wholesale",
    filedDaysAgo: 4,
    goLiveInDays: 45,
    untold: [0],
    promises: [{ text: "ERP sync running before the first close", module: 1 }],
    notes: "Edited after the CSM's question: every friction point is now discussed.",
    steps: [
      { kind: "questioned", hoursLater: 4, message: "Did they hear about the ERP sync window?" },
    ],
    editedAfterHours: 20,
  },
  {
    rep: "rep1",
    productSlug: "calliper",
    accountName: "Lumen Telecom",
    filedDaysAgo: 1,
    goLiveInDays: 25,
    untold: [4],
    promises: [{ text: "Coaching workflow live in week 3", module: 4 }],
    notes: "",
    steps: [],
  },
];

function inputFor(product: Product, demo: DemoHandoff, csmId: string, untold: number[]) {
  const now = Date.now();
  const input: HandoffInput = {
    accountName: demo.accountName,
    csmId,
    goLiveTarget: new Date(now + demo.goLiveInDays * dayMs).toISOString().slice(0, 10),
    promises: demo.promises.map((p) => ({
      text: p.text,
      moduleSlug: product.modules[Math.min(p.module, product.modules.length - 1)].slug,
    })),
    friction: Object.fromEntries(
      frictionPointsOf(product).map((f, i) => [f.key, !untold.includes(i)]),
    ),
    notes: demo.notes,
  };
  return input;
}

// Filing checks eligibility now; the filing is then dated back so the history reads as weeks.
function backdate(id: string, at: Date) {
  const db = getDb();
  db.update(handoffs).set({ createdAt: at }).where(eq(handoffs.id, id)).run();
  db.update(handoffEvents).set({ at }).where(eq(handoffEvents.handoffId, id)).run();
}

/** Handoffs in every state, so the feature is there to see at first sign-in. */
export async function seedDemoHandoffs({
  log = console.log,
}: { log?: (line: string) => void } = {}) {
  const products = new Map((await loadCatalog()).map((p) => [p.slug, p]));
  const csm = getUserByEmail({ email: `csm@${demoDomain}` });
  if (!csm) return;
  let filed = 0;
  for (const demo of demoHandoffs) {
    const product = products.get(demo.productSlug);
    const rep = getUserByEmail({ email: `${demo.rep}@${demoDomain}` });
    if (!product || !rep) continue;
    const result = fileHandoff({
      rep,
      product,
      input: inputFor(product, demo, csm.id, demo.untold),
      announce: false,
    });
    if (!result.ok) {
      log(`Demo handoff ${demo.accountName} not filed: ${result.message}`);
      continue;
    }
    filed++;
    const filedAt = new Date(Date.now() - demo.filedDaysAgo * dayMs);
    backdate(result.handoff.id, filedAt);
    let last = 0;
    for (const step of demo.steps) {
      last = step.hoursLater;
      answerHandoff({
        handoffId: result.handoff.id,
        actor: step.kind === "replied" ? rep : csm,
        kind: step.kind,
        message: step.message ?? null,
        announce: false,
        now: new Date(filedAt.getTime() + step.hoursLater * 3_600_000),
      });
    }
    if (demo.editedAfterHours !== undefined) {
      const editedAt = new Date(filedAt.getTime() + (last + demo.editedAfterHours) * 3_600_000);
      const edit = fileHandoff({
        rep,
        product,
        input: inputFor(product, demo, csm.id, []),
        supersedesId: result.handoff.id,
        announce: false,
        now: editedAt,
      });
      if (edit.ok) filed++;
    }
  }
  log(`Seeded ${filed} demo handoffs.`);
}
