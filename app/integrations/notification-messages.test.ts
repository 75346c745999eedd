import { escapeHtml, escapeMrkdwn } from "./message-document";
import {
  lapseWarningMessage,
  moduleChangedMessage,
  repCertifiedMessage,
  repLapsedMessage,
  weeklyDigestMessage,
} from "./notification-messages";
import { summarizeTeam } from "./team-digest";

const appUrl = "https://firsthand.example/";
const hostile = `Ada <b>"Eve"</b> & <!channel> <https://evil.example|click>`;
const product = { slug: "ledgerflow", name: "LedgerFlow & <Co>" };
const modules = [
  { slug: "week-2/rules", title: "Rules <script>alert(1)</script>" },
  { slug: "kickoff", title: "Kick-off & welcome" },
];
const deadline = "2027-05-08T09:30:00.000Z";

const slackText = (m: { slack: { text: string; blocks: unknown[] } }) =>
  JSON.stringify(m.slack.blocks) + m.slack.text;

test("a module-changed email names each module, links what changed and gives the deadline as the app writes it", () => {
  const m = moduleChangedMessage({ appUrl, repName: "Ada Lovelace", product, modules, deadline });
  expect(m.subject).toBe("Re-take 2 changed modules on LedgerFlow & <Co> by 8 May 2027");
  expect(m.text).toContain("Hi Ada,");
  expect(m.text).toContain("Re-take by 8 May 2027.");
  expect(m.text).toContain(
    "Rules <script>alert(1)</script> — see what changed (https://firsthand.example/what-changed/ledgerflow/week-2/rules)",
  );
  expect(m.text).toContain("https://firsthand.example/products/ledgerflow");
  expect(m.text).toContain("https://firsthand.example/settings/notifications");
  expect(m.html).toContain("<strong>8 May 2027</strong>");
  expect(m.html).toContain('href="https://firsthand.example/what-changed/ledgerflow/kickoff"');
  expect(slackText(m)).toContain("8 May 2027");

  const one = moduleChangedMessage({
    appUrl,
    repName: "Ada",
    product,
    modules: [modules[1]],
    deadline,
  });
  expect(one.subject).toBe("Re-take “Kick-off & welcome” on LedgerFlow & <Co> by 8 May 2027");
});

test("HTML escapes every name and title, and carries no markup but its own", () => {
  const m = moduleChangedMessage({ appUrl, repName: hostile, product, modules, deadline });
  expect(m.html).not.toContain("<script>");
  expect(m.html).not.toContain("<b>");
  expect(m.html).toContain(escapeHtml("Rules <script>alert(1)</script>"));
  expect(m.html).toContain("LedgerFlow &amp; &lt;Co&gt;");
  const tags = [...m.html.matchAll(/<\/?([a-z]+)/gi)].map((t) => t[1].toLowerCase());
  expect(new Set(tags)).toEqual(
    new Set(["html", "head", "meta", "title", "body", "div", "p", "ul", "li", "strong", "a"]),
  );
  expect(escapeHtml(`"'&<>`)).toBe("&quot;&#39;&amp;&lt;&gt;");
});

test("Slack text escapes &, < and > so nobody's name can ping the channel or forge a link", () => {
  const m = moduleChangedMessage({ appUrl, repName: hostile, product, modules, deadline });
  const all = [
    m.slack.text,
    ...m.slack.blocks.flatMap((b) => ("text" in b ? [b.text.text] : b.elements.map((e) => e.text))),
  ];
  for (const text of all) {
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<https://evil.example");
    expect(text).not.toContain("<script>");
  }
  expect(m.slack.text).toContain('*Ada &lt;b&gt;"Eve"&lt;/b&gt; &amp; &lt;!channel&gt;');
  // Our own links are the only Slack markup left.
  const links = all.join("\n").match(/<[^>]*>/g) ?? [];
  expect(links).toEqual([
    "<https://firsthand.example/what-changed/ledgerflow/week-2/rules|see what changed>",
    "<https://firsthand.example/what-changed/ledgerflow/kickoff|see what changed>",
    "<https://firsthand.example/products/ledgerflow|Open LedgerFlow &amp; &lt;Co&gt;>",
  ]);
  expect(m.slack.blocks.every((b) => b.type === "section" || b.type === "context")).toBe(true);
  expect(escapeMrkdwn("a & <b>")).toBe("a &amp; &lt;b&gt;");
});

test("a subject stays on one line whatever the title holds", () => {
  const m = moduleChangedMessage({
    appUrl,
    repName: "Ada",
    product: { slug: "x", name: "Line\r\nBcc: eve@example.test" },
    modules: [modules[1]],
    deadline,
  });
  expect(m.subject).not.toMatch(/[\r\n]/);
  expect(m.subject).toContain("Line Bcc: eve@example.test");
});

test("a lapse warning counts the days left and gives the deadline", () => {
  const m = lapseWarningMessage({
    appUrl,
    repName: "Ada",
    product,
    modules: [modules[1]],
    deadline,
    daysLeft: 7,
  });
  expect(m.subject).toBe("LedgerFlow & <Co>: your refresh is overdue in 7 days, on 8 May 2027");
  expect(m.text).toContain("lapses 8 May 2027 (in 7 days) unless you re-take “Kick-off & welcome”");
  expect(m.slack.text).toContain("overdue in 7 days, on *8 May 2027*");
});

test("a manager hears of a certification and of a lapse, with links to the team page", () => {
  const certified = repCertifiedMessage({
    appUrl,
    managerName: "Grace Hopper",
    repName: "Ada Lovelace",
    product,
    expiresAt: "2028-01-31T00:00:00.000Z",
    verifyUrl: "https://firsthand.example/verify/abc",
  });
  expect(certified.subject).toBe("Ada Lovelace is certified on LedgerFlow & <Co>");
  expect(certified.text).toContain("Hi Grace,");
  expect(certified.text).toContain("cleared to pitch it until 31 Jan 2028.");
  expect(certified.text).toContain("(https://firsthand.example/verify/abc)");
  expect(certified.text).toContain("(https://firsthand.example/team)");

  const lapsed = repLapsedMessage({
    appUrl,
    managerName: "Grace Hopper",
    repName: "Ada Lovelace",
    product,
    modules: [modules[1]],
    deadline,
  });
  expect(lapsed.subject).toBe("Ada Lovelace's LedgerFlow & <Co> certification lapsed");
  expect(lapsed.text).toContain("did not re-take “Kick-off & welcome” by 8 May 2027");
  expect(lapsed.slack.text).toContain("*LedgerFlow &amp; &lt;Co&gt;* lapsed");
});

test("the weekly digest counts each status per product and lists who is lapsed or due soonest", () => {
  const products = [
    { slug: "a", name: "Alpha" },
    { slug: "b", name: "Beta <β>" },
  ];
  const digest = summarizeTeam({
    products,
    standings: [
      {
        repName: "Zoe",
        productSlug: "a",
        productName: "Alpha",
        status: "certified",
        refreshDeadline: null,
      },
      {
        repName: "Ann",
        productSlug: "a",
        productName: "Alpha",
        status: "refresh_due",
        refreshDeadline: "2027-05-20T00:00:00Z",
      },
      {
        repName: "Bob",
        productSlug: "a",
        productName: "Alpha",
        status: "lapsed",
        refreshDeadline: "2027-04-01T00:00:00Z",
      },
      {
        repName: "Zoe",
        productSlug: "b",
        productName: "Beta <β>",
        status: "refresh_due",
        refreshDeadline: "2027-05-10T00:00:00Z",
      },
      {
        repName: "Ann",
        productSlug: "b",
        productName: "Beta <β>",
        status: "in_progress",
        refreshDeadline: null,
      },
      {
        repName: "Bob",
        productSlug: "b",
        productName: "Beta <β>",
        status: "not_started",
        refreshDeadline: null,
      },
    ],
  });
  expect(
    digest.products.map((p) => [
      p.name,
      p.counts.certified,
      p.counts.refresh_due,
      p.counts.lapsed,
      p.counts.in_progress,
    ]),
  ).toEqual([
    ["Alpha", 1, 1, 1, 0],
    ["Beta <β>", 0, 1, 0, 1],
  ]);
  expect(digest.dueSoonest.map((d) => d.repName)).toEqual(["Zoe", "Ann"]);

  const m = weeklyDigestMessage({
    appUrl,
    managerName: "Grace",
    teamName: "Team North",
    week: "2027-W19",
    digest,
  });
  expect(m.subject).toBe(
    "Team North this week: 1 certified, 2 refresh due, 1 lapsed, 1 in progress",
  );
  expect(m.text).toContain("- Alpha: certified 1, refresh due 1, lapsed 1, in progress 0");
  expect(m.text).toContain("- Bob on Alpha, since 1 Apr 2027");
  expect(m.text).toMatch(/- Zoe on Beta <β> by 10 May 2027\n- Ann on Alpha by 20 May 2027/);
  expect(m.html).toMatch(/<th scope="row"[^>]*>Beta &lt;β&gt;<\/th>/);
  expect(slackText(m)).toContain("• *Beta &lt;β&gt;*: 0 certified · 1 refresh due");
  expect(m.text).toContain("https://firsthand.example/team");
});

test("a long team is cut to ten lines, so the Slack message stays within Slack's limits", () => {
  const standings = Array.from({ length: 30 }, (_, i) => ({
    repName: `Rep ${String(i).padStart(2, "0")}`,
    productSlug: "a",
    productName: "Alpha",
    status: "lapsed" as const,
    refreshDeadline: "2027-04-01T00:00:00Z",
  }));
  const digest = summarizeTeam({ products: [{ slug: "a", name: "Alpha" }], standings });
  const m = weeklyDigestMessage({
    appUrl,
    managerName: "G",
    teamName: "T",
    week: "2027-W19",
    digest,
  });
  expect(m.text).toContain("- Rep 09 on Alpha");
  expect(m.text).not.toContain("Rep 10");
  expect(m.text).toContain("…and 20 more on the team page.");
  for (const block of m.slack.blocks) {
    const texts = "text" in block ? [block.text.text] : block.elements.map((e) => e.text);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
  }
  expect(m.slack.blocks.length).toBeLessThanOrEqual(50);
});
