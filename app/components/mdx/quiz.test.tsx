// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { Choice, Quiz } from "./quiz";
import { QuizStateProvider, type QuizState } from "./quiz-context";

afterEach(cleanup);

function renderQuiz({ state, multiple = false }: { state?: QuizState; multiple?: boolean } = {}) {
  return render(
    <QuizStateProvider value={state ? { "monday-upload": state } : {}}>
      <Quiz id="monday-upload" question="What replaces the Monday upload?" multiple={multiple}>
        <Choice value="0">A weekly template</Choice>
        <Choice value="1">Ingestion rules</Choice>
      </Quiz>
    </QuizStateProvider>,
  );
}

test("an unanswered quiz is a form of radio choices that posts the quiz id", () => {
  const { container } = renderQuiz();
  const group = screen.getByRole("group", { name: "What replaces the Monday upload?" });
  expect(within(group).getAllByRole("radio")).toHaveLength(2);
  expect(screen.getByRole("radio", { name: "Ingestion rules" })).toHaveAttribute("value", "1");
  expect(container.querySelector('input[name="intent"]')).toHaveValue("answer-quiz");
  expect(container.querySelector('input[name="quizId"]')).toHaveValue("monday-upload");
  expect(container.querySelector("form")).toHaveAttribute("method", "post");
  expect(screen.getByRole("button", { name: "Check answer" })).toBeEnabled();
  expect(screen.queryByRole("status")).toBeNull();
});

test("a multiple-answer quiz uses checkboxes", () => {
  renderQuiz({ multiple: true });
  expect(screen.getAllByRole("checkbox")).toHaveLength(2);
  expect(screen.getByText("Select all that apply.")).toBeInTheDocument();
});

test("after a graded submit the verdict, correct choices, explanation and attempts are shown", () => {
  renderQuiz({
    state: {
      status: "incorrect",
      selected: ["0"],
      correct: ["1"],
      explanationHtml: "<p>Rules pull feeds <strong>daily</strong>.</p>",
      attemptsLeftToday: 0,
      nextAttemptAt: "2025-03-04T09:00:00.000Z",
      message: "Come back tomorrow.",
    },
  });
  const status = screen.getByRole("status");
  expect(status).toHaveTextContent("Not quite.");
  expect(status).toHaveTextContent("Rules pull feeds daily.");
  expect(status).toHaveTextContent(
    "No attempts left today. Next attempt from 4 Mar 2025, 09:00 UTC.",
  );
  expect(status).toHaveTextContent("Come back tomorrow.");
  expect(screen.getByRole("radio", { name: "A weekly template" })).toBeChecked();
  expect(screen.getByText("Correct answer").closest("label")).toHaveTextContent("Ingestion rules");
  expect(screen.getByRole("button", { name: "Check answer" })).toBeDisabled();
});
