/** A small seeded PRNG (mulberry32): the bench organisation must come out the same from the same seed. */
export type Prng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Whole number in [min, max]. */
  int: (min: number, max: number) => number;
  /** Uniform in [min, max). */
  between: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  shuffle: <T>(items: readonly T[]) => T[];
  /** `bytes` random bytes as lower-case hex. */
  hex: (bytes: number) => string;
  /** An independent stream for one named part, so adding draws in one part leaves the others alone. */
  fork: (label: string) => Prng;
};

function hashString(text: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createPrng(seed: number | string): Prng {
  const base = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  let state = base;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    hex: (bytes) => {
      let out = "";
      for (let i = 0; i < bytes; i++) out += int(0, 255).toString(16).padStart(2, "0");
      return out;
    },
    fork: (label) => createPrng(`${base}/${label}`),
  };
}

/** A UUID-shaped id (version 4 layout) from the PRNG. */
export function prngUuid(prng: Prng): string {
  const h = prng.hex(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
