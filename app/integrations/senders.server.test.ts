import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { sendEmail, sendSlack } from "./notifications.server";

type Received = { to: string[]; raw: string };
const received: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("nobody@")) {
      return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

const slackBodies: string[] = [];
const slack = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    slackBodies.push(body);
    if (request.url === "/gone") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("no_service");
    } else if (request.url === "/moved") {
      response.writeHead(302, { Location: "http://127.0.0.1:1/" }).end();
    } else {
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    }
  });
});
let slackBase = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  // Read once by getEnv, before anything asks for it.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Firsthand <firsthand@example.test>";
  await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", resolve));
  slackBase = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => slack.close(() => resolve()));
});

const email = (to: string) =>
  JSON.stringify({
    to,
    subject: "Re-take “Kick-off” by 8 May 2027",
    text: "Plain body",
    html: "<p>HTML body</p>",
  });

test("an email goes out through SMTP_URL from MAIL_FROM, with the server's reply code", async () => {
  const result = await sendEmail({
    target: "ada@example.test",
    payload: email("ada@example.test"),
  });
  expect(result).toEqual({ ok: true, status: 250 });
  expect(received).toHaveLength(1);
  expect(received[0].to).toEqual(["ada@example.test"]);
  expect(received[0].raw).toMatch(/^From: Firsthand <firsthand@example\.test>\r?$/m);
  expect(received[0].raw).toContain("Plain body");
  expect(received[0].raw).toContain("<p>HTML body</p>");
});

test("a refused recipient reports the SMTP code instead of throwing", async () => {
  const result = await sendEmail({
    target: "nobody@example.test",
    payload: email("nobody@example.test"),
  });
  expect(result).toMatchObject({ ok: false, status: 550 });
  expect(result.error).toMatch(/No such mailbox/);
});

test("a payload that is not an email is refused without sending", async () => {
  const before = received.length;
  expect(await sendEmail({ target: "ada@example.test", payload: "{" })).toMatchObject({
    ok: false,
  });
  expect(
    await sendEmail({ target: "ada@example.test", payload: JSON.stringify({ to: "x" }) }),
  ).toMatchObject({ ok: false });
  expect(received.length).toBe(before);
});

test("Slack: a 2xx is delivered; anything else reports the status and Slack's reason", async () => {
  const message = JSON.stringify({ text: "hello", blocks: [] });
  expect(await sendSlack({ target: `${slackBase}/hook`, payload: message })).toEqual({
    ok: true,
    status: 200,
  });
  expect(slackBodies.at(-1)).toBe(message);
  expect(await sendSlack({ target: `${slackBase}/gone`, payload: message })).toEqual({
    ok: false,
    status: 404,
    error: "Slack answered 404: no_service",
  });
  expect(await sendSlack({ target: `${slackBase}/moved`, payload: message })).toMatchObject({
    ok: false,
    status: 302,
  });
});

test("Slack: an unreachable or non-https URL fails without throwing", async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = await sendSlack({ target: `http://127.0.0.1:${port}/hook`, payload: "{}" });
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatch(/^Could not reach the webhook URL \(.*ECONNREFUSED.*\)\.$/);
  expect(await sendSlack({ target: "http://hooks.example/x", payload: "{}" })).toMatchObject({
    ok: false,
    error: expect.stringContaining("https://"),
  });
});
