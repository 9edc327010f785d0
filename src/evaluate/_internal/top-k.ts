/**
 * A bounded heap keeping the `k` best items under a total order, in O(log k) per offer.
 *
 * @module
 */

/** Keeps the `k` items that come first under `before` (a strict total order). */
export class TopK<T> {
  private readonly heap: T[] = [];
  constructor(
    private readonly k: number,
    /** True when `a` ranks ahead of `b`. */
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** True when `x` would be kept (cheap pre-check before building the item). */
  wouldKeep(x: T): boolean {
    if (this.k <= 0) return false;
    return this.heap.length < this.k || this.before(x, this.heap[0]);
  }

  /** True when `k` items are kept (a new one must beat {@link worst}). */
  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The worst kept item (undefined when none). */
  worst(): T | undefined {
    return this.heap[0];
  }

  offer(x: T): void {
    if (!this.wouldKeep(x)) return;
    const h = this.heap;
    if (h.length < this.k) {
      h.push(x);
      this.up(h.length - 1);
    } else {
      h[0] = x;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  // The root is the worst kept item.
  private worse(a: T, b: T): boolean {
    return this.before(b, a);
  }
  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.worse(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < h.length && this.worse(h[l], h[w])) w = l;
      if (r < h.length && this.worse(h[r], h[w])) w = r;
      if (w === i) return;
      [h[i], h[w]] = [h[w], h[i]];
      i = w;
    }
  }
}
