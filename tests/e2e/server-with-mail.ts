import { startMailReceiver } from "../support/mail-receiver";
import { startServer } from "./start-server";

/**
 * The built server with a local SMTP server standing in for the mail relay, polling its outbox
 * often, so a test sees each email arrive.
 */
export async function startServerWithMail(env: Record<string, string> = {}) {
  const mail = await startMailReceiver();
  const server = await startServer({
    SMTP_URL: mail.url,
    MAIL_FROM: "Firsthand <firsthand@demo.firsthand.test>",
    OUTBOX_POLL_MS: "100",
    ...env,
  }).catch(async (error: unknown) => {
    await mail.close();
    throw error;
  });
  return {
    server,
    mail,
    stop: async () => {
      await server.stop();
      await mail.close();
    },
  };
}

export type ServerWithMail = Awaited<ReturnType<typeof startServerWithMail>>;

/** Polls `find` until it returns something, for up to 15 seconds. */
export async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
