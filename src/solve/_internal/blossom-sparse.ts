/**
 * Sparse weighted blossom kernel: maximum-weight (optionally maximum-cardinality) matching
 * on a CSR graph in time driven by what each step touches, not by n per stage.
 *
 * Same primal–dual method and conventions as `blossom-core.ts` (Edmonds 1965; Galil 1986;
 * doubled vertex duals, slack(u, v) = y[u] + y[v] − 2·w(u, v); blossoms `n..2n-1`; per-vertex
 * jump-start duals and greedy matching; a free vertex whose dual reaches 0 is retired), but
 * organised like LEMON's `MaxWeightedMatching` and the multi-tree variants of Galil §4:
 *
 * - **persistent forest**: every free vertex with a positive dual roots an alternating
 *   tree; all trees grow together under one dual change δ. An augmentation (or a δ₁
 *   unmatch) dissolves only the trees involved; the other trees keep their labels;
 * - **lazy duals**: one running sum `D` of all δ so far. A vertex stores
 *   `ybase = y + sign·D` (sign +1 in an S-blossom, −1 in a T-blossom, 0 outside the
 *   forest), a top-level blossom `zbase = z − sign·D`; a dual update is `D += δ`, O(1).
 *   A label change rewrites the base of the vertices it touches;
 * - **heaps with lazy deletion** ({@link LazyHeap}) for the four δ: δ₁ S-vertices by
 *   dual, δ₂ edges S → out-of-forest by slack, δ₃ edges S → S by slack / 2, δ₄ T-blossoms
 *   by dual. Keys are invariant while the records hold; each record carries the label
 *   stamps of its ends and is dropped when it reaches the top out of date. Records are
 *   pushed when an S-vertex is scanned (its edges to S / out-of-forest vertices) and when
 *   a vertex leaves the forest (its edges from S-vertices);
 * - S-blossoms are never expanded (a zero-dual blossom stays, which is allowed); T-blossoms
 *   expand at δ₄ as usual, and their children off the even path leave the forest.
 *
 * `maxCardinality` runs the maximum-weight forest to the end (every free vertex retired at
 * dual 0), then roots a tree at every free vertex and continues with no δ₁.
 *
 * @internal
 * @module
 */
import { LazyHeap } from './blossom-heap.js';

/**
 * A sparse graph in CSR form (the same shape as `blossom-core.ts`' `SparseBlossomGraph`):
 * every undirected edge appears once from each end.
 *
 * @example
 * ```ts
 * // the path 0 –5– 1 –7– 2
 * const g: CsrGraph = { n: 3, offsets: Int32Array.of(0, 1, 3, 4), adjVertex: Int32Array.of(1, 0, 2, 1), adjWeight: Float64Array.of(5, 5, 7, 7) };
 * ```
 */
export interface CsrGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly adjVertex: Int32Array;
  readonly adjWeight: Float64Array;
}

/**
 * Options of {@link solveBlossomSparse}.
 *
 * @example
 * ```ts
 * const opts: SparseKernelOptions = { maxCardinality: true, integral: true };
 * ```
 */
export interface SparseKernelOptions {
  readonly maxCardinality: boolean;
  /** Every weight is an integer: initial duals are made even. */
  readonly integral: boolean;
  /** Per-vertex initial duals and greedy matching (default true); false = uniform start. */
  readonly jumpStart?: boolean;
}

const S = 1;
const T = 2;
const CRUMB = 5;

/**
 * Solves maximum-weight matching on a validated CSR graph with the heap-based kernel.
 *
 * @returns `mate[v]` = partner of v, or -1; `null` when the final optimality check fails
 *   (the caller then falls back to the stage-based kernel).
 * @example
 * ```ts
 * const g = { n: 3, offsets: Int32Array.of(0, 1, 3, 4), adjVertex: Int32Array.of(1, 0, 2, 1), adjWeight: Float64Array.of(5, 5, 7, 7) };
 * solveBlossomSparse(g, { maxCardinality: false, integral: true }); // Int32Array [-1, 2, 1]
 * ```
 */
export function solveBlossomSparse(graph: CsrGraph, options: SparseKernelOptions): Int32Array | null {
  return solveBlossomSparseDuals(graph, options)?.mate ?? null;
}

/**
 * As {@link solveBlossomSparse}, with the final doubled vertex duals: every edge has
 * `dual[u] + dual[v] + 2·Σ z(blossoms holding both) ≥ 2·w(u, v)`, blossom duals z ≥ 0
 * (so `dual[u] + dual[v] ≥ 2·w(u, v)` shows an edge added to the graph could not improve
 * the matching), and every free vertex has the least dual (0 without `maxCardinality`).
 *
 * @returns The mate and the duals, or `null` when the final optimality check fails.
 * @example
 * ```ts
 * const g = { n: 2, offsets: Int32Array.of(0, 1, 2), adjVertex: Int32Array.of(1, 0), adjWeight: Float64Array.of(4, 4) };
 * solveBlossomSparseDuals(g, { maxCardinality: false, integral: true }); // { mate: [1, 0], dual: [4, 4], inBlossom: [0, 0] }
 * ```
 */
export function solveBlossomSparseDuals(graph: CsrGraph, options: SparseKernelOptions): KernelDuals | null {
  const s = new SparseBlossom(graph, options);
  s.run();
  return s.verify() ? { mate: s.mate, dual: s.vertexDuals(), inBlossom: s.inNontrivialBlossom() } : null;
}

/** What a kernel leaves: the mate, the doubled vertex duals, and which vertices lie in a non-trivial blossom (whose dual the slack of their inner edges adds). */
export interface KernelDuals {
  readonly mate: Int32Array;
  readonly dual: Float64Array;
  /** 1 for a vertex inside a top-level blossom of more than one vertex. */
  readonly inBlossom: Uint8Array;
}

class SparseBlossom {
  private readonly n: number;
  private readonly off: Int32Array;
  private readonly adjV: Int32Array;
  private readonly adjW: Float64Array;
  private readonly maxCardinality: boolean;
  private readonly integral: boolean;
  private readonly jumpStart: boolean;
  private maxCard = false;

  readonly mate: Int32Array;
  /** Top-level blossoms (and vertices): 0 out of the forest, S, T, CRUMB; -1 unused blossom id. */
  private readonly label: Int32Array;
  private readonly labelEnd: Int32Array;
  private readonly labelIn: Int32Array;
  private readonly inBlossom: Int32Array;
  private readonly parent: Int32Array;
  private readonly childs: (number[] | null)[];
  private readonly endps: (number[] | null)[];
  private readonly base: Int32Array;
  private readonly unused: Int32Array;
  private unusedTop: number;

  /** Lazy duals: y[v] = ybase[v] − vsgn[v]·D; z[b] = zbase[b] + bsgn[b]·D. */
  private readonly ybase: Float64Array;
  private readonly vsgn: Int8Array;
  private readonly vstamp: Int32Array;
  private readonly zbase: Float64Array;
  private readonly bsgn: Int8Array;
  private readonly bstamp: Int32Array;
  /**
   * Running sum of all δ. Declared with a non-integer so that V8 gives the field a
   * double representation from the start (a Smi field turning double would deoptimise
   * every method that read it); the constructor sets it to 0.
   */
  private D = 0.5;

  /** Tree id of each vertex in the forest, -1 outside. */
  private readonly vtree: Int32Array;
  /**
   * Vertices labelled into each tree, as linked entries of one log (`logV[e]` the vertex,
   * `logNext[e]` the previous entry of the same tree, `treeHead[t]` the last one). Entries
   * go stale when a vertex leaves its tree; `vtree` decides.
   */
  private logV: Int32Array;
  private logNext: Int32Array;
  private logTop = 0;
  private treeHead: Int32Array;
  private treeCount = 0;
  /** Per tree: the S-vertex with the least `ybase` (the next δ₁ candidate) and that value. */
  private treeMinV: Int32Array;
  private treeMinKey: Float64Array;

  /** δ₂ representative of each out-of-forest vertex x (valid while `r2s[x]` is x's stamp). */
  private readonly r2s: Int32Array;
  private readonly r2u: Int32Array;
  private readonly r2key: Float64Array;
  /** δ₃ representative of each S-vertex u (valid while `r3s[u]` is u's stamp). */
  private readonly r3s: Int32Array;
  private readonly r3x: Int32Array;
  private readonly r3xs: Int32Array;
  /** u's stamp when it became x's δ₂ representative. */
  private readonly r2us: Int32Array;
  /**
   * Tight records (slack 0 when pushed): kept out of the heaps, all with key 0, so a push
   * or pop is O(1); they are used before any δ > 0.
   */
  private readonly t2: LazyHeap;
  private readonly t3: LazyHeap;
  private readonly h1: LazyHeap;
  private readonly h2: LazyHeap;
  private readonly h3: LazyHeap;
  private readonly h4: LazyHeap;
  /** S-vertices to scan, and vertices that left the forest, pending until the next step. */
  private scanS: number[] = [];
  private scanF: number[] = [];

  private readonly stack: Int32Array;
  private readonly leafBuf: Int32Array;
  private readonly pathBuf: Int32Array;
  private readonly tasks: number[] = [];

  constructor(graph: CsrGraph, options: SparseKernelOptions) {
    const n = graph.n;
    this.n = n;
    this.off = graph.offsets;
    this.adjV = graph.adjVertex;
    this.adjW = graph.adjWeight;
    this.maxCardinality = options.maxCardinality;
    this.integral = options.integral;
    this.jumpStart = options.jumpStart !== false;
    const n2 = 2 * n;
    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int32Array(n2);
    for (let b = n; b < n2; b++) this.label[b] = -1;
    this.labelEnd = new Int32Array(n2).fill(-1);
    this.labelIn = new Int32Array(n2).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.parent = new Int32Array(n2).fill(-1);
    this.childs = new Array<number[] | null>(n2).fill(null);
    this.endps = new Array<number[] | null>(n2).fill(null);
    this.base = new Int32Array(n2).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.unused = new Int32Array(n);
    for (let i = 0; i < n; i++) this.unused[i] = n2 - 1 - i;
    this.unusedTop = n;
    this.ybase = new Float64Array(n);
    this.vsgn = new Int8Array(n);
    this.vstamp = new Int32Array(n);
    this.zbase = new Float64Array(n2);
    this.bsgn = new Int8Array(n2);
    this.bstamp = new Int32Array(n2);
    this.vtree = new Int32Array(n).fill(-1);
    this.D = 0;
    this.logV = new Int32Array(2 * n + 16);
    this.logNext = new Int32Array(2 * n + 16);
    this.treeHead = new Int32Array(n + 1);
    this.treeMinV = new Int32Array(n + 1);
    this.treeMinKey = new Float64Array(n + 1);
    this.r2s = new Int32Array(n).fill(-1);
    this.r2u = new Int32Array(n);
    this.r2key = new Float64Array(n);
    this.r3s = new Int32Array(n).fill(-1);
    this.r3x = new Int32Array(n);
    this.r3xs = new Int32Array(n);
    this.r2us = new Int32Array(n);
    this.t2 = new LazyHeap(256);
    this.t3 = new LazyHeap(256);
    const m2 = this.adjV.length;
    this.h1 = new LazyHeap(n >> 3);
    this.h2 = new LazyHeap(Math.min(m2, n));
    this.h3 = new LazyHeap(n >> 2);
    this.h4 = new LazyHeap(64);
    this.stack = new Int32Array(n2 + 1);
    this.leafBuf = new Int32Array(n + 1);
    this.pathBuf = new Int32Array(n2 + 1);
  }

  // ---------------------------------------------------------------- driver

  run(): void {
    const n = this.n;
    if (n < 2) return;
    if (this.jumpStart) this.initJumpStart();
    else this.initUniform();
    const { mate, ybase } = this;
    for (let v = 0; v < n; v++) {
      if (mate[v] === -1 && ybase[v] > 0) this.root(v);
    }
    this.loop();
    if (this.maxCardinality) {
      // Every tree is gone: all signs are 0, so the running sum can restart at 0.
      this.D = 0;
      this.maxCard = true;
      this.h1.clear();
      let roots = 0;
      for (let v = 0; v < n; v++) {
        if (mate[v] === -1 && this.label[this.inBlossom[v]] === 0) {
          this.root(v);
          roots++;
        }
      }
      if (roots >= 2) this.loop();
    }
  }

  /** Starts a new tree at free vertex v (its top-level blossom). */
  private root(v: number): void {
    const t = this.treeCount++;
    if (t === this.treeHead.length) {
      const h = new Int32Array(2 * t);
      h.set(this.treeHead);
      this.treeHead = h;
      const mv = new Int32Array(2 * t);
      mv.set(this.treeMinV);
      this.treeMinV = mv;
      const mk = new Float64Array(2 * t);
      mk.set(this.treeMinKey);
      this.treeMinKey = mk;
    }
    this.treeHead[t] = -1;
    this.treeMinKey[t] = Infinity;
    this.labelTop(this.inBlossom[v], S, -1, v, t);
  }

  /**
   * The event loop: drop stale heap tops, take the least δ, move the running sum, handle
   * the event. Kept as small methods: V8 optimises a method after an amount of work that
   * grows with its size, so small hot methods make the first (cold) call fast too.
   */
  private loop(): void {
    const limit = 50 * this.n + 10 * this.adjV.length + 1000;
    for (let iter = 0; ; iter++) {
      if (iter > limit) throw new Error('maxWeightMatching: internal error (step limit exceeded)');
      this.flush();
      const type = this.pick();
      if (type === 0) return;
      if (type === 5) this.onDelta2(this.t2);
      else if (type === 2) this.onDelta2(this.h2);
      else if (type === 6) this.onDelta3(this.t3);
      else if (type === 3) this.onDelta3(this.h3);
      else if (type === 1) this.onDelta1();
      else this.onDelta4();
    }
  }

  private clean1(): void {
    const { h1, treeHead, treeMinV, treeMinKey } = this;
    for (;;) {
      if (h1.size === 0) return;
      const t = h1.topA();
      if (treeHead[t] !== -1 && treeMinV[t] === h1.topB() && treeMinKey[t] === h1.topKey()) return;
      h1.pop();
    }
  }

  /** δ₂ records: only a vertex's representative (its least-slack edge from S) counts. */
  private clean2(h2: LazyHeap): void {
    const { vstamp, r2s, r2u, r2us } = this;
    while (h2.size > 0) {
      const x = h2.topB();
      const sx = h2.topSB();
      if (vstamp[x] !== sx) h2.pop();
      else {
        const u = h2.topA();
        const su = h2.topSA();
        if (vstamp[u] === su) return;
        const rep = r2s[x] === sx && r2u[x] === u && r2us[x] === su;
        h2.pop();
        if (rep) this.rescanFree(x);
      }
    }
  }

  /** δ₃ records: one per S-vertex (its least-slack edge to another S-blossom). */
  private clean3(h3: LazyHeap): void {
    const { vstamp, inBlossom, r3s, r3x, r3xs } = this;
    while (h3.size > 0) {
      const u = h3.topA();
      const x = h3.topB();
      const su = h3.topSA();
      const sx = h3.topSB();
      if (vstamp[u] !== su || r3s[u] !== su || r3x[u] !== x || r3xs[u] !== sx) h3.pop();
      else if (vstamp[x] !== sx || inBlossom[u] === inBlossom[x]) {
        h3.pop();
        this.scanVertexS(u);
      } else return;
    }
  }

  private clean4(): void {
    const { h4, bstamp } = this;
    while (h4.size > 0 && bstamp[h4.topA()] !== h4.topSA()) h4.pop();
  }

  /** Chooses the next event (0 = none) and moves the running sum by its δ. */
  private pick(): number {
    const { h1, h2, h3, h4 } = this;
    // Tight edges first (δ = 0), from the stacks that bypass the heaps. Cleaning a heap
    // may rescan a vertex and push a tight record: check the stacks again then.
    for (;;) {
      // δ₁ = 0 comes first: a root whose dual is 0 retires before any tight edge can
      // augment through it (that augmentation would gain 0 and change the cardinality).
      if (!this.maxCard) {
        this.clean1();
        if (h1.size > 0 && h1.topKey() - this.D <= 0) return 1;
      }
      this.clean2(this.t2);
      if (this.t2.size > 0) return 5;
      this.clean3(this.t3);
      if (this.t3.size > 0) return 6;
      if (!this.maxCard) this.clean1();
      this.clean2(h2);
      this.clean3(h3);
      this.clean4();
      if (this.t2.size === 0 && this.t3.size === 0) break;
    }
    const D = this.D;
    let type = 0;
    let delta = Infinity;
    if (!this.maxCard && h1.size > 0) {
      delta = h1.topKey() - D;
      type = 1;
    }
    if (h2.size > 0) {
      const d = h2.topKey() - D;
      if (d < delta) {
        delta = d;
        type = 2;
      }
    }
    if (h3.size > 0) {
      const d = (h3.topKey() - 2 * D) / 2;
      if (d < delta) {
        delta = d;
        type = 3;
      }
    }
    if (h4.size > 0) {
      const d = h4.topKey() - D;
      if (d < delta) {
        delta = d;
        type = 4;
      }
    }
    if (type !== 0 && delta > 0) this.D = D + delta;
    return type;
  }

  /** δ₁: S-vertex v reached dual 0: it becomes the free (retired) vertex of its tree. */
  private onDelta1(): void {
    const h1 = this.h1;
    const v = h1.topB();
    h1.pop();
    this.ybase[v] = this.D; // y[v] = 0 exactly
    const t = this.vtree[v];
    this.augmentFrom(v, -1);
    this.dissolve(t);
  }

  /** δ₂: a tight edge from S-vertex u to x outside the forest. */
  private onDelta2(h2: LazyHeap): void {
    const u = h2.topA();
    const x = h2.topB();
    h2.pop();
    const bx = this.inBlossom[x];
    const t = this.vtree[u];
    if (this.mate[this.base[bx]] === -1) {
      // x's blossom is free with dual 0 (retired): augmenting path root…u–x.
      this.augmentFrom(u, x);
      this.augmentFrom(x, u);
      this.dissolve(t);
      this.scanF.push(x); // x stays out of the forest: its representative was used
    } else {
      this.labelTop(bx, T, u, x, t);
      const bse = this.base[bx];
      const m = this.mate[bse];
      this.labelTop(this.inBlossom[m], S, bse, m, t);
    }
  }

  /** δ₃: a tight edge between two S-blossoms: a new blossom, or an augmenting path. */
  private onDelta3(h3: LazyHeap): void {
    const u = h3.topA();
    const x = h3.topB();
    h3.pop();
    const bse = this.scanBlossom(u, x);
    if (bse >= 0) {
      this.addBlossom(bse, u, x);
      this.scanS.push(u); // u's representative was used
    } else {
      const tu = this.vtree[u];
      const tx = this.vtree[x];
      this.augmentFrom(u, x);
      this.augmentFrom(x, u);
      this.dissolve(tu);
      this.dissolve(tx);
    }
  }

  /** δ₄: a T-blossom's dual reached 0: expand it. */
  private onDelta4(): void {
    const h4 = this.h4;
    const b = h4.topA();
    h4.pop();
    this.expandT(b);
  }

  /** Pushes the heap records of the vertices labelled S and of those that left the forest. */
  private flush(): void {
    const { scanS, scanF } = this;
    for (let i = 0; i < scanS.length; i++) this.scanVertexS(scanS[i]);
    scanS.length = 0;
    for (let i = 0; i < scanF.length; i++) this.rescanFree(scanF[i]);
    scanF.length = 0;
  }

  /**
   * Scans S-vertex u: offers each edge to an out-of-forest vertex as that vertex's δ₂
   * representative, and records u's least-slack edge to another S-blossom as its δ₃
   * representative.
   */
  private scanVertexS(u: number): void {
    const { off, adjV, adjW, inBlossom, label, ybase, vstamp, r2s, r2u, r2key } = this;
    const bu = inBlossom[u];
    if (label[bu] !== S) return;
    const yu = ybase[u];
    const su = vstamp[u];
    let bestK = Infinity;
    let bestX = -1;
    for (let p = off[u], e = off[u + 1]; p < e; p++) {
      const x = adjV[p];
      const bx = inBlossom[x];
      const lx = label[bx];
      if (lx === 0) {
        const k = yu + ybase[x] - 2 * adjW[p];
        const sx = vstamp[x];
        if (r2s[x] !== sx || k < r2key[x]) {
          r2s[x] = sx;
          r2u[x] = u;
          r2key[x] = k;
          this.r2us[x] = su;
          if (k - this.D <= 0) this.t2.push(0, u, x, su, sx);
          else this.h2.push(k, u, x, su, sx);
        }
      } else if (lx === S && bx !== bu) {
        const k = yu + ybase[x] - 2 * adjW[p];
        if (k < bestK) {
          bestK = k;
          bestX = x;
        }
      }
    }
    if (bestX >= 0) {
      const sx = vstamp[bestX];
      this.r3s[u] = su;
      this.r3x[u] = bestX;
      this.r3xs[u] = sx;
      if (bestK - 2 * this.D <= 0) this.t3.push(0, u, bestX, su, sx);
      else this.h3.push(bestK, u, bestX, su, sx);
    } else this.r3s[u] = -1;
  }

  /** Sets the δ₂ representative of out-of-forest vertex x: its least-slack edge from an S-vertex. */
  private rescanFree(x: number): void {
    const { off, adjV, adjW, inBlossom, label, ybase, vsgn, vstamp, r2s } = this;
    if (label[inBlossom[x]] !== 0 || vsgn[x] !== 0) return;
    const yx = ybase[x];
    let bestK = Infinity;
    let bestU = -1;
    for (let p = off[x], e = off[x + 1]; p < e; p++) {
      const u = adjV[p];
      if (label[inBlossom[u]] === S) {
        const k = ybase[u] + yx - 2 * adjW[p];
        if (k < bestK) {
          bestK = k;
          bestU = u;
        }
      }
    }
    const sx = vstamp[x];
    if (bestU >= 0) {
      const su = vstamp[bestU];
      r2s[x] = sx;
      this.r2u[x] = bestU;
      this.r2us[x] = su;
      this.r2key[x] = bestK;
      if (bestK - this.D <= 0) this.t2.push(0, bestU, x, su, sx);
      else this.h2.push(bestK, bestU, x, su, sx);
    } else r2s[x] = -1;
  }

  // ---------------------------------------------------------------- lazy duals and labels

  private setVSign(v: number, s: number): void {
    const D = this.D;
    const y = this.ybase[v] - this.vsgn[v] * D;
    this.vsgn[v] = s;
    this.ybase[v] = y + s * D;
    this.vstamp[v]++;
  }

  private setBSign(b: number, s: number): void {
    const D = this.D;
    const z = this.zbase[b] + this.bsgn[b] * D;
    this.bsgn[b] = s;
    this.zbase[b] = z - s * D;
    this.bstamp[b]++;
  }

  /** Labels top-level blossom `b` with `t` in tree `tree`, entered at `inside` from outside vertex `from`. */
  private labelTop(b: number, t: number, from: number, inside: number, tree: number): void {
    const { label, labelEnd, labelIn, n, vtree } = this;
    label[b] = t;
    labelEnd[b] = from;
    labelIn[b] = inside;
    const s = t === S ? 1 : -1;
    if (b >= n) {
      this.setBSign(b, s);
      if (t === T) this.h4.push(this.zbase[b], b, 0, this.bstamp[b], 0);
    }
    const cnt = this.leaves(b, this.leafBuf, 0);
    const buf = this.leafBuf;
    for (let i = 0; i < cnt; i++) {
      const x = buf[i];
      this.setVSign(x, s);
      vtree[x] = tree;
      this.logPush(tree, x);
      if (t === S) {
        if (!this.maxCard) this.offerMin(tree, x);
        this.scanS.push(x);
      }
    }
  }

  /**
   * δ₁ bookkeeping per tree: S-vertices leave a tree only when it dissolves, and their
   * `ybase` stays fixed while they are S, so a tree's least `ybase` only decreases. One
   * heap record per decrease, instead of one per S-vertex.
   */
  private offerMin(tree: number, x: number): void {
    const k = this.ybase[x];
    if (k < this.treeMinKey[tree]) {
      this.treeMinKey[tree] = k;
      this.treeMinV[tree] = x;
      this.h1.push(k, tree, x, 0, 0);
    }
  }

  private logPush(tree: number, x: number): void {
    const e = this.logTop;
    if (e === this.logV.length) {
      const v = new Int32Array(2 * e);
      v.set(this.logV);
      this.logV = v;
      const nx = new Int32Array(2 * e);
      nx.set(this.logNext);
      this.logNext = nx;
    }
    this.logTop = e + 1;
    this.logV[e] = x;
    this.logNext[e] = this.treeHead[tree];
    this.treeHead[tree] = e;
  }

  /** Takes every vertex of tree `t` out of the forest (after an augmentation or unmatch). */
  private dissolve(t: number): void {
    const { vtree, inBlossom, label, n, scanF, logV, logNext } = this;
    for (let e = this.treeHead[t]; e !== -1; e = logNext[e]) {
      const x = logV[e];
      if (vtree[x] !== t) continue;
      vtree[x] = -1;
      this.setVSign(x, 0);
      const bx = inBlossom[x];
      if (label[bx] !== 0) {
        label[bx] = 0;
        if (bx >= n) this.setBSign(bx, 0);
      }
      scanF.push(x);
    }
    this.treeHead[t] = -1;
  }

  // ---------------------------------------------------------------- blossoms

  /** Writes the leaf vertices of blossom `b` into `out` from `at`; returns the new end. */
  private leaves(b: number, out: Int32Array, at: number): number {
    const n = this.n;
    if (b < n) {
      out[at] = b;
      return at + 1;
    }
    const { stack, childs } = this;
    let sp = 0;
    stack[sp++] = b;
    while (sp > 0) {
      const x = stack[--sp];
      if (x < n) out[at++] = x;
      else {
        const ch = childs[x]!;
        for (let i = 0; i < ch.length; i++) stack[sp++] = ch[i];
      }
    }
    return at;
  }

  /**
   * Walks up from S-vertices v and w towards their roots; returns the base of the first
   * common blossom (a new blossom) or -1 (different trees: an augmenting path).
   */
  private scanBlossom(v: number, w: number): number {
    const { inBlossom, label, labelEnd, pathBuf } = this;
    let len = 0;
    let found = -1;
    while (v !== -1 || w !== -1) {
      if (v === -1) {
        v = w;
        w = -1;
      }
      let b = inBlossom[v];
      if (label[b] & 4) {
        found = this.base[b];
        break;
      }
      pathBuf[len++] = b;
      label[b] = CRUMB;
      if (labelEnd[b] === -1) v = -1;
      else {
        b = inBlossom[labelEnd[b]]; // the T-blossom above
        v = labelEnd[b];
      }
      if (w !== -1) {
        const x = v;
        v = w;
        w = x;
      }
    }
    for (let i = 0; i < len; i++) label[pathBuf[i]] = S;
    return found;
  }

  /** Creates a blossom with base `bse` closed by the tight edge (v, w) between two S-vertices. */
  private addBlossom(bse: number, v: number, w: number): void {
    const { n, inBlossom, parent, label, labelEnd, labelIn, base } = this;
    const bb = inBlossom[bse];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = this.unused[--this.unusedTop];
    base[b] = bse;
    parent[b] = -1;
    parent[bb] = b;
    const vSide: number[] = [];
    const vEnds: number[] = [];
    while (bv !== bb) {
      parent[bv] = b;
      vSide.push(bv);
      vEnds.push(labelEnd[bv], labelIn[bv]);
      bv = inBlossom[labelEnd[bv]];
    }
    const ch: number[] = [bb];
    const ep: number[] = [];
    for (let i = vSide.length - 1; i >= 0; i--) {
      ch.push(vSide[i]);
      ep.push(vEnds[2 * i], vEnds[2 * i + 1]);
    }
    ep.push(v, w);
    while (bw !== bb) {
      parent[bw] = b;
      ch.push(bw);
      ep.push(labelIn[bw], labelEnd[bw]);
      bw = inBlossom[labelEnd[bw]];
    }
    this.childs[b] = ch;
    this.endps[b] = ep;
    label[b] = S;
    labelEnd[b] = labelEnd[bb];
    labelIn[b] = labelIn[bb];
    // New S-blossom with z = 0; its children's duals freeze.
    this.bsgn[b] = 1;
    this.zbase[b] = -this.D;
    this.bstamp[b]++;
    for (let c = 0; c < ch.length; c++) {
      const sub = ch[c];
      if (sub >= n) this.setBSign(sub, 0);
      label[sub] = 0;
    }
    const buf = this.leafBuf;
    const cnt = this.leaves(b, buf, 0);
    for (let i = 0; i < cnt; i++) {
      const x = buf[i];
      inBlossom[x] = b;
      if (this.vsgn[x] === -1) {
        // former T-vertex becomes S
        this.setVSign(x, 1);
        if (!this.maxCard) this.offerMin(this.vtree[x], x);
        this.scanS.push(x);
      }
    }
  }

  /** Frees blossom id `b` after its children have been made top-level. */
  private release(b: number): void {
    this.label[b] = -1;
    this.labelEnd[b] = -1;
    this.labelIn[b] = -1;
    this.childs[b] = null;
    this.endps[b] = null;
    this.base[b] = -1;
    this.bsgn[b] = 0;
    this.zbase[b] = 0;
    this.bstamp[b]++;
    this.unused[this.unusedTop++] = b;
  }

  /** Expands a top-level T-blossom whose dual reached 0 and relabels its children. */
  private expandT(b: number): void {
    const { n, parent, inBlossom, labelEnd, labelIn, label, vtree } = this;
    const ch = this.childs[b]!;
    const ep = this.endps[b]!;
    const L = ch.length;
    const tree = vtree[this.base[b]];
    const outside0 = labelEnd[b];
    const inside0 = labelIn[b];
    // Children become top-level (their duals stay frozen, sign 0, until relabelled).
    const buf = this.leafBuf;
    for (let i = 0; i < L; i++) {
      const s = ch[i];
      parent[s] = -1;
      label[s] = 0;
      if (s < n) inBlossom[s] = s;
      else {
        const cnt = this.leaves(s, buf, 0);
        for (let k = 0; k < cnt; k++) inBlossom[buf[k]] = s;
      }
    }
    this.release(b);

    let outside = outside0;
    let inside = inside0;
    const entryIdx = ch.indexOf(inBlossom[inside]);
    let j = entryIdx;
    const forward = (j & 1) === 1;
    const onPath = new Uint8Array(L);
    if (forward) {
      while (j !== L) {
        this.labelTWithMate(ch[j], outside, inside, tree);
        onPath[j] = 1;
        onPath[j + 1] = 1;
        outside = ep[2 * (j + 1)];
        inside = ep[2 * (j + 1) + 1];
        j += 2;
      }
    } else {
      while (j !== 0) {
        this.labelTWithMate(ch[j], outside, inside, tree);
        onPath[j] = 1;
        onPath[j - 1] = 1;
        outside = ep[2 * (j - 2) + 1];
        inside = ep[2 * (j - 2)];
        j -= 2;
      }
    }
    this.labelTop(ch[0], T, outside, inside, tree);
    onPath[0] = 1;
    // The other children leave the forest.
    for (let c = 0; c < L; c++) {
      if (onPath[c]) continue;
      const sub = ch[c];
      const cnt = this.leaves(sub, buf, 0);
      for (let i = 0; i < cnt; i++) {
        const x = buf[i];
        vtree[x] = -1;
        this.setVSign(x, 0);
        this.scanF.push(x);
      }
      if (sub >= n) this.bstamp[sub]++;
    }
  }

  /** Labels `c` T (entered at `inside` from `from`) and the blossom of its base's mate S. */
  private labelTWithMate(c: number, from: number, inside: number, tree: number): void {
    this.labelTop(c, T, from, inside, tree);
    const bse = this.base[c];
    const m = this.mate[bse];
    this.labelTop(this.inBlossom[m], S, bse, m, tree);
  }

  // ---------------------------------------------------------------- augmentation

  /**
   * Swaps matched and unmatched edges inside blossom `b` along the even path from `v` to
   * the base, making `v` the new base; nested blossoms are handled with a task stack.
   */
  private augmentBlossom(b0: number, v0: number): void {
    const { n, parent, base } = this;
    const tasks = this.tasks;
    tasks.push(b0, v0);
    while (tasks.length > 0) {
      const v = tasks.pop()!;
      const b = tasks.pop()!;
      let t = v;
      while (parent[t] !== b) t = parent[t];
      if (t >= n) tasks.push(t, v);
      const ch = this.childs[b]!;
      const ep = this.endps[b]!;
      const L = ch.length;
      const i = ch.indexOf(t);
      if (i & 1) {
        for (let e = i + 1; e < L; e += 2) this.flip(ch, ep, e, L);
      } else {
        for (let e = i - 2; e >= 0; e -= 2) this.flip(ch, ep, e, L);
      }
      if (i > 0) {
        this.childs[b] = ch.slice(i).concat(ch.slice(0, i));
        this.endps[b] = ep.slice(2 * i).concat(ep.slice(0, 2 * i));
      }
      base[b] = v;
    }
  }

  private flip(ch: number[], ep: number[], e: number, L: number): void {
    const a = ep[2 * e];
    const c = ep[2 * e + 1];
    const c1 = ch[e];
    const c2 = ch[e + 1 === L ? 0 : e + 1];
    if (c1 >= this.n) this.tasks.push(c1, a);
    if (c2 >= this.n) this.tasks.push(c2, c);
    this.mate[a] = c;
    this.mate[c] = a;
  }

  /**
   * Flips the alternating path from S-vertex (or retired free blossom vertex) `s` up to
   * its tree root, matching `s` to `partner` (-1: `s` becomes free).
   */
  private augmentFrom(s: number, partner: number): void {
    const { n, inBlossom, label, labelEnd, labelIn, mate } = this;
    for (;;) {
      const bs = inBlossom[s];
      if (bs >= n) this.augmentBlossom(bs, s);
      mate[s] = partner;
      if (label[bs] !== S) return; // retired free blossom: nothing above it
      const t = labelEnd[bs];
      if (t === -1) return;
      const bt = inBlossom[t];
      const up = labelEnd[bt];
      const j = labelIn[bt];
      if (bt >= n) this.augmentBlossom(bt, j);
      mate[j] = up;
      s = up;
      partner = j;
    }
  }

  // ---------------------------------------------------------------- initial duals

  private initUniform(): void {
    let maxW = 0;
    const adjW = this.adjW;
    for (let p = 0; p < adjW.length; p++) if (adjW[p] > maxW) maxW = adjW[p];
    this.ybase.fill(maxW);
  }

  /** As `blossom-core.ts`: heaviest incident edge (even for integers), greedy tight matching, then lowering. */
  private initJumpStart(): void {
    const n = this.n;
    for (let v = 0; v < n; v++) this.initDual(v);
    for (let v = 0; v < n; v++) if (this.mate[v] === -1) this.matchTight(v);
    for (let v = 0; v < n; v++) if (this.mate[v] === -1 && this.ybase[v] !== 0) this.lowerDual(v);
    this.augmentTight3();
  }

  private initDual(v: number): void {
    const { off, adjW } = this;
    let m = 0;
    for (let p = off[v], e = off[v + 1]; p < e; p++) if (adjW[p] > m) m = adjW[p];
    if (this.integral && m % 2 !== 0) m += 1;
    this.ybase[v] = m;
  }

  /** Matches free v to the first free neighbour over a tight edge. */
  private matchTight(v: number): void {
    const { ybase: dual, mate, off, adjV, adjW } = this;
    const dv = dual[v];
    for (let p = off[v], e = off[v + 1]; p < e; p++) {
      const u = adjV[p];
      if (mate[u] === -1 && dv + dual[u] - 2 * adjW[p] === 0) {
        mate[v] = u;
        mate[u] = v;
        return;
      }
    }
  }

  /** Lowers the dual of free v as far as feasibility allows; matches it if a free neighbour became tight. */
  private lowerDual(v: number): void {
    const { ybase: dual, mate, off, adjV, adjW } = this;
    let best = 0;
    let bestFree = -Infinity;
    let bestFreeU = -1;
    for (let p = off[v], e = off[v + 1]; p < e; p++) {
      const u = adjV[p];
      const x = 2 * adjW[p] - dual[u];
      if (x > best) best = x;
      if (mate[u] === -1 && x > bestFree) {
        bestFree = x;
        bestFreeU = u;
      }
    }
    if (best < dual[v]) dual[v] = best;
    if (bestFreeU !== -1 && bestFree === dual[v]) {
      mate[v] = bestFreeU;
      mate[bestFreeU] = v;
    }
  }

  /**
   * Augments along alternating paths of three tight edges, free v – u ═ u' – free f: the
   * matched edge stays tight and no dual moves, so the start stays a valid primal–dual pair
   * while the forest that the heaps have to grow shrinks.
   */
  private augmentTight3(): void {
    const { n, ybase, mate } = this;
    for (let v = 0; v < n; v++) if (mate[v] === -1 && ybase[v] !== 0) this.tight3(v);
  }

  private tight3(v: number): void {
    const { ybase: dual, mate, off, adjV, adjW } = this;
    const dv = dual[v];
    for (let p = off[v], e = off[v + 1]; p < e; p++) {
      const u = adjV[p];
      if (dv + dual[u] - 2 * adjW[p] !== 0) continue;
      const u2 = mate[u];
      if (u2 === -1) continue;
      const d2 = dual[u2];
      for (let q = off[u2], e2 = off[u2 + 1]; q < e2; q++) {
        const f = adjV[q];
        if (f === v || f === u || mate[f] !== -1) continue;
        if (d2 + dual[f] - 2 * adjW[q] !== 0) continue;
        mate[v] = u;
        mate[u] = v;
        mate[u2] = f;
        mate[f] = u2;
        return;
      }
    }
  }

  // ---------------------------------------------------------------- certificate

  /**
   * Checks the optimality certificate in O(m · blossom depth): dual feasibility of every
   * edge (vertex duals plus the duals of the blossoms holding both ends), tight matched
   * edges, non-negative blossom duals, and free vertices at the least vertex dual (0 in
   * maximum-weight mode). Float tolerance: 1e-9 of the largest |weight|.
   */
  /** 1 for each vertex inside a non-trivial top-level blossom. */
  inNontrivialBlossom(): Uint8Array {
    const out = new Uint8Array(this.n);
    for (let v = 0; v < this.n; v++) out[v] = this.inBlossom[v] !== v ? 1 : 0;
    return out;
  }

  /** The doubled vertex duals, y[v] = ybase[v] − vsgn[v]·D. */
  vertexDuals(): Float64Array {
    const y = new Float64Array(this.n);
    for (let v = 0; v < this.n; v++) y[v] = this.ybase[v] - this.vsgn[v] * this.D;
    return y;
  }

  verify(): boolean {
    const { n, adjW, mate, D } = this;
    if (n < 2) return true;
    let maxW = 1;
    for (let p = 0; p < adjW.length; p++) maxW = Math.max(maxW, Math.abs(adjW[p]));
    const tol = 1e-9 * maxW;
    const y = new Float64Array(n);
    let minY = Infinity;
    for (let v = 0; v < n; v++) {
      y[v] = this.ybase[v] - this.vsgn[v] * D;
      if (y[v] < minY) minY = y[v];
    }
    const z = new Float64Array(2 * n);
    for (let b = n; b < 2 * n; b++) {
      if (this.base[b] < 0) continue;
      z[b] = this.zbase[b] + this.bsgn[b] * D;
      if (z[b] < -tol) return false;
    }
    const free0 = this.maxCardinality ? minY : 0;
    if (!this.maxCardinality && minY < -tol) return false;
    for (let v = 0; v < n; v++) {
      if (mate[v] === -1 && Math.abs(y[v] - free0) > tol) return false;
      if (mate[v] !== -1 && mate[mate[v]] !== v) return false;
    }
    const mark = new Int32Array(2 * n).fill(-1);
    let matchedEdges = 0;
    let matchedVerts = 0;
    for (let v = 0; v < n; v++) if (mate[v] !== -1) matchedVerts++;
    for (let u = 0; u < n; u++) {
      const c = this.verifyEdges(u, y, z, mark, tol);
      if (c < 0) return false;
      matchedEdges += c;
    }
    return 2 * matchedEdges === matchedVerts;
  }

  /** Checks the edges (u, x), x > u: slack ≥ 0, matched ones tight. Returns the matched count, -1 on a violation. */
  private verifyEdges(u: number, y: Float64Array, z: Float64Array, mark: Int32Array, tol: number): number {
    const { off, adjV, adjW, mate, parent, inBlossom } = this;
    let matched = 0;
    for (let p = off[u], e = off[u + 1]; p < e; p++) {
      const x = adjV[p];
      if (x < u) continue;
      let s = y[u] + y[x] - 2 * adjW[p];
      if (inBlossom[u] === inBlossom[x]) {
        for (let b = parent[u]; b !== -1; b = parent[b]) mark[b] = u;
        let b = parent[x];
        while (b !== -1 && mark[b] !== u) b = parent[b];
        for (; b !== -1; b = parent[b]) s += 2 * z[b];
      }
      if (s < -tol) return -1;
      if (mate[u] === x) {
        if (Math.abs(s) > tol) return -1;
        matched++;
      }
    }
    return matched;
  }
}
