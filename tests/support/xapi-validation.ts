import validateStatement from "@learninglocker/xapi-validation";

/**
 * What Learning Locker's validator finds wrong with a statement, one readable line per problem;
 * empty when the statement is valid. (The validator returns warnings rather than throwing.)
 */
export function xapiProblems(statement: unknown): string[] {
  return validateStatement(statement).map((warning) => {
    const kind = warning.constructor.name.replace(/Warning$/, "");
    const detail = "typeName" in warning ? ` (expected ${String(warning.typeName)})` : "";
    return `${warning.path.join(".")}: ${kind}${detail}`;
  });
}
