import type autocannon from "autocannon";

/** One rep's walk through a product they had not started: open each module, answer, complete. */
export type RepWalk = {
  cookie: string;
  productSlug: string;
  modules: { slug: string; quizzes: { id: string; correct: string[] }[] }[];
};

type Step = { method: "GET" | "POST"; path: string; cookie: string; body?: string };

/** Pure: the requests of a walk in the order a rep sends them. */
export function walkSteps(walk: RepWalk): Step[] {
  const steps: Step[] = [];
  for (const module of walk.modules) {
    const path = `/products/${walk.productSlug}/${module.slug}`;
    steps.push({ method: "GET", path, cookie: walk.cookie });
    for (const quiz of module.quizzes) {
      const body = new URLSearchParams([
        ["intent", "answer-quiz"],
        ["quizId", quiz.id],
        ...quiz.correct.map((c) => ["choice", c]),
      ]);
      steps.push({ method: "POST", path, cookie: walk.cookie, body: body.toString() });
    }
    steps.push({
      method: "POST",
      path,
      cookie: walk.cookie,
      body: "intent=complete-module&confirm=yes",
    });
  }
  return steps;
}

/**
 * The mixed scenario: each connection walks its share of the reps, one step of one rep at a time,
 * round-robin (so one rep's steps stay in order), and every `managerEvery`-th request is a manager
 * loading their team. Returns autocannon request definitions.
 */
export function mixedRequests({
  walks,
  managers,
  connections,
  origin,
  managerEvery = 10,
}: {
  walks: RepWalk[];
  managers: string[];
  connections: number;
  origin: string;
  managerEvery?: number;
}): autocannon.Request[] {
  const queues = Array.from({ length: connections }, (_, c) =>
    walks.filter((_, i) => i % connections === c).map((w) => ({ steps: walkSteps(w), at: 0 })),
  );
  let nextConnection = 0;
  type Context = { connection?: number; sent?: number; rep?: number };
  return [
    {
      setupRequest: (request, raw) => {
        const context = raw as Context;
        context.connection ??= nextConnection++ % connections;
        context.sent = (context.sent ?? 0) + 1;
        const queue = queues[context.connection];
        const live = queue.filter((q) => q.at < q.steps.length);
        if (context.sent % managerEvery === 0 || live.length === 0) {
          const cookie = managers[context.sent % managers.length];
          return { ...request, method: "GET", path: "/team", headers: { cookie } };
        }
        context.rep = ((context.rep ?? -1) + 1) % live.length;
        const walk = live[context.rep];
        const step = walk.steps[walk.at++];
        const headers: Record<string, string> = { cookie: step.cookie };
        if (step.method === "POST") {
          headers["content-type"] = "application/x-www-form-urlencoded";
          headers.origin = origin;
        }
        return { ...request, method: step.method, path: step.path, headers, body: step.body };
      },
    },
  ];
}
