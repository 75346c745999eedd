import { cachedWhile } from "./ttl-cache.server";

test("a value is kept while the version stays, and every kept value goes when it moves", () => {
  let computed = 0;
  const count = (key: string, version: string) =>
    cachedWhile({ key, version, compute: () => `${key}#${++computed}` });

  expect(count("team-a", "1:0")).toBe("team-a#1");
  expect(count("team-b", "1:0")).toBe("team-b#2");
  expect(count("team-a", "1:0")).toBe("team-a#1");

  expect(count("team-a", "2:0")).toBe("team-a#3");
  expect(count("team-b", "2:0")).toBe("team-b#4");
  expect(count("team-b", "2:1")).toBe("team-b#5");
  expect(count("team-b", "2:1")).toBe("team-b#5");
});
