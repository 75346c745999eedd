import { createPrng, prngUuid } from "./bench-prng";

describe("createPrng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number | string) => {
      const prng = createPrng(seed);
      return Array.from({ length: 20 }, () => prng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw("org")).toEqual(draw("org"));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays inside the ranges it is asked for and covers them", () => {
    const prng = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = prng.int(3, 8);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
      seen.add(n);
      const x = prng.between(-1, 1);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThan(1);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("shuffles without losing items", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createPrng(1).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it("forks streams that do not depend on draws made from the parent", () => {
    const a = createPrng(5);
    const b = createPrng(5);
    b.next();
    b.next();
    expect(a.fork("users").next()).toBe(b.fork("users").next());
    expect(a.fork("users").next()).not.toBe(a.fork("content").next());
  });

  it("makes UUID-shaped ids", () => {
    const id = prngUuid(createPrng(9));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
