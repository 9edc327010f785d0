/**
 * Core of the weighted blossom algorithm (Edmonds 1965) in the O(n³) primal–dual form of
 * Galil (1986), "Efficient algorithms for finding maximum matching in graphs", ACM
 * Computing Surveys 18(1), §§ 3–4, following the structure popularised by J. van
 * Rantwijk's `mwmatching.py` (stages, substages, S/T labels, per-blossom least-slack
 * edges) and written from scratch on flat typed arrays.
 *
 * Conventions (all internal; validation happens in `../blossom.ts`):
 * - vertices are `0..n-1`, non-trivial blossoms are `n..2n-1`;
 * - dual variables are kept doubled: the slack of edge (u, v) is
 *   `dual[u] + dual[v] - 2·w(u, v)`, so integer weights keep every dual integral (see
 *   {@link BlossomCoreOptions.integral});
 * - an edge is identified by its two end vertices and its weight, never by an index, so
 *   the dense (matrix) and sparse (CSR) graphs share one solver;
 * - nothing recurses: blossom leaves, augmentation and end-of-stage expansion use explicit
 *   stacks, so nested blossoms on 10⁴-vertex chains cannot overflow the call stack.
 *
 * Departures from the textbook stage loop (LEMON's `MaxWeightedMatching` and Kolmogorov's
 * Blossom V use the same ideas):
 * - **jump start**: every vertex starts with its own dual (its heaviest incident edge, at
 *   least 0, rounded up to an even number for integer weights) instead of one common
 *   value; tight edges are matched greedily, then each free vertex lowers its dual as far
 *   as feasibility allows and takes a free neighbour that became tight;
 * - consequently free vertices no longer share one dual. When the dual of an S-vertex
 *   reaches 0 (δ₁), the alternating path from its tree root is flipped so that this vertex
 *   becomes the free one ("unmatch"); a free vertex with dual 0 is *retired*: it is no tree
 *   root any more, and an S-vertex that reaches it over a tight edge augments into it.
 *   The maximum-weight run ends when no free vertex with a positive dual remains
 *   (complementary slackness: every free vertex then has dual 0);
 * - `maxCardinality` first solves the maximum-weight problem that way, then continues with
 *   mwmatching's maximum-cardinality stages (every free vertex a root, no δ₁): the
 *   maximum-weight optimum leaves all free vertices with dual 0, the least dual there is,
 *   which is exactly the invariant those stages need;
 * - integrality: all roots of a stage share one parity (initial duals are even; roots
 *   move together), so every S–S slack is even and δ₃ = slack / 2 stays integral.
 *
 * Dispatch: {@link solveBlossom} hands sparse (CSR) graphs to the heap-based kernel of
 * `blossom-sparse.ts` (persistent forest, lazy duals, heaps for the δ; per-step work
 * proportional to what the step touches) and keeps this stage-based kernel for dense
 * matrices and as the fallback when the heap kernel's optimality certificate fails.
 *
 * @internal
 * @module
 */
import { solveBlossomSparseDuals, type KernelDuals } from './blossom-sparse.js';

/** A complete (or nearly complete) graph given as a symmetric n×n weight matrix. */
export interface DenseBlossomGraph {
  readonly kind: 'dense';
  readonly n: number;
  /** Row-major n×n weights; `-Infinity` = no edge; the diagonal is never read. */
  readonly weights: Float64Array;
}

/** A sparse graph in CSR form: every undirected edge appears once from each end. */
export interface SparseBlossomGraph {
  readonly kind: 'sparse';
  readonly n: number;
  /** `offsets[v]..offsets[v+1]-1` index the neighbours of v in `adjVertex` / `adjWeight`. */
  readonly offsets: Int32Array;
  readonly adjVertex: Int32Array;
  readonly adjWeight: Float64Array;
}

export type BlossomGraph = DenseBlossomGraph | SparseBlossomGraph;

export interface BlossomCoreOptions {
  /** Maximum weight among maximum-cardinality matchings. */
  readonly maxCardinality: boolean;
  /** Every weight is an integer: initial duals are made even so that all duals stay integral. */
  readonly integral: boolean;
  /**
   * Per-vertex initial duals + greedy matching (maximum-weight mode only; ignored with
   * `maxCardinality`). Tests turn it off to exercise the plain uniform-dual start.
   * @defaultValue true
   */
  readonly jumpStart?: boolean;
  /**
   * Which kernel solves a sparse (CSR) graph: `'auto'` (default) uses the heap-based kernel
   * of `blossom-sparse.ts` and falls back to the stage-based one when the heap kernel's
   * optimality certificate fails or it reports an internal error; `'stages'` forces the
   * stage-based kernel (tests compare the two). On CSR input the heap kernel was faster at
   * every density measured (n = 2000, average degree 20 up to complete: 2.6–8× less CPU;
   * n = 500 complete: 1.4×), so there is no density switch. Dense (matrix) graphs always
   * use the stage kernel, which reads the matrix rows in place.
   * @defaultValue 'auto'
   */
  readonly kernel?: 'auto' | 'stages';
}


const S = 1;
const T = 2;
/** `S | 4`: breadcrumb left by {@link BlossomSolver.scanBlossom}. */
const CRUMB = 5;

/** `cls[w]`: w may receive a least-slack edge from an S-vertex (unlabelled, or inside a T-blossom). */
const CAND = 0;
/** `cls[w]`: w is in an S-blossom. */
const IN_S = 1;
/** `cls[w]`: w is the labelled entry vertex of a T-blossom; its edges from S-vertices are of no use. */
const SKIP = 2;

/**
 * Solves maximum-weight (optionally maximum-cardinality) matching on a validated graph.
 *
 * @returns `mate[v]` = partner of v, or -1.
 */
export function solveBlossom(graph: BlossomGraph, options: BlossomCoreOptions): Int32Array {
  return solveBlossomWithDuals(graph, options).mate;
}

/**
 * As {@link solveBlossom}, with the final doubled vertex duals of whichever kernel
 * answered (see `solveBlossomSparseDuals` for what they satisfy).
 */
export function solveBlossomWithDuals(graph: BlossomGraph, options: BlossomCoreOptions): KernelDuals {
  if (graph.kind === 'sparse' && options.kernel !== 'stages') {
    let r: KernelDuals | null = null;
    try {
      r = solveBlossomSparseDuals(graph, options);
    } catch {
      r = null; // internal error: the stage-based kernel below answers instead
    }
    if (r !== null) return r;
  }
  const solver = new BlossomSolver(graph, options);
  solver.run();
  return { mate: solver.mate, dual: solver.vertexDuals(), inBlossom: solver.inNontrivialBlossom() };
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_F64 = new Float64Array(0);

class BlossomSolver {
  private readonly n: number;
  private readonly dense: boolean;
  private readonly W: Float64Array;
  private readonly off: Int32Array;
  private readonly adjV: Int32Array;
  private readonly adjW: Float64Array;
  /** The stage loop's mode: maximum-cardinality stages (no δ₁) when true. */
  private maxCard: boolean;
  private readonly maxCardinality: boolean;
  private readonly integral: boolean;
  private readonly jumpStart: boolean;

  /** Partner vertex, or -1. */
  readonly mate: Int32Array;
  /** Per vertex and blossom: 0 free/unlabelled, S, T, CRUMB; -1 for an unused blossom id. */
  private readonly label: Int32Array;
  /** Vertex outside the (sub-)blossom through which its label came, -1 for a root. */
  private readonly labelEnd: Int32Array;
  /** Vertex inside the (sub-)blossom at which its label came in. */
  private readonly labelIn: Int32Array;
  /** Top-level blossom containing each vertex. */
  private readonly inBlossom: Int32Array;
  /** Immediate parent blossom, -1 for a top-level one. */
  private readonly parent: Int32Array;
  /** Children of a blossom around its cycle; `childs[b][0]` contains the base. */
  private readonly childs: (number[] | null)[];
  /**
   * Edges of the cycle as vertex pairs `[a0, b0, a1, b1, …]`: `a_i` lies in `childs[i]`,
   * `b_i` in `childs[i + 1]` (cyclically).
   */
  private readonly endps: (number[] | null)[];
  /** Base vertex of a blossom (a vertex is its own base); -1 for an unused blossom id. */
  private readonly base: Int32Array;
  /**
   * Least-slack edge: for a vertex in an unlabelled or T blossom, the best edge from an
   * S-vertex (`bestU` = the S end, `bestV` = the vertex itself); for a top-level S-blossom,
   * the best edge to another S-blossom (`bestU` inside, `bestV` outside). `bestS` caches
   * its slack and is refreshed after every dual update.
   */
  private readonly bestU: Int32Array;
  private readonly bestV: Int32Array;
  private readonly bestW: Float64Array;
  private readonly bestS: Float64Array;
  /** For a non-trivial S-blossom: its least-slack edge to every other S-blossom, as `[u, v, w]` triples. */
  private readonly bestList: (number[] | null)[];
  /**
   * Per-vertex summary of `label` read by the scanning loops ({@link CAND}, {@link IN_S},
   * {@link SKIP}), so the hot loop needs one byte instead of two label look-ups.
   */
  private readonly cls: Uint8Array;
  private readonly unused: Int32Array;
  private unusedTop: number;
  /** Doubled dual variables of vertices (0..n-1) and blossoms (n..2n-1). */
  private readonly dual: Float64Array;
  /** S-vertices still to scan (a stack; each vertex enters at most once per stage). */
  private readonly queue: Int32Array;
  private qTop = 0;
  private readonly stack: Int32Array;
  private readonly leafBuf: Int32Array;
  private readonly pathBuf: Int32Array;
  private readonly btU: Int32Array;
  private readonly btV: Int32Array;
  private readonly btW: Float64Array;
  private readonly btS: Float64Array;
  private readonly touched: Int32Array;
  private readonly tasks: number[] = [];
  /**
   * Tree bookkeeping, so that one stage can augment several times: `treeRoot[x]` is the
   * root of the alternating tree x was last labelled in, valid when `treeStamp[x]` is the
   * current stage id.
   */
  private readonly treeRoot: Int32Array;
  private readonly treeStamp: Int32Array;
  private readonly treeBuf: Int32Array;
  private stageId = 0;

  constructor(graph: BlossomGraph, options: BlossomCoreOptions) {
    const n = graph.n;
    this.n = n;
    if (graph.kind === 'dense') {
      this.dense = true;
      this.W = graph.weights;
      this.off = EMPTY_I32;
      this.adjV = EMPTY_I32;
      this.adjW = EMPTY_F64;
    } else {
      this.dense = false;
      this.W = EMPTY_F64;
      this.off = graph.offsets;
      this.adjV = graph.adjVertex;
      this.adjW = graph.adjWeight;
    }
    this.maxCardinality = options.maxCardinality;
    this.integral = options.integral;
    this.jumpStart = options.jumpStart !== false;
    // With the jump start, a maximum-weight run comes first, then maximum-cardinality stages.
    this.maxCard = options.maxCardinality && !this.jumpStart;

    const n2 = 2 * n;
    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int32Array(n2);
    this.labelEnd = new Int32Array(n2).fill(-1);
    this.labelIn = new Int32Array(n2).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.parent = new Int32Array(n2).fill(-1);
    this.childs = new Array<number[] | null>(n2).fill(null);
    this.endps = new Array<number[] | null>(n2).fill(null);
    this.base = new Int32Array(n2).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.bestU = new Int32Array(n2).fill(-1);
    this.bestV = new Int32Array(n2).fill(-1);
    this.bestW = new Float64Array(n2);
    this.bestS = new Float64Array(n2).fill(Infinity);
    this.bestList = new Array<number[] | null>(n2).fill(null);
    this.cls = new Uint8Array(n);
    this.unused = new Int32Array(n);
    for (let i = 0; i < n; i++) this.unused[i] = n2 - 1 - i;
    this.unusedTop = n;
    this.dual = new Float64Array(n2);
    this.queue = new Int32Array(n + 1);
    this.stack = new Int32Array(n2 + 1);
    this.leafBuf = new Int32Array(n + 1);
    this.pathBuf = new Int32Array(n2 + 1);
    this.btU = new Int32Array(n2).fill(-1);
    this.btV = new Int32Array(n2);
    this.btW = new Float64Array(n2);
    this.btS = new Float64Array(n2);
    this.touched = new Int32Array(n2);
    this.treeRoot = new Int32Array(n);
    this.treeStamp = new Int32Array(n).fill(-1);
    this.treeBuf = new Int32Array(n + 1);
  }

  // ---------------------------------------------------------------- main loop

  /** 1 for each vertex inside a non-trivial top-level blossom. */
  inNontrivialBlossom(): Uint8Array {
    const out = new Uint8Array(this.n);
    for (let v = 0; v < this.n; v++) out[v] = this.inBlossom[v] !== v ? 1 : 0;
    return out;
  }

  /** The doubled vertex duals (vertices 0..n-1). */
  vertexDuals(): Float64Array {
    return this.dual.slice(0, this.n);
  }

  run(): void {
    if (this.n < 2) return;
    if (this.jumpStart) {
      this.initJumpStart();
      this.stages();
      if (this.maxCardinality) {
        // The maximum-weight optimum leaves every free vertex with dual 0, the smallest
        // dual there is: exactly the invariant of the maximum-cardinality stages.
        this.maxCard = true;
        this.stages();
      }
    } else {
      this.initUniform();
      this.stages();
    }
  }

  /** Runs stages until no free vertex with a positive dual (or, with maxCard, no augmenting path) remains. */
  private stages(): void {
    const n = this.n;
    const { label, inBlossom, mate, dual, bestU, bestS, bestV, bestW, parent, base, bestList } = this;
    const maxCard = this.maxCard;
    const n2 = 2 * n;
    // Each stage ends with one or more augmentations or (max-weight mode) an unmatch;
    // each removes a free vertex with a positive dual, so at most n stages do work.
    const { cls, queue } = this;
    for (let stage = 0; ; stage++) {
      if (stage > n + 1) throw new Error('maxWeightMatching: internal error (stage limit exceeded)');
      label.fill(0);
      bestU.fill(-1);
      bestS.fill(Infinity);
      cls.fill(CAND);
      this.stageId++;
      for (let b = n; b < n2; b++) bestList[b] = null;
      this.qTop = 0;

      let roots = 0;
      for (let v = 0; v < n; v++) {
        if (mate[v] === -1 && label[inBlossom[v]] === 0 && (maxCard || dual[v] > 0)) {
          this.assignLabel(v, S, -1);
          roots++;
        }
      }
      if (roots === 0 || (maxCard && roots < 2)) return;

      // After an augmentation the two trees involved are dead (their vertices get cls
      // SKIP); the other trees stay valid, so scanning goes on and may augment again
      // over tight edges. Least-slack records may then mention dead vertices, so no dual
      // update follows: the stage ends when the queue runs dry.
      let augmented = 0;
      for (let sub = 0; ; sub++) {
        if (sub > 20 * n + 100) throw new Error('maxWeightMatching: internal error (substage limit exceeded)');
        while (this.qTop > 0) {
          const v = queue[--this.qTop];
          if (cls[v] === SKIP) continue; // in a dead tree
          if (this.dense ? this.scanDense(v) : this.scanSparse(v)) augmented++;
        }
        if (augmented > 0) break;

        // Choose δ: the largest dual change that keeps every slack and dual feasible.
        let deltaType = -1;
        let delta = Infinity;
        let arg = -1;
        if (!maxCard) {
          for (let v = 0; v < n; v++) {
            if (label[inBlossom[v]] === S && dual[v] < delta) {
              delta = dual[v];
              deltaType = 1;
              arg = v;
            }
          }
        }
        for (let v = 0; v < n; v++) {
          if (bestU[v] !== -1 && label[inBlossom[v]] === 0 && bestS[v] < delta) {
            delta = bestS[v];
            deltaType = 2;
            arg = v;
          }
        }
        for (let b = 0; b < n2; b++) {
          if (bestU[b] !== -1 && parent[b] === -1 && label[b] === S) {
            const d = bestS[b] / 2;
            if (d < delta) {
              delta = d;
              deltaType = 3;
              arg = b;
            }
          }
        }
        for (let b = n; b < n2; b++) {
          if (base[b] >= 0 && parent[b] === -1 && label[b] === T && dual[b] < delta) {
            delta = dual[b];
            deltaType = 4;
            arg = b;
          }
        }
        if (deltaType === -1) return; // maximum-cardinality mode: no augmenting path left
        if (!(delta > 0)) delta = 0; // rounding can make a float slack a hair negative

        for (let v = 0; v < n; v++) {
          const l = label[inBlossom[v]];
          if (l === S) dual[v] -= delta;
          else if (l === T) dual[v] += delta;
        }
        for (let b = n; b < n2; b++) {
          if (base[b] >= 0 && parent[b] === -1) {
            const l = label[b];
            if (l === S) dual[b] += delta;
            else if (l === T) dual[b] -= delta;
          }
        }
        for (let x = 0; x < n2; x++) {
          const u = bestU[x];
          if (u !== -1) bestS[x] = dual[u] + dual[bestV[x]] - 2 * bestW[x];
        }

        if (deltaType === 1) {
          dual[arg] = 0;
          this.augmentFrom(arg, -1); // `arg` becomes the free vertex of its tree (retired)
          break;
        } else if (deltaType === 2) {
          if (this.handleTight(bestU[arg], arg)) augmented++;
        } else if (deltaType === 3) {
          if (this.handleTight(bestU[arg], bestV[arg])) augmented++;
        } else {
          dual[arg] = 0;
          this.expandT(arg);
        }
      }

      // End of stage: dissolve top-level S-blossoms whose dual reached 0.
      for (let b = n; b < n2; b++) {
        if (parent[b] === -1 && base[b] >= 0 && label[b] === S && dual[b] === 0) this.expandEndStage(b);
      }
    }
  }

  // ---------------------------------------------------------------- initial duals

  /** mwmatching's start: every vertex gets the largest weight (at least 0) as its dual. */
  private initUniform(): void {
    let maxW = 0;
    if (this.dense) {
      const { W, n } = this;
      for (let v = 0; v < n; v++) {
        const row = v * n;
        for (let u = 0; u < n; u++) if (u !== v && W[row + u] > maxW) maxW = W[row + u];
      }
    } else {
      const adjW = this.adjW;
      for (let p = 0; p < adjW.length; p++) if (adjW[p] > maxW) maxW = adjW[p];
    }
    this.dual.fill(maxW, 0, this.n);
  }

  /**
   * Dual of each vertex = its heaviest incident edge (at least 0; for integer weights
   * rounded up to even, so that all duals stay integral), greedy matching of tight
   * edges, then each still-free vertex lowers its dual as far as feasibility allows and
   * takes a free neighbour that became tight.
   */
  private initJumpStart(): void {
    const { n, dual, mate, dense, W, off, adjV, adjW } = this;
    const even = this.integral;
    for (let v = 0; v < n; v++) {
      let m = 0;
      if (dense) {
        const row = v * n;
        for (let u = 0; u < n; u++) if (u !== v && W[row + u] > m) m = W[row + u];
      } else {
        for (let p = off[v], e = off[v + 1]; p < e; p++) if (adjW[p] > m) m = adjW[p];
      }
      if (even && m % 2 !== 0) m += 1;
      dual[v] = m;
    }
    // Greedy: match free pairs joined by a tight edge.
    for (let v = 0; v < n; v++) {
      if (mate[v] !== -1) continue;
      const dv = dual[v];
      if (dense) {
        const row = v * n;
        for (let u = 0; u < n; u++) {
          if (u !== v && mate[u] === -1 && dv + dual[u] - 2 * W[row + u] === 0) {
            mate[v] = u;
            mate[u] = v;
            break;
          }
        }
      } else {
        for (let p = off[v], e = off[v + 1]; p < e; p++) {
          const u = adjV[p];
          if (mate[u] === -1 && dv + dual[u] - 2 * adjW[p] === 0) {
            mate[v] = u;
            mate[u] = v;
            break;
          }
        }
      }
    }
    // Lower the dual of each free vertex to the least feasible value.
    for (let v = 0; v < n; v++) {
      if (mate[v] !== -1 || dual[v] === 0) continue;
      let best = 0;
      let bestFree = -Infinity;
      let bestFreeU = -1;
      if (dense) {
        const row = v * n;
        for (let u = 0; u < n; u++) {
          if (u === v) continue;
          const x = 2 * W[row + u] - dual[u];
          if (x > best) best = x;
          if (mate[u] === -1 && x > bestFree) {
            bestFree = x;
            bestFreeU = u;
          }
        }
      } else {
        for (let p = off[v], e = off[v + 1]; p < e; p++) {
          const u = adjV[p];
          const x = 2 * adjW[p] - dual[u];
          if (x > best) best = x;
          if (mate[u] === -1 && x > bestFree) {
            bestFree = x;
            bestFreeU = u;
          }
        }
      }
      if (best < dual[v]) dual[v] = best;
      if (bestFreeU !== -1 && bestFree === dual[v]) {
        mate[v] = bestFreeU;
        mate[bestFreeU] = v;
      }
    }
  }

  // ---------------------------------------------------------------- scanning

  /**
   * Scans the edges of S-vertex `v` in a dense graph; true when it augmented (v's tree is then dead).
   *
   * A tight edge to a candidate whose recorded slack is already ≤ 0 is left to the δ₂
   * step (it is that candidate's least-slack edge and is used there with δ = 0).
   * A `-Infinity` weight gives an infinite slack, so it is never recorded nor used.
   */
  private scanDense(v: number): boolean {
    const { n, W, inBlossom, dual, cls, bestU, bestV, bestW, bestS } = this;
    let bv = inBlossom[v];
    const dv = dual[v];
    const row = v * n;
    for (let w = 0; w < n; w++) {
      const c = cls[w];
      if (c === SKIP) continue;
      const wt = W[row + w];
      const s = dv + dual[w] - 2 * wt;
      if (c === CAND) {
        if (s < bestS[w]) {
          if (s <= 0) {
            if (this.handleTight(v, w)) return true;
            bv = inBlossom[v];
          } else {
            bestU[w] = v;
            bestV[w] = w;
            bestW[w] = wt;
            bestS[w] = s;
          }
        }
      } else if (inBlossom[w] !== bv) {
        if (s <= 0) {
          if (this.handleTight(v, w)) return true;
          bv = inBlossom[v];
        } else if (s < bestS[bv]) {
          bestU[bv] = v;
          bestV[bv] = w;
          bestW[bv] = wt;
          bestS[bv] = s;
        }
      }
    }
    return false;
  }

  /** Scans the edges of S-vertex `v` in a sparse graph; true when it augmented. Same rules as {@link scanDense}. */
  private scanSparse(v: number): boolean {
    const { off, adjV, adjW, inBlossom, dual, cls, bestU, bestV, bestW, bestS } = this;
    let bv = inBlossom[v];
    const dv = dual[v];
    for (let p = off[v], e = off[v + 1]; p < e; p++) {
      const w = adjV[p];
      const c = cls[w];
      if (c === SKIP) continue;
      const wt = adjW[p];
      const s = dv + dual[w] - 2 * wt;
      if (c === CAND) {
        if (s < bestS[w]) {
          if (s <= 0) {
            if (this.handleTight(v, w)) return true;
            bv = inBlossom[v];
          } else {
            bestU[w] = v;
            bestV[w] = w;
            bestW[w] = wt;
            bestS[w] = s;
          }
        }
      } else if (inBlossom[w] !== bv) {
        if (s <= 0) {
          if (this.handleTight(v, w)) return true;
          bv = inBlossom[v];
        } else if (s < bestS[bv]) {
          bestU[bv] = v;
          bestV[bv] = w;
          bestW[bv] = wt;
          bestS[bv] = s;
        }
      }
    }
    return false;
  }

  /**
   * Uses the tight edge (v, w) from S-vertex v: label w's blossom T, form a blossom,
   * or augment. Returns true when the matching was augmented; the trees involved are then
   * dead for the rest of the stage.
   */
  private handleTight(v: number, w: number): boolean {
    const { inBlossom, label } = this;
    const bw = inBlossom[w];
    if (bw === inBlossom[v]) throw new Error('maxWeightMatching: internal error (tight edge inside a blossom)');
    const lw = label[bw];
    if (lw === 0) {
      if (this.mate[this.base[bw]] === -1) {
        // w's blossom is free with dual 0 (retired): augmenting path root…v–w.
        this.augmentFrom(v, w);
        this.augmentFrom(w, v);
        this.killTree(this.treeRoot[v]);
        const cnt = this.leaves(bw, this.treeBuf, 0);
        for (let i = 0; i < cnt; i++) this.cls[this.treeBuf[i]] = SKIP;
        return true;
      }
      this.assignLabel(w, T, v);
    } else if (lw === S) {
      const b = this.scanBlossom(v, w);
      if (b >= 0) this.addBlossom(b, v, w);
      else {
        this.augmentFrom(v, w);
        this.augmentFrom(w, v);
        this.killTree(this.treeRoot[v]);
        this.killTree(this.treeRoot[w]);
        return true;
      }
    } else if (label[w] === 0) {
      // w is inside a T-blossom: remember how it is reached, in case the blossom expands.
      label[w] = T;
      this.cls[w] = SKIP;
      this.labelEnd[w] = v;
      this.labelIn[w] = w;
    }
    return false;
  }

  /**
   * Marks every vertex of the tree rooted at `root` dead for the rest of the stage
   * (O(n); at most n/2 augmentations in a whole run).
   */
  private killTree(root: number): void {
    const { cls, treeRoot, treeStamp, stageId, n } = this;
    for (let x = 0; x < n; x++) if (treeRoot[x] === root && treeStamp[x] === stageId) cls[x] = SKIP;
  }

  /**
   * Records that the vertices of blossom `b` belong to the tree rooted at `root`. A vertex
   * can move to another tree (a sub-blossom of an expanded T-blossom relabelled from a
   * neighbour in another tree); the last record counts.
   */
  private joinTree(b: number, root: number): void {
    const { treeBuf, treeStamp, treeRoot, stageId } = this;
    const cnt = this.leaves(b, treeBuf, 0);
    for (let i = 0; i < cnt; i++) {
      const x = treeBuf[i];
      treeStamp[x] = stageId;
      treeRoot[x] = root;
    }
  }

  // ---------------------------------------------------------------- labels and blossoms

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

  /** Labels the top-level blossom of `w` with `t`, entered at `w` from outside vertex `from`. */
  private assignLabel(w: number, t: number, from: number): void {
    const { inBlossom, label, labelEnd, labelIn, bestU, bestS, cls, queue } = this;
    for (;;) {
      const b = inBlossom[w];
      label[w] = label[b] = t;
      labelEnd[w] = labelEnd[b] = from;
      labelIn[w] = labelIn[b] = w;
      bestU[w] = bestU[b] = -1;
      bestS[w] = bestS[b] = Infinity;
      this.joinTree(b, from === -1 ? w : this.treeRoot[from]);
      if (t === S) {
        const from0 = this.qTop;
        this.qTop = this.leaves(b, queue, from0);
        for (let i = from0; i < this.qTop; i++) cls[queue[i]] = IN_S;
        return;
      }
      cls[w] = SKIP;
      // T: the mate of the base becomes S.
      const bse = this.base[b];
      w = this.mate[bse];
      from = bse;
      t = S;
    }
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
    const { n, inBlossom, parent, label, labelEnd, labelIn, base, dual, bestList, bestU, bestV, bestW, bestS } = this;
    const bb = inBlossom[bse];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = this.unused[--this.unusedTop];
    base[b] = bse;
    parent[b] = -1;
    parent[bb] = b;

    // Cycle: bb, (v side from bb down to v), (w side from w up to bb).
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
    dual[b] = 0;

    const leafBuf = this.leafBuf;
    const cnt = this.leaves(b, leafBuf, 0);
    for (let i = 0; i < cnt; i++) {
      const x = leafBuf[i];
      if (label[inBlossom[x]] === T) this.queue[this.qTop++] = x; // former T-vertices become S
      inBlossom[x] = b;
      this.cls[x] = IN_S;
    }

    // Least-slack edges from the new blossom to every other S-blossom.
    const { btU, btV, btW, btS, touched } = this;
    let nt = 0;
    const consider = (i: number, j: number, wt: number): void => {
      if (inBlossom[j] === b) {
        const x = i;
        i = j;
        j = x;
      }
      const bj = inBlossom[j];
      if (bj === b || label[bj] !== S) return;
      const s = dual[i] + dual[j] - 2 * wt;
      if (btU[bj] === -1) touched[nt++] = bj;
      else if (!(s < btS[bj])) return;
      btU[bj] = i;
      btV[bj] = j;
      btW[bj] = wt;
      btS[bj] = s;
    };
    for (let c = 0; c < ch.length; c++) {
      const sub = ch[c];
      const list = bestList[sub];
      if (list === null) {
        const lc = this.leaves(sub, leafBuf, 0);
        for (let li = 0; li < lc; li++) {
          const u = leafBuf[li];
          const du = dual[u];
          if (this.dense) {
            const { W } = this;
            const row = u * n;
            for (let x = 0; x < n; x++) {
              const bx = inBlossom[x];
              if (bx === b || label[bx] !== S) continue;
              const wt = W[row + x];
              if (wt === -Infinity) continue;
              const s = du + dual[x] - 2 * wt;
              if (btU[bx] === -1) touched[nt++] = bx;
              else if (!(s < btS[bx])) continue;
              btU[bx] = u;
              btV[bx] = x;
              btW[bx] = wt;
              btS[bx] = s;
            }
          } else {
            const { off, adjV, adjW } = this;
            for (let p = off[u], e = off[u + 1]; p < e; p++) {
              const x = adjV[p];
              const bx = inBlossom[x];
              if (bx === b || label[bx] !== S) continue;
              const wt = adjW[p];
              const s = du + dual[x] - 2 * wt;
              if (btU[bx] === -1) touched[nt++] = bx;
              else if (!(s < btS[bx])) continue;
              btU[bx] = u;
              btV[bx] = x;
              btW[bx] = wt;
              btS[bx] = s;
            }
          }
        }
      } else {
        for (let k = 0; k < list.length; k += 3) consider(list[k], list[k + 1], list[k + 2]);
      }
      bestList[sub] = null;
      bestU[sub] = -1;
      bestS[sub] = Infinity;
    }
    const list: number[] = [];
    bestU[b] = -1;
    bestS[b] = Infinity;
    for (let k = 0; k < nt; k++) {
      const bj = touched[k];
      list.push(btU[bj], btV[bj], btW[bj]);
      if (bestU[b] === -1 || btS[bj] < bestS[b]) {
        bestU[b] = btU[bj];
        bestV[b] = btV[bj];
        bestW[b] = btW[bj];
        bestS[b] = btS[bj];
      }
      btU[bj] = -1;
    }
    bestList[b] = list;
  }

  /** Frees blossom id `b` after its children have been made top-level. */
  private release(b: number): void {
    this.label[b] = -1;
    this.labelEnd[b] = -1;
    this.labelIn[b] = -1;
    this.childs[b] = null;
    this.endps[b] = null;
    this.base[b] = -1;
    this.bestList[b] = null;
    this.bestU[b] = -1;
    this.bestS[b] = Infinity;
    this.unused[this.unusedTop++] = b;
  }

  /** Makes the children `ch` of a blossom being expanded top-level (inBlossom, parent). */
  private liftChildren(ch: number[]): void {
    const { n, parent, inBlossom, leafBuf } = this;
    for (let i = 0; i < ch.length; i++) {
      const s = ch[i];
      parent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else {
        const cnt = this.leaves(s, leafBuf, 0);
        for (let k = 0; k < cnt; k++) inBlossom[leafBuf[k]] = s;
      }
    }
  }

  /** End of stage: expands `b0` and, recursively (with a stack), children whose dual is 0. */
  private expandEndStage(b0: number): void {
    const { n, parent, inBlossom, dual } = this;
    const todo: number[] = [b0];
    while (todo.length > 0) {
      const b = todo.pop()!;
      const ch = this.childs[b]!;
      for (let i = 0; i < ch.length; i++) {
        const s = ch[i];
        parent[s] = -1;
        if (s < n) inBlossom[s] = s;
        else if (dual[s] === 0) todo.push(s);
        else {
          const cnt = this.leaves(s, this.leafBuf, 0);
          for (let k = 0; k < cnt; k++) inBlossom[this.leafBuf[k]] = s;
        }
      }
      this.release(b);
    }
  }

  /** Expands a top-level T-blossom whose dual reached 0 and relabels its children. */
  private expandT(b: number): void {
    const { n, label, labelEnd, labelIn, inBlossom, bestU, mate, base } = this;
    const ch = this.childs[b]!;
    const ep = this.endps[b]!;
    const L = ch.length;
    this.liftChildren(ch);

    let outside = labelEnd[b];
    let inside = labelIn[b];
    const entry = inBlossom[inside];
    const entryIdx = ch.indexOf(entry);
    let j = entryIdx;
    const forward = (j & 1) === 1;
    // Relabel the even-length alternating path from the entry child to the base child:
    // T children alternate with S children.
    if (forward) {
      while (j !== L) {
        label[inside] = 0;
        label[ep[2 * j + 1]] = 0;
        this.assignLabel(inside, T, outside);
        outside = ep[2 * (j + 1)];
        inside = ep[2 * (j + 1) + 1];
        j += 2;
      }
    } else {
      while (j !== 0) {
        label[inside] = 0;
        label[ep[2 * (j - 1)]] = 0;
        this.assignLabel(inside, T, outside);
        outside = ep[2 * (j - 2) + 1];
        inside = ep[2 * (j - 2)];
        j -= 2;
      }
    }
    const b0 = ch[0];
    label[inside] = label[b0] = T;
    labelEnd[inside] = labelEnd[b0] = outside;
    labelIn[inside] = labelIn[b0] = inside;
    bestU[b0] = -1;
    this.bestS[b0] = Infinity;

    // The other children: label T those reachable from an S-vertex outside.
    const step = forward ? 1 : -1;
    let k = forward ? 1 : L - 1;
    const leafBuf = this.leafBuf;
    while (k !== entryIdx) {
      const sub = ch[k];
      if (label[sub] !== S) {
        const cnt = this.leaves(sub, leafBuf, 0);
        let x = -1;
        for (let i = 0; i < cnt; i++) {
          if (label[leafBuf[i]] !== 0) {
            x = leafBuf[i];
            break;
          }
        }
        if (x !== -1) {
          label[x] = 0;
          label[mate[base[sub]]] = 0;
          this.assignLabel(x, T, labelEnd[x]);
        }
      }
      k += step;
    }
    // Refresh the scanning classes of all vertices of the expanded blossom.
    const { cls } = this;
    for (let c = 0; c < L; c++) {
      const cnt = this.leaves(ch[c], leafBuf, 0);
      for (let i = 0; i < cnt; i++) {
        const x = leafBuf[i];
        cls[x] = label[inBlossom[x]] === S ? IN_S : label[x] === 0 ? CAND : SKIP;
      }
    }
    this.release(b);
  }

  /**
   * Swaps matched and unmatched edges inside blossom `b` along the even path from `v` to
   * the base, making `v` the new base; nested blossoms are handled with a task stack.
   */
  private augmentBlossom(b0: number, v0: number): void {
    const { n, parent, mate, base } = this;
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

  /** Matches cycle edge `e` of a blossom and queues its two children for rebasing. */
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
      if (t === -1) return; // reached the root
      const bt = inBlossom[t];
      const up = labelEnd[bt];
      const j = labelIn[bt];
      if (bt >= n) this.augmentBlossom(bt, j);
      mate[j] = up;
      s = up;
      partner = j;
    }
  }
}
