/**
 * 4-ary min-heap of `(key, a, b, sa, sb)` records, used with lazy deletion by the sparse
 * blossom kernel (`blossom-sparse.ts`): stale records are not removed when they go out of
 * date, the consumer checks the stamps `sa` / `sb` when a record reaches the top and pops
 * it when it no longer holds.
 *
 * The heap array holds only the key and a slot number; the four int32 payload fields live
 * in a slot pool (recycled through a free list), so a sift moves two numbers per level.
 *
 * @internal
 * @module
 */

/**
 * A min-heap keyed by a float64, carrying four int32 payload fields; the top record's
 * fields are read with {@link LazyHeap.topKey}, {@link LazyHeap.topA} and friends.
 *
 * @example
 * ```ts
 * const h = new LazyHeap(4);
 * h.push(3, 1, 2, 0, 0);
 * h.push(1, 5, 6, 0, 0);
 * h.topKey(); // 1
 * h.topA(); // 5
 * h.pop();
 * h.topKey(); // 3
 * ```
 */
export class LazyHeap {
  private keys: Float64Array;
  private slots: Int32Array;
  /** Payload pool: slot s holds a, b, sa, sb at 4s..4s+3. */
  private pool: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private poolTop = 0;
  size = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.keys = new Float64Array(c);
    this.slots = new Int32Array(c);
    this.pool = new Int32Array(4 * c);
    this.free = new Int32Array(c);
  }

  private grow(): void {
    const c = this.keys.length * 2;
    const k = new Float64Array(c);
    k.set(this.keys);
    this.keys = k;
    const s = new Int32Array(c);
    s.set(this.slots);
    this.slots = s;
    const p = new Int32Array(4 * c);
    p.set(this.pool);
    this.pool = p;
    const f = new Int32Array(c);
    f.set(this.free);
    this.free = f;
  }

  topKey(): number {
    return this.keys[0];
  }
  topA(): number {
    return this.pool[4 * this.slots[0]];
  }
  topB(): number {
    return this.pool[4 * this.slots[0] + 1];
  }
  topSA(): number {
    return this.pool[4 * this.slots[0] + 2];
  }
  topSB(): number {
    return this.pool[4 * this.slots[0] + 3];
  }

  /** Inserts a record. */
  push(k: number, a: number, b: number, sa: number, sb: number): void {
    if (this.size === this.keys.length) this.grow();
    const slot = this.freeTop > 0 ? this.free[--this.freeTop] : this.poolTop++;
    const pool = this.pool;
    const q = 4 * slot;
    pool[q] = a;
    pool[q + 1] = b;
    pool[q + 2] = sa;
    pool[q + 3] = sb;
    const { keys, slots } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const kp = keys[p];
      if (!(k < kp)) break;
      keys[i] = kp;
      slots[i] = slots[p];
      i = p;
    }
    keys[i] = k;
    slots[i] = slot;
  }

  /** Removes the top record; the heap must not be empty. */
  pop(): void {
    const { keys, slots } = this;
    this.free[this.freeTop++] = slots[0];
    const n = --this.size;
    if (n === 0) return;
    const k = keys[n];
    const slot = slots[n];
    let i = 0;
    for (;;) {
      const c0 = 4 * i + 1;
      if (c0 >= n) break;
      let c = c0;
      let kc = keys[c0];
      const end = c0 + 4 < n ? c0 + 4 : n;
      for (let j = c0 + 1; j < end; j++) {
        const kj = keys[j];
        if (kj < kc) {
          kc = kj;
          c = j;
        }
      }
      if (!(kc < k)) break;
      keys[i] = kc;
      slots[i] = slots[c];
      i = c;
    }
    keys[i] = k;
    slots[i] = slot;
  }

  /** Empties the heap (keeps its storage). */
  clear(): void {
    this.size = 0;
    this.freeTop = 0;
    this.poolTop = 0;
  }
}
