import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { getEnv } from "~/utils/env.server";
import type { DeliverySender } from "./events";

export const emailPayload = z.object({
  to: z.string().email(),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
});
export type EmailPayload = z.infer<typeof emailPayload>;

let transport: { url: string; transporter: Transporter } | null = null;

// One transport for the process: nodemailer keeps no connection open between messages unless
// pooled, but building it parses the URL and TLS options once.
function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport = {
      url,
      transporter: nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return transport.transporter;
}

const smtpError = z.object({
  message: z.string(),
  responseCode: z.number().int().optional(),
  code: z.string().optional(),
});

function replyCode(response: unknown): number | undefined {
  const code = typeof response === "string" ? Number.parseInt(response, 10) : NaN;
  return Number.isInteger(code) ? code : undefined;
}

/** Sends one email through SMTP_URL from MAIL_FROM; the SMTP reply code is the status. */
export const sendEmail: DeliverySender = async ({ payload }) => {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return { ok: false, error: "Email is off: SMTP_URL is not set." };
  let message: EmailPayload;
  try {
    message = emailPayload.parse(JSON.parse(payload));
  } catch {
    return {
      ok: false,
      error: "The email in the outbox is not valid JSON of {to, subject, text, html}.",
    };
  }
  try {
    const info = await transporterFor(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
    return { ok: true, status: replyCode(info.response) };
  } catch (error) {
    const parsed = smtpError.safeParse(error);
    if (!parsed.success) return { ok: false, error: String(error) };
    const { message: text, responseCode, code } = parsed.data;
    return { ok: false, status: responseCode, error: code ? `${code}: ${text}` : text };
  }
};
