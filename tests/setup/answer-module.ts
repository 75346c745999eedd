import type { ModuleSummary, Product } from "~/content/types";
import { answerQuiz } from "~/models/quiz-attempt.server";
import { quizKey } from "./product-fixture";

/** Answers every knowledge check of a fixture module with one choice ("1" is right, "0" wrong). */
export function answerModule({
  userId,
  product,
  module,
  choice = "1",
  now,
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  choice?: string;
  now: Date;
}) {
  for (const id of module.quizIds)
    answerQuiz({
      userId,
      productSlug: product.slug,
      module,
      key: quizKey(id),
      policy: product.policy,
      selected: [choice],
      now,
    });
}
