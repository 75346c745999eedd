import { formatDate } from "~/utils/dates";
import { renderSlack, type Block, type Inline, type SlackMessage } from "./message-document";
import {
  compose,
  firstName,
  footer,
  p,
  plural,
  productUrl,
  teamUrl,
  whatChangedUrl,
  type NotificationMessage,
} from "./message-parts";

/** Pure: what each notification says, by email (subject, text, HTML) and in the team's Slack. */

export { weeklyDigestMessage } from "./digest-message";
export { productUrl, whatChangedUrl, type NotificationMessage } from "./message-parts";

type ProductRef = { slug: string; name: string };
type ModuleRef = { slug: string; title: string };

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
