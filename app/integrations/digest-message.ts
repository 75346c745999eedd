import { formatDate } from "~/utils/dates";
import type { Block, Inline } from "./message-document";
import { compose, firstName, footer, p, teamUrl, type NotificationMessage } from "./message-parts";
import type { TeamDigest } from "./team-digest";

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
    head: ["Product", "Certified", "Refresh due", "Lapsed", "In progress"],
    rows: digest.products.map((product) => [
      product.name,
      String(product.counts.certified),
      String(product.counts.refresh_due),
      String(product.counts.lapsed),
      String(product.counts.in_progress),
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
