import { formatDate } from "~/utils/dates";
import {
  oneLine,
  renderHtml,
  renderSlack,
  renderText,
  type Block,
  type Inline,
  type SlackMessage,
} from "./message-document";
import type { TeamDigest } from "./team-digest";

/** Pure: what each notification says, by email (subject, text, HTML) and in the team's Slack. */

export type NotificationMessage = {
  subject: string;
  text: string;
  html: string;
  slack: SlackMessage;
};

type ProductRef = { slug: string; name: string };
type ModuleRef = { slug: string; title: string };

const encodePath = (slug: string) => slug.split("/").map(encodeURIComponent).join("/");
const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export const productUrl = ({ appUrl, product }: { appUrl: string; product: string }) =>
  `${base(appUrl)}/products/${encodeURIComponent(product)}`;
export const whatChangedUrl = ({
  appUrl,
  product,
  module,
}: {
  appUrl: string;
  product: string;
  module: string;
}) => `${base(appUrl)}/what-changed/${encodeURIComponent(product)}/${encodePath(module)}`;
const teamUrl = (appUrl: string) => `${base(appUrl)}/team`;
const settingsUrl = (appUrl: string) => `${base(appUrl)}/settings/notifications`;

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const p = (...parts: Inline[]): Block => ({ type: "paragraph", parts });

function footer(appUrl: string, why: string): Block {
  return p(`${why} `, {
    link: settingsUrl(appUrl),
    label: "Choose which notifications you get",
  });
}

function compose({
  subject,
  email,
  slack,
  slackContext,
}: {
  subject: string;
  email: Block[];
  slack: Block[];
  slackContext?: Inline[];
}): NotificationMessage {
  const title = oneLine(subject);
  return {
    subject: title,
    text: renderText(email),
    html: renderHtml({ title, blocks: email }),
    slack: renderSlack({ blocks: slack, context: slackContext }),
  };
}

function moduleList({
  appUrl,
  product,
  modules,
}: {
  appUrl: string;
  product: ProductRef;
  modules: ModuleRef[];
}): Block {
  return {
    type: "list",
    items: modules.map((m) => [
      { strong: m.title },
      " — ",
      {
        link: whatChangedUrl({ appUrl, product: product.slug, module: m.slug }),
        label: "see what changed",
      },
    ]),
  };
}

const moduleTitles = (modules: ModuleRef[]) => modules.map((m) => `“${m.title}”`).join(", ");

export type RefreshInput = {
  appUrl: string;
  repName: string;
  product: ProductRef;
  modules: ModuleRef[];
  /** ISO time the re-take is due by. */
  deadline: string | null;
};

export function moduleChangedMessage(input: RefreshInput): NotificationMessage {
  const { appUrl, repName, product, modules, deadline } = input;
  const due = formatDate(deadline);
  const what =
    modules.length === 1 ? `“${modules[0].title}”` : plural(modules.length, "changed module");
  return compose({
    subject: `Re-take ${what} on ${product.name} by ${due}`,
    email: [
      p(`Hi ${firstName(repName)},`),
      p(
        `The customer's journey for ${product.name} changed, so your certification needs a refresh. Re-take ${modules.length === 1 ? "this module" : "these modules"}:`,
      ),
      moduleList(input),
      p(
        "Re-take by ",
        { strong: due },
        `. Until then you are still cleared to pitch ${product.name}; after that your certification lapses until you do.`,
      ),
      p({ link: productUrl({ appUrl, product: product.slug }), label: `Open ${product.name}` }),
      footer(appUrl, `You get this because you are certified on ${product.name}.`),
    ],
    slack: [
      p(
        { strong: repName },
        ` has a refresh due on `,
        { strong: product.name },
        `: re-take ${moduleTitles(modules)} by `,
        { strong: due },
        ".",
      ),
      moduleList(input),
    ],
    slackContext: [
      { link: productUrl({ appUrl, product: product.slug }), label: `Open ${product.name}` },
    ],
  });
}

export function lapseWarningMessage(
  input: RefreshInput & { daysLeft: number },
): NotificationMessage {
  const { appUrl, repName, product, modules, deadline, daysLeft } = input;
  const due = formatDate(deadline);
  const inDays = `in ${plural(daysLeft, "day")}`;
  return compose({
    subject: `${product.name}: your refresh is overdue ${inDays}, on ${due}`,
    email: [
      p(`Hi ${firstName(repName)},`),
      p(
        `Your ${product.name} certification lapses `,
        { strong: due },
        ` (${inDays}) unless you re-take ${moduleTitles(modules)}:`,
      ),
      moduleList(input),
      p(
        `Once it lapses you are no longer cleared to pitch ${product.name} until the re-take is done.`,
      ),
      p({ link: productUrl({ appUrl, product: product.slug }), label: `Open ${product.name}` }),
      footer(appUrl, `You get this because a refresh on ${product.name} is due.`),
    ],
    slack: [
      p(
        { strong: repName },
        `'s refresh on `,
        { strong: product.name },
        ` is overdue ${inDays}, on `,
        { strong: due },
        ".",
      ),
      moduleList(input),
    ],
    slackContext: [
      { link: productUrl({ appUrl, product: product.slug }), label: `Open ${product.name}` },
    ],
  });
}

export function repCertifiedMessage(input: {
  appUrl: string;
  managerName: string;
  repName: string;
  product: ProductRef;
  expiresAt: string | null;
  verifyUrl: string | null;
}): NotificationMessage {
  const { appUrl, managerName, repName, product, expiresAt, verifyUrl } = input;
  const until = expiresAt ? ` until ${formatDate(expiresAt)}` : "";
  const links: Inline[] = verifyUrl
    ? [{ link: verifyUrl, label: "Verify the certificate" }, " · "]
    : [];
  return compose({
    subject: `${repName} is certified on ${product.name}`,
    email: [
      p(`Hi ${firstName(managerName)},`),
      p(
        { strong: repName },
        ` is now certified on ${product.name} and cleared to pitch it${until}.`,
      ),
      p(...links, { link: teamUrl(appUrl), label: "Your team" }),
      footer(appUrl, "You get this because you manage their team."),
    ],
    slack: [
      p(
        { strong: repName },
        " is certified on ",
        { strong: product.name },
        ` and cleared to pitch it${until}.`,
      ),
    ],
    slackContext: [...links, { link: teamUrl(appUrl), label: "Team status" }],
  });
}

export function repLapsedMessage(input: {
  appUrl: string;
  managerName: string;
  repName: string;
  product: ProductRef;
  modules: ModuleRef[];
  deadline: string | null;
}): NotificationMessage {
  const { appUrl, managerName, repName, product, modules, deadline } = input;
  const missed = `did not re-take ${moduleTitles(modules) || "the changed modules"} by ${formatDate(deadline)}`;
  return compose({
    subject: `${repName}'s ${product.name} certification lapsed`,
    email: [
      p(`Hi ${firstName(managerName)},`),
      p(
        { strong: repName },
        ` ${missed}, so they are no longer cleared to pitch ${product.name}. Re-taking ${modules.length === 1 ? "it" : "them"} restores the certification.`,
      ),
      p({ link: teamUrl(appUrl), label: "Your team" }),
      footer(appUrl, "You get this because you manage their team."),
    ],
    slack: [
      p(
        { strong: repName },
        "'s certification on ",
        { strong: product.name },
        ` lapsed: they ${missed} and are no longer cleared to pitch it.`,
      ),
    ],
    slackContext: [{ link: teamUrl(appUrl), label: "Team status" }],
  });
}

// Long teams would make the email and the Slack message unreadable (and Slack refuses > 3,000 chars).
const listLimit = 10;

function limited<T>(items: T[], render: (item: T) => Inline[]): Inline[][] {
  const shown = items.slice(0, listLimit).map(render);
  if (items.length > listLimit)
    shown.push([`…and ${items.length - listLimit} more on the team page.`]);
  return shown;
}

export function weeklyDigestMessage(input: {
  appUrl: string;
  managerName: string;
  teamName: string;
  week: string;
  digest: TeamDigest;
}): NotificationMessage {
  const { appUrl, managerName, teamName, week, digest } = input;
  const { totals } = digest;
  const headline = `${totals.certified} certified, ${totals.refresh_due} refresh due, ${totals.lapsed} lapsed, ${totals.in_progress} in progress`;
  const table: Block = {
    type: "table",
    caption: "Per product",
    head: [
      "Product",
      "Certified",
      "Refresh due",
      "Lapsed",
      "Expired",
      "In progress",
      "Not started",
    ],
    rows: digest.products.map((product) => [
      product.name,
      String(product.counts.certified),
      String(product.counts.refresh_due),
      String(product.counts.lapsed),
      String(product.counts.expired),
      String(product.counts.in_progress),
      String(product.counts.not_started),
    ]),
  };
  const attention: Block[] = [];
  if (digest.lapsed.length) {
    attention.push(p({ strong: "Lapsed" }, " — no longer cleared to pitch:"), {
      type: "list",
      items: limited(digest.lapsed, (l) => [
        { strong: l.repName },
        ` on ${l.productName}${l.since ? `, since ${formatDate(l.since)}` : ""}`,
      ]),
    });
  }
  if (digest.dueSoonest.length) {
    attention.push(p({ strong: "Refresh due soonest" }), {
      type: "list",
      items: limited(digest.dueSoonest, (d) => [
        { strong: d.repName },
        ` on ${d.productName} by ${formatDate(d.deadline)}`,
      ]),
    });
  }
  if (!attention.length) attention.push(p("Nobody is lapsed or due for a refresh."));
  const intro = `${teamName}, week ${week}: ${headline}.`;
  return compose({
    subject: `${teamName} this week: ${headline}`,
    email: [
      p(`Hi ${firstName(managerName)},`),
      p(intro),
      table,
      ...attention,
      p({ link: teamUrl(appUrl), label: "Open your team" }),
      footer(appUrl, "You get this weekly because you manage this team."),
    ],
    slack: [p({ strong: `${teamName}, week ${week}` }, `: ${headline}.`), table, ...attention],
    slackContext: [{ link: teamUrl(appUrl), label: "Team status" }],
  });
}

export function slackTestMessage({
  appUrl,
  teamName,
}: {
  appUrl: string;
  teamName: string;
}): SlackMessage {
  return renderSlack({
    blocks: [
      p(
        "Firsthand is connected: notifications about ",
        { strong: teamName },
        " (refreshes due, lapses, new certifications and the weekly digest) will appear in this channel.",
      ),
    ],
    context: [{ link: teamUrl(appUrl), label: "Team status" }],
  });
}
