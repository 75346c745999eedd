import { isAllowedWebhookUrl, slackWebhookUrl } from "./slack-webhook-url";

test("https webhook URLs pass; plain http only to this machine", () => {
  for (const url of [
    "https://hooks.slack.com/services/T000/B000/XXXX",
    "http://127.0.0.1:4567/hook",
    "http://localhost:8080/x",
    "http://[::1]:9000/x",
  ])
    expect(isAllowedWebhookUrl(url), url).toBe(true);
  for (const url of [
    "http://hooks.slack.com/services/T000/B000/XXXX",
    "ftp://hooks.slack.com/x",
    "javascript:alert(1)",
    "https://user:pass@hooks.slack.com/x",
    "http://127.0.0.1.evil.example/x",
    "not a url",
    "",
  ])
    expect(isAllowedWebhookUrl(url), url).toBe(false);
});

test("the form schema trims and explains what it wants", () => {
  expect(slackWebhookUrl.parse("  https://hooks.slack.com/services/a  ")).toBe(
    "https://hooks.slack.com/services/a",
  );
  const bad = slackWebhookUrl.safeParse("http://example.com/hook");
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0].message).toMatch(/starting with https:\/\//);
});
