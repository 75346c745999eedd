import fs from "node:fs";
import { expect, test } from "vitest";
import { redactQuizAnswers } from "./redact-quiz-answers";
import { diffReading } from "./reading-diff";

const read = (file: string) => redactQuizAnswers(fs.readFileSync(file, "utf8"));

test("the demo's ingestion-rules edit reads as a changed cell, an added caution, an added sentence and friction in words", () => {
  const diff = diffReading({
    before: read("db/demo-history/ledgerflow/ingestion-rules.r1.mdx"),
    after: read("content/products/ledgerflow/ingestion-rules.mdx"),
  });
  expect(diff.friction).toEqual({
    added: [
      "SFTP statement delivery takes 5–10 business days for the bank to set up",
      "Some banks only release prior-day statements after 09:00 local time",
    ],
    removed: ["SFTP statement delivery takes a few days for the bank to set up"],
  });
  const table = diff.pieces.find((p) => p.change === "table-changed");
  expect(table?.change === "table-changed" && table.rows.flat().filter((c) => c.was)).toEqual([
    { text: "5–10 business days, driven by your bank", was: "2–3 business days" },
  ]);
  const added = diff.pieces.filter((p) => p.change === "added");
  expect(added.map((p) => p.change === "added" && p.block.kind)).toEqual(["callout", "paragraph"]);
  const removed = diff.pieces.filter((p) => p.change === "removed");
  expect(removed.map((p) => p.change === "removed" && p.block.kind)).toEqual(["paragraph"]);
  expect(diff.questions).toEqual({ added: [], removed: [], changed: [] });
  expect(JSON.stringify(diff)).not.toMatch(/correct|<Quiz|:::|\| ---/);
});

test("questions added, removed and reworded are named by their question", () => {
  const quiz = (id: string, question: string, choice: string) =>
    `<Quiz id="${id}" question="${question}">\n  <Choice>${choice}</Choice>\n  <Choice correct>B</Choice>\n</Quiz>`;
  const diff = diffReading({
    before: redactQuizAnswers(`# T\n\n${quiz("a", "Kept?", "A")}\n\n${quiz("b", "Gone?", "A")}\n`),
    after: redactQuizAnswers(`# T\n\n${quiz("a", "Kept?", "A2")}\n\n${quiz("c", "New?", "A")}\n`),
  });
  expect(diff.questions).toEqual({ added: ["New?"], removed: ["Gone?"], changed: ["Kept?"] });
});
