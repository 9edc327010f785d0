/**
 * The peer streamed pass's union–find: forests built by different threads from any split
 * of the pairs join into the forest of all the pairs (the components, hence the most
 * pairs, do not depend on the split).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Components } from '../../src/match/peer-stream.js';

/** Components by brute force: a label per person (the smallest id reachable). */
function labels(n: number, edges: readonly (readonly [number, number])[]): number[] {
  const label = Array.from({ length: n }, (_, i) => i);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges) {
      const m = Math.min(label[a]!, label[b]!);
      if (label[a] !== m || label[b] !== m) {
        label[a] = label[b] = m;
        changed = true;
      }
    }
  }
  return label;
}

describe('Components (the peer stream’s forests)', () => {
  it('hand-checked: two components of two and one of three give 1 + 1 + 1 pairs', () => {
    const c = new Components(Components.init(new Int32Array(7)));
    c.union(0, 1);
    c.union(2, 3);
    c.union(4, 5);
    c.union(6, 5);
    expect(c.mostPairs()).toBe(3);
    expect(c.find(6)).toBe(4); // a component's root is its smallest id
  });

  it('forests of any split of the pairs, joined, equal the brute-force components (fast-check)', () => {
    const arb = fc.integer({ min: 1, max: 14 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 2 })), { maxLength: 30 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ n, edges }) => {
        const parts = [0, 1, 2].map(() => new Components(Components.init(new Int32Array(n))));
        for (const [a, b, t] of edges) parts[t]!.union(a, b);
        parts[0]!.join(parts[1]!);
        parts[0]!.join(parts[2]!);
        const want = labels(n, edges.map(([a, b]) => [a, b] as const));
        expect(Array.from({ length: n }, (_, v) => parts[0]!.find(v))).toEqual(want);
        const sizes = new Map<number, number>();
        for (const l of want) sizes.set(l, (sizes.get(l) ?? 0) + 1);
        expect(parts[0]!.mostPairs()).toBe([...sizes.values()].reduce((s, k) => s + (k >> 1), 0));
      }),
    );
  });
});
