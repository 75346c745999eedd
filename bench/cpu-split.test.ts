import { expect, test } from "vitest";
import { restOfRemix, splitCpu, type CpuProfile } from "./cpu-split";

const frame = (functionName: string, url = "") => ({ functionName, url });

// root ─ app (express) ─ loader$3 ─ all (better-sqlite3)
//      ├ Qc (react-dom-server)
//      ├ (garbage collector)
//      ├ (idle)
//      └ handleDocumentRequest
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 5, 6, 7, 8] },
    { id: 2, callFrame: frame("app", "/x/node_modules/express/lib/express.js"), children: [3] },
    { id: 3, callFrame: frame("loader$3", "/x/build/server/index.js"), children: [4] },
    { id: 4, callFrame: frame("all", "/x/node_modules/better-sqlite3/lib/methods.js") },
    { id: 5, callFrame: frame("Qc", "/x/node_modules/react-dom/cjs/react-dom-server.node.js") },
    { id: 6, callFrame: frame("(garbage collector)") },
    { id: 7, callFrame: frame("(idle)") },
    { id: 8, callFrame: frame("handleDocumentRequest", "/x/server-runtime/dist/server.js") },
  ],
  startTime: 0,
  endTime: 10_000_000,
  // One sample a second, in µs; the first five fall before a 5 s window.
  samples: [4, 4, 5, 5, 5, 4, 5, 5, 6, 7, 8],
  timeDeltas: [0, ...Array(10).fill(1_000_000)],
};

test("a profile's last window splits into ms per request by what was on each sample's stack", () => {
  const split = splitCpu(profile, { windowMs: 5_000, requests: 10 });
  const part = (name: string) => split.parts.find((p) => p.name === name)?.msPerRequest;
  // In the window: 4 (loader), 5, 5 (render), 6 (GC), 7 (idle, left out), 8 (the rest).
  expect(part("loaders (the page's own reads)")).toBe(100);
  expect(part("React render")).toBe(200);
  expect(part("GC")).toBe(100);
  expect(part(restOfRemix)).toBe(100);
  expect(part("route matching")).toBe(0);
  expect(split.msPerRequest).toBe(500);
});
