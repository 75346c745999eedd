type Frame = { functionName: string; url: string };

/** A `--cpu-prof` profile, as node writes it. */
export type CpuProfile = {
  nodes: { id: number; callFrame: Frame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

// A sample counts for the first of these found anywhere on its stack, in this order.
const parts: { name: string; frames: (frame: Frame) => boolean }[] = [
  { name: "idle", frames: (f) => f.functionName === "(idle)" },
  // Route modules' loaders keep their names in the server build (loader, loader$3, …).
  {
    name: "loaders (the page's own reads)",
    frames: (f) => /^loader(\$\w+)?$/.test(f.functionName),
  },
  { name: "route matching", frames: (f) => f.functionName === "matchRoutes" },
  {
    name: "loader data encoding (turbo-stream)",
    frames: (f) => f.functionName === "encodeViaTurboStream",
  },
  { name: "React render", frames: (f) => f.url.includes("/react-dom/cjs/react-dom-server") },
  { name: "GC", frames: (f) => f.functionName === "(garbage collector)" },
];
export const restOfRemix = "the rest: HTTP, Express, sessions, Remix's request handling";

/**
 * Busy CPU per request over the profile's last `windowMs`, split by what it was spent on; idle time
 * is left out. Microseconds in the profile, milliseconds out.
 */
export function splitCpu(
  profile: CpuProfile,
  { windowMs, requests }: { windowMs: number; requests: number },
) {
  const parentOf = new Map<number, number>();
  const frameOf = new Map<number, Frame>();
  for (const node of profile.nodes) {
    frameOf.set(node.id, node.callFrame);
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const partOf = new Map<number, string>();
  const part = (id: number) => {
    let found = partOf.get(id);
    if (found) return found;
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      stack.push(frameOf.get(at)!);
    found = parts.find((p) => stack.some(p.frames))?.name ?? restOfRemix;
    partOf.set(id, found);
    return found;
  };
  const from = profile.endTime - windowMs * 1000;
  const spent = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at < from) return;
    const name = part(id);
    spent.set(name, (spent.get(name) ?? 0) + profile.timeDeltas[i]);
  });
  spent.delete("idle");
  const perRequest = (us: number) => us / 1000 / requests;
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  return {
    msPerRequest: perRequest(total),
    parts: [...parts.map((p) => p.name).filter((n) => n !== "idle"), restOfRemix].map((name) => ({
      name,
      msPerRequest: perRequest(spent.get(name) ?? 0),
    })),
  };
}
