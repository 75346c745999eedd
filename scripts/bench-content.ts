import type { Prng } from "./bench-prng";

/** Pure: the text of a generated product — product.yml and MDX modules with knowledge checks. */

const productStems = [
  "Ledger",
  "Crew",
  "Pipe",
  "Route",
  "Signal",
  "Harbor",
  "Quota",
  "Vault",
  "Beacon",
  "Forge",
  "Atlas",
  "Canopy",
  "Ember",
  "Falcon",
  "Glacier",
  "Helix",
  "Ion",
  "Juniper",
  "Kestrel",
  "Lumen",
];
const productSuffixes = [
  "Flow",
  "Line",
  "Desk",
  "Works",
  "Hub",
  "Base",
  "Pilot",
  "Sync",
  "Cloud",
  "Point",
];
const topics = [
  "Workspace setup",
  "Import your data",
  "Roles and permissions",
  "Connect your systems",
  "Automate the routine",
  "Approvals",
  "Reporting",
  "Notifications",
  "Go-live checklist",
  "Billing",
  "Single sign-on",
  "Audit trail",
  "Mobile app",
  "Data retention",
  "Integrations",
  "Dashboards",
  "Exceptions",
  "Forecasting",
  "Templates",
  "Month-end",
];
const verbs = [
  "configure",
  "review",
  "import",
  "approve",
  "connect",
  "schedule",
  "export",
  "reconcile",
];
const nouns = ["records", "accounts", "rules", "teams", "feeds", "reports", "templates", "alerts"];
const frictions = [
  "Admins must be invited before the second week or approvals stall",
  "Historical data needs cleaning before the first import",
  "Single sign-on needs the customer's identity team, which books weeks ahead",
  "Field mappings are locked after the first sync",
  "Legacy codes must be consolidated first",
  "The pilot group is often too small to show the benefit",
];

export type GeneratedModule = {
  slug: string;
  file: string;
  source: string;
  /** The module's source at revision 1, when the current file is a later revision. */
  previousSource: string | null;
  revision: number;
};

export type GeneratedProduct = {
  slug: string;
  name: string;
  productYml: string;
  modules: GeneratedModule[];
  /** Indexes of the two modules that changed: `recent` within the grace period, `old` before it. */
  revised: { recent: number; old: number };
};

export const benchPolicy = {
  passMark: 0.8,
  validDays: 365,
  refreshGraceDays: 14,
  maxAttemptsPerDay: 3,
};

/** Which modules of a track were revised; with fewer than two modules nothing is. */
export function revisedIndexes(moduleCount: number) {
  if (moduleCount < 2) return null;
  const recent = Math.floor(moduleCount * 0.3);
  const old = Math.max(recent + 1, Math.floor(moduleCount * 0.6));
  return { recent, old };
}

/** Knowledge checks per module: alternately one and two. */
export function quizCountFor(moduleIndex: number) {
  return moduleIndex % 2 === 0 ? 1 : 2;
}

export function productName(index: number) {
  const stem = productStems[index % productStems.length];
  const suffix = productSuffixes[Math.floor(index / productStems.length) % productSuffixes.length];
  const round = Math.floor(index / (productStems.length * productSuffixes.length));
  return round ? `${stem}${suffix} ${round + 1}` : `${stem}${suffix}`;
}

export function slugify(text: string) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function sentence(prng: Prng, product: string) {
  return `${product} lets the team ${prng.pick(verbs)} ${prng.pick(nouns)} without spreadsheets, so the customer can ${prng.pick(verbs)} ${prng.pick(nouns)} in minutes instead of days.`;
}

function quiz(prng: Prng, id: string, product: string, topic: string) {
  const right = `${product} does it for them once ${topic.toLowerCase()} is set up`;
  const wrongs = prng
    .shuffle([
      "They keep doing it by hand every week",
      "Only the vendor's support team can change it",
      "It is switched on automatically after go-live",
      "It needs a separate paid add-on",
    ])
    .slice(0, 3);
  const choices = prng.shuffle([
    `  <Choice correct>${right}</Choice>`,
    ...wrongs.map((w) => `  <Choice>${w}</Choice>`),
  ]);
  return [
    `<Quiz id="${id}" question="What changes for the customer after ${topic.toLowerCase()}?">`,
    ...choices,
    `  <Explain>${product} takes over the routine work from ${topic.toLowerCase()} on, which is the point of this step.</Explain>`,
    `</Quiz>`,
  ].join("\n");
}

function moduleSource({
  prng,
  product,
  topic,
  index,
  quizzes,
  revision,
}: {
  prng: Prng;
  product: string;
  topic: string;
  index: number;
  quizzes: string[];
  revision: number;
}) {
  const para = () => Array.from({ length: 3 }, () => sentence(prng, product)).join(" ");
  const body = [
    "---",
    `title: ${topic}`,
    `summary: How ${product} customers handle ${topic.toLowerCase()} in their first weeks.`,
    `week: ${Math.floor(index / 3) + 1}`,
    `duration: ${prng.int(2, 9) * 5}`,
    `revision: ${revision}`,
    "friction:",
    `  - ${prng.pick(frictions)}`,
    "---",
    "",
    para(),
    "",
    "## What the customer does",
    "",
    para(),
    "",
    ...Array.from(
      { length: 4 },
      (_, i) => `${i + 1}. ${prng.pick(verbs)} the ${prng.pick(nouns)} for one pilot team`,
    ),
    "",
    "| Step | Who | Effort |",
    "| ---- | --- | ------ |",
    ...Array.from(
      { length: 3 },
      (_, i) =>
        `| ${i + 1} | ${prng.pick(["Admin", "Controller", "Team lead"])} | ${prng.int(1, 6)} hours |`,
    ),
    "",
    `:::info[${revision > 1 ? "Changed in this revision" : "Good to know"}]`,
    revision > 1
      ? `Since revision ${revision}, ${product} ${prng.pick(verbs)}s ${prng.pick(nouns)} on its own: the customer no longer does this by hand.`
      : para(),
    ":::",
    "",
  ];
  quizzes.forEach((id, i) => {
    body.push(`## Check ${i + 1}`, "", para(), "", quiz(prng, id, product, topic), "");
  });
  return body.join("\n");
}

export function generateProduct({
  index,
  moduleCount,
  prng,
}: {
  index: number;
  moduleCount: number;
  prng: Prng;
}): GeneratedProduct {
  const name = productName(index);
  const slug = slugify(name);
  const revised = revisedIndexes(moduleCount) ?? { recent: -1, old: -1 };
  const modules: GeneratedModule[] = [];
  for (let m = 0; m < moduleCount; m++) {
    const topic = `${topics[m % topics.length]}${m >= topics.length ? ` ${Math.floor(m / topics.length) + 1}` : ""}`;
    const moduleSlug = slugify(topic);
    const quizzes = Array.from(
      { length: quizCountFor(m) },
      (_, q) => `${moduleSlug}-check-${q + 1}`,
    );
    const isRevised = m === revised.recent || m === revised.old;
    const revision = isRevised ? 2 : 1;
    // Each version draws from its own stream so the older one stays the same text.
    const source = moduleSource({
      prng: prng.fork(`${slug}/${moduleSlug}/r${revision}`),
      product: name,
      topic,
      index: m,
      quizzes,
      revision,
    });
    const previousSource = isRevised
      ? moduleSource({
          prng: prng.fork(`${slug}/${moduleSlug}/r1`),
          product: name,
          topic,
          index: m,
          quizzes,
          revision: 1,
        })
      : null;
    modules.push({ slug: moduleSlug, file: `${moduleSlug}.mdx`, source, previousSource, revision });
  }
  const productYml = [
    `name: ${name}`,
    `summary: ${name} helps finance and operations teams ${prng.pick(verbs)} ${prng.pick(nouns)} without spreadsheets.`,
    "modules:",
    ...modules.map((m) => `  - ${m.slug}`),
    "certification:",
    ...Object.entries(benchPolicy).map(([k, v]) => `  ${k}: ${v}`),
    "",
  ].join("\n");
  return { slug, name, productYml, modules, revised };
}
