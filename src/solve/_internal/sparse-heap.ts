/**
 * Indexed 4-ary min-heap (shallower than a binary one: fewer moves per pop) of column ids keyed by (level, value) pairs compared
 * lexicographically, with decrease-key: the priority queue of the sparse assignment's
 * Dijkstra (sparse-ssp.ts). Items are integers in `[0, capacity)`; keys live in
 * Float64Arrays, so nothing is allocated after construction.
 */
export class LexHeap {
  /** Number of items in the heap. */
  size = 0;
  private readonly items: Int32Array;
  private readonly ka: Float64Array;
  private readonly kb: Float64Array;
  private readonly where: Int32Array;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.ka = new Float64Array(capacity);
    this.kb = new Float64Array(capacity);
    this.where = new Int32Array(capacity);
  }

  /** Empties the heap (O(1)). */
  clear(): void {
    this.size = 0;
  }

  /** Level of the smallest key (heap must not be empty). */
  topA(): number {
    return this.ka[0];
  }

  /** Value of the smallest key (heap must not be empty). */
  topB(): number {
    return this.kb[0];
  }

  /** Inserts x, which must not be in the heap. */
  push(x: number, a: number, b: number): void {
    this.up(this.size++, x, a, b);
  }

  /** Lowers the key of x, which must be in the heap. */
  decrease(x: number, a: number, b: number): void {
    this.up(this.where[x], x, a, b);
  }

  /** Removes and returns the item of smallest key. */
  pop(): number {
    const top = this.items[0];
    const n = --this.size;
    if (n > 0) this.down(this.items[n], this.ka[n], this.kb[n]);
    return top;
  }

  private up(p: number, x: number, a: number, b: number): void {
    const { items, ka, kb, where } = this;
    while (p > 0) {
      const q = (p - 1) >> 2;
      const qa = ka[q];
      if (a > qa || (a === qa && b >= kb[q])) break;
      const y = items[q];
      items[p] = y;
      ka[p] = qa;
      kb[p] = kb[q];
      where[y] = p;
      p = q;
    }
    items[p] = x;
    ka[p] = a;
    kb[p] = b;
    where[x] = p;
  }

  private down(x: number, a: number, b: number): void {
    const { items, ka, kb, where } = this;
    const n = this.size;
    let p = 0;
    for (;;) {
      const c = 4 * p + 1;
      if (c >= n) break;
      let q = c;
      let qa = ka[c];
      let qb = kb[c];
      const last = c + 4 < n ? c + 4 : n;
      for (let r = c + 1; r < last; r++) {
        const ra = ka[r];
        if (ra < qa || (ra === qa && kb[r] < qb)) {
          q = r;
          qa = ra;
          qb = kb[r];
        }
      }
      if (qa > a || (qa === a && qb >= b)) break;
      const y = items[q];
      items[p] = y;
      ka[p] = qa;
      kb[p] = qb;
      where[y] = p;
      p = q;
    }
    items[p] = x;
    ka[p] = a;
    kb[p] = b;
    where[x] = p;
  }
}
