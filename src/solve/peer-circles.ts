/**
 * Peer circles: one pool split into circles of about `k` people by a deterministic
 * heuristic (greedy seeding, then a local search with a work budget). Weights are a
 * symmetric n×n matrix, `-Infinity` off the diagonal = the two may not be grouped; the
 * diagonal is ignored. For pairs (k = 2) the exact `peerPairs` (peer-pairs.ts) is better.
 *
 * @module
 */
import { requireOptions } from '../_internal/args.js';
import { InvalidInputError } from '../errors.js';
import { MAX_ABS_COST, toDense } from './_internal/dense.js';
import { neumaierSum } from './_internal/sum.js';
import type { CostInput, DenseMatrix } from './types.js';

/**
 * Result of {@link peerCircles}. The search is a heuristic (never provably optimal):
 * `converged` and `moves` say how it ended.
 *
 * @example
 * ```ts
 * const r: PeerCirclesResult = { circles: [[0, 1, 2], [3, 4, 5]], unmatched: [], total: 39, moves: 0, converged: true };
 * ```
 */
export interface PeerCirclesResult {
  /** Circles, each ascending, sorted by their first member. */
  readonly circles: readonly (readonly number[])[];
  /** People in no circle, ascending. */
  readonly unmatched: readonly number[];
  /** Σ over circles of the weights of every pair inside the circle. */
  readonly total: number;
  /** Improving changes (insertions, circle openings, moves, swaps) made by the local search. */
  readonly moves: number;
  /**
   * True when the local search stopped at a local optimum (a full pass changed nothing);
   * false when it stopped on its pass cap ({@link PEER_CIRCLE_MAX_PASSES}) or work budget
   * (`maxWork`) first.
   */
  readonly converged: boolean;
}

/** {@link PeerCirclesResult} with the mutable arrays the search builds. */
interface Circled {
  readonly circles: number[][];
  readonly unmatched: number[];
  readonly total: number;
  readonly moves: number;
  readonly converged: boolean;
}

/**
 * Options of {@link peerCircles}.
 *
 * @example
 * ```ts
 * peerCircles(weights, 4, { maxWork: 2 * PEER_CIRCLE_BUDGET });
 * ```
 */
export interface PeerCirclesOptions {
  /**
   * Work budget of the local search, in candidate evaluations plus weight reads.
   * @defaultValue {@link PEER_CIRCLE_BUDGET} (5·10⁷)
   */
  readonly maxWork?: number;
}

/**
 * Default work budget of the {@link peerCircles} local search (candidate evaluations +
 * weight reads; about a second for 2,000 people).
 *
 * @example
 * ```ts
 * peerCircles(weights, 4, { maxWork: PEER_CIRCLE_BUDGET / 10 });
 * ```
 */
export const PEER_CIRCLE_BUDGET = 50_000_000;

/**
 * Most passes over the pool the {@link peerCircles} local search makes.
 *
 * @example
 * ```ts
 * PEER_CIRCLE_MAX_PASSES; // 100
 * ```
 */
export const PEER_CIRCLE_MAX_PASSES = 100;

/**
 * Peer circles: splits the pool into circles of about `k` people, placing as many people
 * as possible and then maximising the total weight of the pairs inside the circles, never
 * putting a forbidden pair in one circle.
 *
 * **Sizes.** People with no allowed partner at all are unmatched from the start. Each
 * component of the allowed-pair graph (people linked by allowed pairs, directly or not)
 * is planned and searched separately, since no circle can span two. The `n'` people of a
 * component are planned into `m` circles whose sizes differ by at most one
 * ({@link planSizes}): `m = 1` when `2 ≤ n' < k` (one smaller circle); otherwise `m` is
 * `⌊n'/k⌋` or `⌈n'/k⌉`, whichever keeps every size closer to `k` (ties: `⌊n'/k⌋`, i.e.
 * circles of `k` or `k + 1`). So circles have `k` or `k + 1` members when `n'` is large
 * compared with `k`, and never fewer than ⌊k/2⌋ (nor fewer than 2). With `b = ⌊n'/m⌋`
 * and `e = n' − m·b`, the plan is a limit, not a seat map: at most `m` circles, none above
 * `b + 1` members, at most `e` of them with `b + 1`, none below 2. Forbidden pairs may
 * leave circles smaller or people unplaced.
 *
 * **Heuristic.** Greedy seeding, circle after circle: open it with the strongest allowed
 * edge between two unplaced people — restricted to edges touching a most constrained
 * unplaced person (fewest allowed unplaced partners) when not everyone is equally
 * constrained; ties: lowest ids — then add the unplaced person with the largest total
 * weight to the members (allowed with all of them; ties: lowest id) while the circle has
 * room. People still unplaced are inserted, in id order, into the circle with room where
 * they add most. Then a first-improvement local search in a fixed order — people 0…n−1;
 * for an unplaced person: insertion into the best circle with room, else opening an empty
 * circle with the best allowed partner (an unplaced one first; else one taken from a
 * circle that keeps ≥ 2 members); for a placed person: moves to another circle with room
 * (the source keeping ≥ 2); then swaps with people p+1…n−1 in another circle or unplaced
 * — accepts a change when it places more people or raises the total by more than a
 * relative 1e-10, until a full pass changes nothing, {@link PEER_CIRCLE_MAX_PASSES}
 * passes, or the work budget (`maxWork`) runs out (`converged: false`). Not exact (the
 * problem is NP-hard for k ≥ 3); deterministic. Seeding sorts the O(n²) allowed edges; a
 * pass costs O(n²·k).
 *
 * @param weights - symmetric n×n matrix: `number[][]`, an ml-matrix `Matrix`, or
 *   `{ rows, cols, data: Float64Array }`; `-Infinity` = forbidden pair; the diagonal is
 *   ignored. Never mutated.
 * @param k - target circle size, an integer ≥ 2. (For k = 2 prefer `peerPairs`: exact.)
 * @param options - `{ maxWork = PEER_CIRCLE_BUDGET }`.
 * @returns circles, the unmatched people, the total weight inside circles, and how the
 *   search ended (`moves`, `converged`).
 * @throws InvalidInputError (`INVALID_INPUT`) on a non-square or ragged matrix, an
 *   off-diagonal NaN, `+Infinity` or |w| > 1e300, an asymmetric pair, `k` not an integer
 *   ≥ 2, or `maxWork` not a non-negative integer.
 *
 * @example
 * ```ts
 * // two clear clusters {0, 1, 2} and {3, 4, 5}: strong inside, weak across.
 * const w = [
 *   [0, 9, 8, 1, 1, 1],
 *   [9, 0, 7, 1, 1, 1],
 *   [8, 7, 0, 1, 1, 1],
 *   [1, 1, 1, 0, 6, 5],
 *   [1, 1, 1, 6, 0, 4],
 *   [1, 1, 1, 5, 4, 0],
 * ];
 * peerCircles({ rows: 6, cols: 6, data: Float64Array.from(w.flat()) }, 3);
 * // { circles: [[0, 1, 2], [3, 4, 5]], unmatched: [], total: 39, moves: 0, converged: true }
 * ```
 *
 * @see B.W. Kernighan, S. Lin (1970), "An efficient heuristic procedure for partitioning
 *   graphs", Bell System Technical Journal 49(2):291–307 — the move-and-swap neighbourhood.
 */
export function peerCircles(weights: CostInput, k: number, options: PeerCirclesOptions = {}): PeerCirclesResult {
  const { rows: n, data } = checkSymmetric(weights);
  requireOptions(options, 'peerCircles');
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) {
    throw new InvalidInputError(`k must be an integer ≥ 2; found ${String(k)}`, { value: k });
  }
  const maxWork = options.maxWork ?? PEER_CIRCLE_BUDGET;
  if (typeof maxWork !== 'number' || !Number.isInteger(maxWork) || maxWork < 0) {
    throw new InvalidInputError(`maxWork must be a non-negative integer; found ${String(maxWork)}`, { value: maxWork });
  }
  // A circle never spans two components of the allowed-pair graph (time-zone clusters, a
  // department rule, …), so each component is planned and searched on its own.
  const parts = components(n, data);
  if (parts.length <= 1) return circlesIn(n, data, k, maxWork);
  const squares = parts.reduce((t, c) => t + c.length * c.length, 0);
  const circles: number[][] = [];
  let total = 0;
  let moves = 0;
  let converged = true;
  for (const part of parts) {
    const m = part.length;
    const sub = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = data[part[a] * n + part[b]];
    const r = circlesIn(m, sub, k, Math.floor((maxWork * m * m) / squares));
    for (const c of r.circles) circles.push(c.map((x) => part[x]));
    total += r.total;
    moves += r.moves;
    converged &&= r.converged;
  }
  circles.sort((x, y) => x[0] - y[0]);
  const placed = new Uint8Array(n);
  for (const c of circles) for (const x of c) placed[x] = 1;
  const unmatched: number[] = [];
  for (let p = 0; p < n; p++) if (!placed[p]) unmatched.push(p);
  return { circles, unmatched, total, moves, converged };
}

/** The components (two or more people, ascending) of the allowed-pair graph, by first member. */
function components(n: number, data: Float64Array): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (data[a * n + b] === -Infinity) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let p = 0; p < n; p++) {
    const r = find(p);
    const l = byRoot.get(r);
    if (l) l.push(p);
    else byRoot.set(r, [p]);
  }
  return [...byRoot.values()].filter((c) => c.length >= 2);
}

/** {@link peerCircles} on one component (or the whole pool). */
function circlesIn(n: number, data: Float64Array, k: number, maxWork: number): Circled {
  // Eligible people: at least one allowed partner.
  const eligible = new Uint8Array(n);
  let ne = 0;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (b !== a && data[a * n + b] !== -Infinity) {
        eligible[a] = 1;
        ne++;
        break;
      }
    }
  }
  const plan = planSizes(ne, k);
  const m = plan.length;
  const circles = new Circles(n, m, m === 0 ? 0 : plan[m - 1], m === 0 ? 0 : plan.filter((s) => s > plan[m - 1]).length);
  if (m > 0) {
    seed(n, data, eligible, circles);
    for (let c = 0; c < m; c++) if (circles.members[c].length === 1) circles.remove(circles.members[c][0]);
  }
  const ls = m > 0 ? localSearch(n, data, eligible, circles, maxWork) : { moves: 0, converged: true };

  const out = circles.members.filter((g) => g.length > 0).map((g) => g.slice().sort((x, y) => x - y));
  out.sort((x, y) => x[0] - y[0]);
  const unmatched: number[] = [];
  for (let p = 0; p < n; p++) if (circles.of[p] < 0) unmatched.push(p);
  const pairWeights: number[] = [];
  for (const g of out) for (let s = 0; s < g.length; s++) for (let t = s + 1; t < g.length; t++) pairWeights.push(data[g[s] * n + g[t]]);
  const total = neumaierSum(pairWeights.length, (t) => pairWeights[t]);
  return { circles: out, unmatched, total, moves: ls.moves, converged: ls.converged };
}

/**
 * Planned circle sizes for `n` people and target `k` (see {@link peerCircles}): balanced,
 * larger first; empty when n < 2.
 *
 * @example
 * ```ts
 * planSizes(11, 5); // [6, 5]
 * planSizes(9, 5);  // [5, 4]
 * planSizes(3, 5);  // [3]
 * ```
 */
export function planSizes(n: number, k: number): number[] {
  if (n < 2) return [];
  let m: number;
  if (n < k) m = 1;
  else {
    const lo = Math.floor(n / k);
    const hi = Math.ceil(n / k);
    const dev = (c: number): number => Math.max(Math.abs(Math.ceil(n / c) - k), Math.abs(Math.floor(n / c) - k));
    m = dev(hi) < dev(lo) ? hi : lo;
  }
  const base = Math.floor(n / m);
  const extra = n - base * m;
  return Array.from({ length: m }, (_, c) => base + (c < extra ? 1 : 0));
}

/**
 * Circles under the size plan: `m` slots, each of at most `base + 1` members, at most
 * `extra` of them with `base + 1`.
 */
class Circles {
  readonly members: number[][];
  /** Circle of each person, -1 = unplaced. */
  readonly of: Int32Array;
  /** Circles with `base + 1` members. */
  big = 0;

  constructor(
    n: number,
    m: number,
    readonly base: number,
    readonly extra: number,
  ) {
    this.members = Array.from({ length: m }, () => []);
    this.of = new Int32Array(n).fill(-1);
  }

  /** Whether circle `c` (non-empty) can take one more person while `leaving` (a circle, or -1) loses one. */
  hasRoom(c: number, leaving: number): boolean {
    const s = this.members[c].length;
    if (s === 0) return false;
    if (s < this.base) return true;
    if (s > this.base) return false;
    const big = this.big - (leaving >= 0 && this.members[leaving].length === this.base + 1 ? 1 : 0);
    return big < this.extra;
  }

  add(p: number, c: number): void {
    const g = this.members[c];
    if (g.length === this.base + 1) this.big--;
    g.push(p);
    if (g.length === this.base + 1) this.big++;
    this.of[p] = c;
  }

  remove(p: number): void {
    const c = this.of[p];
    const g = this.members[c];
    if (g.length === this.base + 1) this.big--;
    g.splice(g.indexOf(p), 1);
    if (g.length === this.base + 1) this.big++;
    this.of[p] = -1;
  }

  /** Puts `p` in `q`'s place and `q` in `p`'s (either may be unplaced); sizes unchanged. */
  swap(p: number, q: number): void {
    const a = this.of[p];
    const b = this.of[q];
    if (a >= 0) this.members[a][this.members[a].indexOf(p)] = q;
    if (b >= 0) this.members[b][this.members[b].indexOf(q)] = p;
    this.of[p] = b;
    this.of[q] = a;
  }
}

/** Greedy seeding of the circles (see {@link peerCircles}). */
function seed(n: number, data: Float64Array, eligible: Uint8Array, circles: Circles): void {
  // Allowed edges, strongest first (ties: lowest ids).
  let count = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (data[a * n + b] !== -Infinity) count++;
  const eu = new Int32Array(count);
  const ev = new Int32Array(count);
  const ew = new Float64Array(count);
  count = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const x = data[a * n + b];
      if (x === -Infinity) continue;
      eu[count] = a;
      ev[count] = b;
      ew[count] = x;
      count++;
    }
  }
  const order = new Uint32Array(count);
  for (let e = 0; e < count; e++) order[e] = e;
  // Edges are generated in (a, b) order, so an index tie-break is the id tie-break.
  order.sort((x, y) => ew[y] - ew[x] || x - y);

  // deg[p]: allowed unplaced partners of p.
  const deg = new Int32Array(n);
  for (let e = 0; e < count; e++) {
    deg[eu[e]]++;
    deg[ev[e]]++;
  }
  const of = circles.of;
  const gain = new Float64Array(n);
  let next = 0;
  for (let c = 0; c < circles.members.length; c++) {
    while (next < count && (of[eu[order[next]]] >= 0 || of[ev[order[next]]] >= 0)) next++;
    if (next >= count) return;
    // Most and least constrained unplaced people that still have a partner.
    let minDeg = Infinity;
    let maxDeg = 0;
    let critical = -1;
    for (let p = 0; p < n; p++) {
      if (of[p] >= 0 || deg[p] === 0) continue;
      if (deg[p] < minDeg) {
        minDeg = deg[p];
        critical = p;
      }
      if (deg[p] > maxDeg) maxDeg = deg[p];
    }
    let u = eu[order[next]];
    let v = ev[order[next]];
    if (minDeg < maxDeg) {
      // the most constrained person (lowest id) with their strongest allowed unplaced partner
      u = critical;
      v = -1;
      for (let x = 0; x < n; x++) {
        if (x === u || of[x] >= 0 || data[u * n + x] === -Infinity) continue;
        if (v < 0 || data[u * n + x] > data[u * n + v]) v = x;
      }
    }
    gain.fill(0);
    const place = (x: number): void => {
      circles.add(x, c);
      for (let p = 0; p < n; p++) {
        const wx = data[p * n + x];
        gain[p] += wx;
        if (p !== x && wx !== -Infinity && of[p] < 0) deg[p]--;
      }
    };
    place(u);
    place(v);
    while (circles.hasRoom(c, -1)) {
      let best = -1;
      for (let p = 0; p < n; p++) {
        if (eligible[p] === 0 || of[p] >= 0 || gain[p] === -Infinity) continue;
        if (best < 0 || gain[p] > gain[best]) best = p;
      }
      if (best < 0) break;
      place(best);
    }
  }
}

/** The local search of {@link peerCircles}; changes `circles` in place. */
function localSearch(n: number, data: Float64Array, eligible: Uint8Array, circles: Circles, maxWork: number): { moves: number; converged: boolean } {
  const { members, of } = circles;
  const m = members.length;
  let work = 0;
  // gain(p, c, skip): Σ w(p, x) over x in circle c, x ∉ {p, skip}; -Infinity if a pair is forbidden.
  const gain = (p: number, c: number, skip: number): number => {
    const g = members[c];
    work += g.length;
    let s = 0;
    for (let t = 0; t < g.length; t++) {
      const x = g[t];
      if (x !== p && x !== skip) s += data[p * n + x];
    }
    return s;
  };
  // Inserts unplaced p into the circle with room where it adds most; true if done.
  const insert = (p: number): boolean => {
    let best = -Infinity;
    let bestC = -1;
    for (let c = 0; c < m; c++) {
      if (!circles.hasRoom(c, -1)) continue;
      const g = gain(p, c, -1);
      if (g !== -Infinity && (bestC < 0 || g > best)) {
        best = g;
        bestC = c;
      }
    }
    if (bestC < 0) return false;
    circles.add(p, bestC);
    return true;
  };
  // Opens an empty circle with unplaced p and its best partner; true if done.
  const open = (p: number): boolean => {
    const empty = members.findIndex((g) => g.length === 0);
    if (empty < 0) return false;
    let v = -1;
    let vFree = false;
    let best = -Infinity;
    for (let x = 0; x < n; x++) {
      work++;
      const wx = data[p * n + x];
      if (x === p || eligible[x] === 0 || wx === -Infinity) continue;
      const free = of[x] < 0;
      if (!free && members[of[x]].length - 1 < 2) continue;
      const value = free ? wx : wx - gain(x, of[x], -1);
      if (v < 0 || (free && !vFree) || (free === vFree && value > best)) {
        v = x;
        vFree = free;
        best = value;
      }
    }
    if (v < 0) return false;
    if (!vFree) circles.remove(v);
    circles.add(p, empty);
    circles.add(v, empty);
    return true;
  };

  for (let p = 0; p < n; p++) if (eligible[p] === 1 && of[p] < 0) insert(p);

  let scale = 1;
  for (let t = 0; t < data.length; t++) if (data[t] !== -Infinity && Math.abs(data[t]) > scale) scale = Math.abs(data[t]);
  const eps = 1e-10 * scale;
  let moves = 0;
  for (let pass = 0; pass < PEER_CIRCLE_MAX_PASSES; pass++) {
    let improved = false;
    for (let p = 0; p < n; p++) {
      if (eligible[p] === 0) continue;
      if (work >= maxWork) return { moves, converged: false };
      if (of[p] < 0) {
        if (insert(p) || open(p)) {
          moves++;
          improved = true;
        }
      } else if (members[of[p]].length - 1 >= 2) {
        const a = of[p];
        const here = gain(p, a, -1);
        for (let c = 0; c < m; c++) {
          work++;
          if (c === a || !circles.hasRoom(c, a)) continue;
          if (gain(p, c, -1) - here > eps) {
            circles.remove(p);
            circles.add(p, c);
            moves++;
            improved = true;
            break;
          }
        }
      }
      for (let q = p + 1; q < n; q++) {
        if (work >= maxWork) return { moves, converged: false };
        work++;
        const a = of[p];
        const b = of[q];
        if (eligible[q] === 0 || a === b) continue;
        let delta = 0;
        if (a >= 0) delta += gain(q, a, p) - gain(p, a, -1);
        if (delta === -Infinity) continue;
        if (b >= 0) delta += gain(p, b, q) - gain(q, b, -1);
        if (delta > eps) {
          circles.swap(p, q);
          moves++;
          improved = true;
        }
      }
    }
    if (!improved) return { moves, converged: true };
  }
  return { moves, converged: false };
}

/** Shape and value checks of a symmetric weight matrix; returns it unchanged. */
function checkSymmetric(weights: CostInput): DenseMatrix {
  const m = toDense(weights, 'weights');
  if (m.rows !== m.cols) {
    throw new InvalidInputError(`weights must be a square matrix; found ${m.rows} × ${m.cols}`, { rows: m.rows, cols: m.cols });
  }
  const { rows: n, data } = m;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = data[i * n + j];
      const b = data[j * n + i];
      for (const [r, c, x] of [[i, j, a], [j, i, b]] as const) {
        if (!(x === -Infinity || Math.abs(x) <= MAX_ABS_COST)) {
          throw new InvalidInputError(`weights[${r}][${c}] must be a finite number with |w| ≤ 1e300, or -Infinity (forbidden); found ${x}`, {
            row: r,
            col: c,
            value: x,
          });
        }
      }
      if (a !== b) {
        throw new InvalidInputError(`weights must be symmetric: expected weights[${j}][${i}] = weights[${i}][${j}] = ${a}; found ${b}`, {
          row: j,
          col: i,
          expected: a,
          found: b,
        });
      }
    }
  }
  return m;
}
