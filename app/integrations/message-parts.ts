import {
  oneLine,
  renderHtml,
  renderSlack,
  renderText,
  type Block,
  type Inline,
  type SlackMessage,
} from "./message-document";

/** What every notification is made of: its links, its salutation, its three renderings. */

export type NotificationMessage = {
  subject: string;
  text: string;
  html: string;
  slack: SlackMessage;
};

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
export const teamUrl = (appUrl: string) => `${base(appUrl)}/team`;
const settingsUrl = (appUrl: string) => `${base(appUrl)}/settings/notifications`;

export const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const p = (...parts: Inline[]): Block => ({ type: "paragraph", parts });

export function footer(appUrl: string, why: string): Block {
  return p(`${why} `, {
    link: settingsUrl(appUrl),
    label: "Choose which notifications you get",
  });
}

export function compose({
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
