import { redactQuizAnswers } from "./redact-quiz-answers";

test("correct markers and explanations are gone, questions and choices stay", () => {
  const source = [
    '<Quiz id="q" question="Which one?">',
    "  <Choice>Monday upload</Choice>",
    "  <Choice correct>Ingestion rules</Choice>",
    "  <Choice correct={true} >ERP sync</Choice>",
    '  <Choice correct="true">Bank feed</Choice>',
    "  <Explain>",
    "    Rules pull feeds **daily**.",
    "  </Explain>",
    "</Quiz>",
  ].join("\n");
  const redacted = redactQuizAnswers(source);
  expect(redacted).not.toMatch(/correct/);
  expect(redacted).not.toMatch(/daily/);
  expect(redacted).toContain('<Quiz id="q" question="Which one?">');
  expect(redacted).toContain("<Choice>Ingestion rules</Choice>");
  expect(redacted).toContain("<Choice >ERP sync</Choice>");
  expect(redacted).toContain("<Explain>…</Explain>");
});

test('a choice marked correct={false} or correct="false" loses the marker too', () => {
  const redacted = redactQuizAnswers(
    '<Choice correct={false}>A</Choice>\n<Choice correct="false">B</Choice>\n<Choice>C</Choice>',
  );
  expect(redacted).toBe("<Choice>A</Choice>\n<Choice>B</Choice>\n<Choice>C</Choice>");
});

test("prose that merely uses the word correct is left alone", () => {
  const source = "Make sure the mapping is correct before you import.";
  expect(redactQuizAnswers(source)).toBe(source);
});
