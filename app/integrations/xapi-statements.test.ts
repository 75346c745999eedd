import { xapiProblems } from "../../tests/support/xapi-validation";
import type { OutboxEvent } from "./events";
import { nameBasedUuid } from "./statement-id";
import { statementForEvent } from "./xapi-statements";
import {
  appUrl,
  certificationIssued,
  digestWeekly,
  moduleCompleted,
  outboxEvent,
  quizAnswered,
  repEmail,
  repId,
  roundFailed,
  roundPassed,
} from "../../tests/support/sample-outbox-events";

function statementOf(event: OutboxEvent) {
  const statement = statementForEvent({ event, appUrl });
  if (!statement) throw new Error(`No statement for ${event.type}`);
  return statement;
}

const statementEvents = [
  moduleCompleted,
  quizAnswered,
  roundPassed,
  roundFailed,
  certificationIssued,
];

test.each(statementEvents.map((e) => [e.type, e] as const))(
  "%s becomes a statement Learning Locker's validator accepts",
  (_type, event) => {
    expect(xapiProblems(statementOf(event))).toEqual([]);
  },
);

test("the validator catches a broken statement, so the checks above can fail", () => {
  const statement = statementOf(roundPassed);
  const broken = { ...statement, id: "evt_round_passed_01", result: { score: { scaled: 1.5 } } };
  expect(() => expect(xapiProblems(broken)).toEqual([])).toThrow();
  expect(xapiProblems(broken).sort()).toEqual([
    "statement.id: Type (expected Universal Unique Identifier (UUID))",
    "statement.result.score.scaled: Type (expected Scaled)",
  ]);
});

test("the actor is the rep's account on this Firsthand, never their email", () => {
  for (const event of statementEvents) {
    const statement = statementOf(event);
    expect(statement.actor).toEqual({
      objectType: "Agent",
      account: { homePage: appUrl, name: repId },
    });
    expect(JSON.stringify(statement)).not.toContain(repEmail);
    expect(JSON.stringify(statement)).not.toMatch(/mbox|mailto:/);
  }
});

test("statement ids are UUIDs derived from the event id: same event, same id", () => {
  const ids = statementEvents.map((e) => statementOf(e).id);
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
  expect(new Set(ids).size).toBe(ids.length);
  expect(statementOf({ ...moduleCompleted }).id).toBe(statementOf(moduleCompleted).id);
  expect(statementOf({ ...moduleCompleted, id: "evt_other" }).id).not.toBe(
    statementOf(moduleCompleted).id,
  );
});

test("the UUID is RFC 4122 version 5", () => {
  // RFC 4122's DNS namespace; the expected value is what any UUIDv5 library gives for this name.
  const dns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
  expect(nameBasedUuid({ namespace: dns, name: "www.example.com" })).toBe(
    "2ed6657d-e927-568b-95e1-2665a8aea6a2",
  );
});

test("each event gets its verb and object", () => {
  const product = `${appUrl}/products/ledgerflow`;
  const module = `${product}/week-2/ingestion-rules`;
  const expected = [
    [moduleCompleted, "http://adlnet.gov/expapi/verbs/completed", module, "module"],
    [
      quizAnswered,
      "http://adlnet.gov/expapi/verbs/answered",
      `${module}#quiz-monday-upload`,
      "cmi.interaction",
    ],
    [roundPassed, "http://adlnet.gov/expapi/verbs/passed", product, "course"],
    [roundFailed, "http://adlnet.gov/expapi/verbs/failed", product, "course"],
  ] as const;
  for (const [event, verb, objectId, type] of expected) {
    const statement = statementOf(event);
    expect(statement.verb.id).toBe(verb);
    expect(statement.object).toMatchObject({
      id: objectId,
      definition: { type: `http://adlnet.gov/expapi/activities/${type}` },
    });
  }
  const earned = statementOf(certificationIssued);
  expect(earned.verb.id).toBe("http://id.tincanapi.com/verb/earned");
  expect(earned.object).toMatchObject({
    id: `${appUrl}/certifications/ledgerflow`,
    definition: { name: { "en-US": "LedgerFlow certification" } },
  });
});

test("a quiz answer is an interaction named by its question, with success and no answer key", () => {
  const statement = statementOf(quizAnswered);
  expect(statement.object).toMatchObject({
    definition: {
      interactionType: "choice",
      name: { "en-US": "What replaces the Monday file upload?" },
    },
  });
  expect(statement.object).not.toHaveProperty("definition.correctResponsesPattern");
  expect(statement.result).toEqual({ success: false });
  expect(statement.context).toMatchObject({
    revision: "2",
    contextActivities: { parent: [{ id: `${appUrl}/products/ledgerflow/week-2/ingestion-rules` }] },
  });
});

test("a round carries its scaled score and whether it passed", () => {
  expect(statementOf(roundPassed).result).toMatchObject({
    score: { scaled: 0.875 },
    success: true,
  });
  expect(statementOf(roundFailed).result).toMatchObject({ score: { scaled: 0.5 }, success: false });
});

test("timestamp is the event's time and the platform is Firsthand", () => {
  const statement = statementOf(moduleCompleted);
  expect(statement.timestamp).toBe("2025-03-04T09:15:30.125Z");
  expect(statement.context?.platform).toBe("Firsthand");
});

test("a trailing slash on APP_URL does not double up in ids", () => {
  const statement = statementForEvent({ event: roundPassed, appUrl: `${appUrl}/` });
  expect(statement?.actor).toMatchObject({ account: { homePage: appUrl } });
  expect(statement?.object).toMatchObject({ id: `${appUrl}/products/ledgerflow` });
});

test("other events, and events about nobody, make no statement", () => {
  expect(statementForEvent({ event: digestWeekly, appUrl })).toBeNull();
  const lapsed = outboxEvent("certification.lapsed", certificationIssued.data);
  expect(statementForEvent({ event: lapsed, appUrl })).toBeNull();
  expect(statementForEvent({ event: { ...moduleCompleted, userId: null }, appUrl })).toBeNull();
});
