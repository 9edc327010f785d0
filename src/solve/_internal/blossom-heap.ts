/**
 * Binary min-heap of `(key, a, b, sa, sb)` records on growable typed arrays, used with lazy
 * deletion by the sparse blossom kernel (`blossom-sparse.ts`): stale records are not
 * removed when they go out of date, the consumer checks the stamps `sa` / `sb` when a
 * record reaches the top and pops it when it no longer holds.
 *
 * @internal
 * @module
 */

/**
 * A min-heap keyed by a float64, carrying four int32 payload fields.
 *
 * @example
 * ```ts
 * const h = new LazyHeap(4);
 * h.push(3, 1, 2, 0, 0);
 * h.push(1, 5, 6, 0, 0);
 * h.key[0]; // 1 (the top record is always at index 0)
 * h.a[0]; // 5
 * h.pop();
 * h.key[0]; // 3
 * ```
 */
export class LazyHeap {
  key: Float64Array;
  a: Int32Array;
  b: Int32Array;
  sa: Int32Array;
  sb: Int32Array;
  size = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.key = new Float64Array(c);
    this.a = new Int32Array(c);
    this.b = new Int32Array(c);
    this.sa = new Int32Array(c);
    this.sb = new Int32Array(c);
  }

  private grow(): void {
    const c = this.key.length * 2;
    const k = new Float64Array(c);
    k.set(this.key);
    this.key = k;
    const a = new Int32Array(c);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(c);
    b.set(this.b);
    this.b = b;
    const sa = new Int32Array(c);
    sa.set(this.sa);
    this.sa = sa;
    const sb = new Int32Array(c);
    sb.set(this.sb);
    this.sb = sb;
  }

  /** Inserts a record. */
  push(k: number, a: number, b: number, sa: number, sb: number): void {
    if (this.size === this.key.length) this.grow();
    const { key, a: A, b: B, sa: SA, sb: SB } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const kp = key[p];
      if (!(k < kp)) break;
      key[i] = kp;
      A[i] = A[p];
      B[i] = B[p];
      SA[i] = SA[p];
      SB[i] = SB[p];
      i = p;
    }
    key[i] = k;
    A[i] = a;
    B[i] = b;
    SA[i] = sa;
    SB[i] = sb;
  }

  /** Removes the top record (index 0); the heap must not be empty. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const { key, a: A, b: B, sa: SA, sb: SB } = this;
    const k = key[n];
    const a = A[n];
    const b = B[n];
    const sa = SA[n];
    const sb = SB[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[c + 1] < key[c]) c++;
      const kc = key[c];
      if (!(kc < k)) break;
      key[i] = kc;
      A[i] = A[c];
      B[i] = B[c];
      SA[i] = SA[c];
      SB[i] = SB[c];
      i = c;
    }
    key[i] = k;
    A[i] = a;
    B[i] = b;
    SA[i] = sa;
    SB[i] = sb;
  }

  /** Empties the heap (keeps its storage). */
  clear(): void {
    this.size = 0;
  }
}
