import { compose, firstName, p, type NotificationMessage } from "./message-parts";

/** What the outbox keeps of an author's reply to a friction flag. */
export type FrictionAnsweredData = {
  flagId: string;
  product: string;
  module: string;
  headingId: string;
  headingText: string;
  note: string;
  reply: string;
  authorName: string;
  readerId: string;
};

const encodePath = (slug: string) => slug.split("/").map(encodeURIComponent).join("/");

/** Pure: the email telling a reader that enablement answered what they flagged. */
export function frictionAnsweredMessage({
  appUrl,
  data,
  readerName,
}: {
  appUrl: string;
  data: FrictionAnsweredData;
  readerName: string;
}): NotificationMessage {
  const url = `${appUrl.replace(/\/+$/, "")}/products/${encodeURIComponent(data.product)}/${encodePath(data.module)}#friction-flags`;
  const body = [
    p(`Hi ${firstName(readerName)},`),
    p(
      { strong: data.authorName },
      " answered what you flagged at ",
      { strong: data.headingText },
      `: “${data.note}”`,
    ),
    p(`“${data.reply}”`),
    p({ link: url, label: "Open the module" }),
  ];
  return compose({
    subject: `${data.authorName} answered your flag on “${data.headingText}”`,
    email: body,
    slack: body.slice(1),
  });
}
