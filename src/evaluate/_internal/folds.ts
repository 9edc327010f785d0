/**
 * Deterministic k-fold splits for cross-validation. Private to `evaluate/`.
 *
 * @module
 */

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same stream on
 * every platform.
 *
 * @param seed - Any number; its low 32 bits are used.
 * @returns A function returning floats in [0, 1).
 *
 * @example
 * ```ts
 * const r = mulberry32(1);
 * r() === mulberry32(1)(); // true
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns n items to k folds of sizes ⌊n/k⌋ or ⌈n/k⌉, in a seeded random order.
 *
 * @param n - Number of items.
 * @param k - Number of folds, 2 ≤ k ≤ n.
 * @param seed - Seed of the shuffle.
 * @returns `fold[i]` in 0..k-1 for item i.
 *
 * @example
 * ```ts
 * foldAssignment(5, 2, 1); // Int32Array of five 0s and 1s, two or three of each
 * ```
 */
export function foldAssignment(n: number, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2 || k > n) throw new RangeError(`folds: expected an integer 2 ≤ k ≤ ${n}; found ${k}`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rand = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const fold = new Int32Array(n);
  for (let p = 0; p < n; p++) fold[order[p]] = p % k;
  return fold;
}
