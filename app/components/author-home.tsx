import type { Need } from "./needs-today";
import { NeedsToday } from "./needs-today";

export type AuthorNeedsView = {
  problems: { productSlug: string; productName: string; title: string; status: string }[];
  errors: number;
  warnings: number;
  openFlags: number;
  flaggedModules: { key: string; productName: string; title: string; open: number }[];
  waiting: { productSlug: string; productName: string; modules: string[]; reps: number }[];
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** An author's first question: is any content broken, did reps flag anything, what is about to change? */
export function AuthorNeeds({ needs }: { needs: AuthorNeedsView }) {
  const { problems, errors, warnings, openFlags, flaggedModules, waiting } = needs;
  const findings = problems.length + errors + warnings;
  const items: Need[] = [
    {
      key: "content",
      count: findings,
      label: `content ${findings === 1 ? "problem" : "problems"}: ${plural(problems.length, "module")} not serving the latest edit, ${plural(errors, "error")} and ${plural(warnings, "warning")} from content:check`,
      clear: "Every module compiles and content:check finds nothing.",
      href: "/content",
      action: "Open content status",
      details: problems
        .slice(0, 3)
        .map(
          (p) =>
            `${p.productName}: ${p.title} (${p.status === "stale" ? "latest edit fails; last good version served" : "never compiled; unavailable"})`,
        ),
    },
    {
      key: "friction",
      count: openFlags,
      label: `open friction ${openFlags === 1 ? "flag" : "flags"} from the field`,
      clear: "No open friction flags.",
      href: "/friction",
      action: "Answer friction flags",
      details: flaggedModules.map((m) => `${m.productName}: ${m.title} (${m.open} open)`),
    },
    {
      key: "waiting",
      count: waiting.reduce((n, w) => n + w.modules.length, 0),
      label: "revision changes on disk waiting to go live",
      clear: "No revision changes waiting to go live.",
      href:
        waiting.length === 1
          ? `/content/impact?product=${waiting[0].productSlug}`
          : "/content/impact",
      action: "See who they move to refresh due",
      details: waiting.map(
        (w) =>
          `${w.productName}: ${w.modules.join(", ")} (${plural(w.reps, "certified rep")} affected)`,
      ),
    },
  ];
  return <NeedsToday needs={items} />;
}
