/**
 * Removes quiz answer keys from MDX source so a "what changed" diff cannot reveal which choice is
 * correct, or the explanation, before the rep re-takes the quiz.
 */
export function redactQuizAnswers(source: string): string {
  return source
    .replace(/<Explain\b[^>]*>[\s\S]*?<\/Explain>/g, "<Explain>…</Explain>")
    .replace(/<Explain\b[^>]*\/>/g, "")
    .replace(/<Choice\b([^>]*)>/g, (_tag, attributes: string) => {
      const kept = attributes.replace(
        // Any value goes, false too: marking the wrong choices tells the right one.
        /\s+correct(\s*=\s*(\{[^}]*\}|"[^"]*"|'[^']*'))?(?=[\s/]|$)/g,
        "",
      );
      return `<Choice${kept}>`;
    });
}
