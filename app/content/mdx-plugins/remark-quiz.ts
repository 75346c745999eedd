import type { Nodes, Root, RootContent } from "mdast";
import type { MdxJsxAttribute } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { report, type CompileContext } from "../compile-context";
import { explanationHtml } from "../explanation-html.server";
import type { QuizChoice } from "../types";
import {
  isJsxElement,
  isParent,
  lineOf,
  literalAttribute,
  readAttribute,
  stringAttribute,
  type MdxJsxElement,
  type PluginFile,
} from "./mdx-nodes";

/**
 * Moves each quiz's answer key and explanation out of the document into server-only data. What stays is
 * `<Quiz id question multiple>` with `<Choice value="0">` children in source order, so nothing in the
 * page reveals which choices are right.
 */
export function remarkQuiz(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    visit(tree as Node, (node) => {
      if (!isJsxElement(node) || node.name !== "Quiz") return;
      extractQuiz({ quiz: node, context, file: file.path });
    });
  };
}

function extractQuiz({
  quiz,
  context,
  file,
}: {
  quiz: MdxJsxElement;
  context: CompileContext;
  file: string;
}) {
  const line = lineOf(quiz) ?? 1;
  const error = (message: string, at = line) =>
    report(context, { severity: "error", file, line: at, message });
  const idValue = readAttribute(quiz, "id");
  const questionValue = readAttribute(quiz, "question");
  const id = typeof idValue === "string" ? idValue.trim() : "";
  const question = typeof questionValue === "string" ? questionValue.trim() : "";
  if (!id) error('Quiz has no id: add id="…", unique within the product');
  if (!question) error(`Quiz ${id || "without id"} has no question: add question="…"`);

  const choices: QuizChoice[] = [];
  const correct: string[] = [];
  const explanation: Nodes[] = [];
  const kept: RootContent[] = [];
  for (const child of quiz.children) {
    if (isJsxElement(child) && child.name === "Explain") {
      explanation.push(...child.children);
      continue;
    }
    if (isJsxElement(child) && child.name === "Choice") {
      const value = String(choices.length);
      const isCorrect = readAttribute(child, "correct");
      if (isCorrect === true || isCorrect === "true") correct.push(value);
      choices.push({ value, text: toString(child).trim() });
      child.attributes = [stringAttribute("value", value)];
      Object.assign(child, { children: unwrapSingleParagraph(child.children) });
    }
    kept.push(child);
  }
  quiz.children = kept as MdxJsxElement["children"];

  if (choices.length < 2)
    error(`Quiz ${id || "without id"} needs at least 2 choices (has ${choices.length})`);
  else if (correct.length === 0)
    error(`Quiz ${id || "without id"} has no correct choice: mark one with <Choice correct>`);
  if (id && context.quizKeys.some((key) => key.id === id))
    error(`Quiz id "${id}" is used twice in this module`);

  const multiple = correct.length > 1;
  const attributes: MdxJsxAttribute[] = [
    stringAttribute("id", id),
    stringAttribute("question", question),
    literalAttribute("multiple", multiple),
  ];
  quiz.attributes = attributes;
  context.quizKeys.push({
    id,
    question,
    multiple,
    choices,
    correct,
    explanationHtml: explanationHtml(explanation),
    line,
  });
}

function unwrapSingleParagraph(children: readonly Node[]): Node[] {
  const [only] = children;
  if (children.length === 1 && only.type === "paragraph" && isParent(only)) return only.children;
  return [...children];
}
