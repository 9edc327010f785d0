import { insertSorted } from './candidates.js';

/**
 * The kernel of `bMatching` (solve/b-matching.ts), which validates its input.
 *
 * Exact bipartite b-matching with unit arcs: row i takes at most `rowCap[i]` distinct
 * columns, column j at most `colCap[j]` distinct rows, each (row, column) pair at most
 * once. Successive shortest augmenting paths from a super-source to a super-sink with
 * node potentials (Johnson): after k augmentations the flow is the cheapest of value k,
 * so running to exhaustion gives the cheapest among the largest matchings; with
 * `stopWhenNoGain` the search stops at the first path that would not raise the total
 * value (best total, any size).
 *
 * Each path is a Dijkstra on reduced costs with a binary heap that stops as soon as the
 * sink is settled; potentials then move by min(distance, sink distance), which keeps
 * every residual arc's reduced cost non-negative. The potentials start tight — a row at
 * minus its cheapest arc, a group at the highest of its rows — so a row whose best column
 * still has room is matched after one row scan, and a search only grows when places are
 * contested. A settled row scans its columns (O(cols)); a settled column visits only its
 * own rows (member lists), not every row. Worst case O(flow · (rows · cols + V log V));
 * in practice most paths settle a handful of rows.
 *
 * Values are maximised: `value[i * cols + j]` (−Infinity = forbidden).
 *
 * `quota` groups rows (a row in at most one group) and caps the pairs of each group: the
 * flow then runs source → group → row, still an exact min-cost flow.
 *
 * @returns the pairs, flat [row, col, …], rows ascending then columns.
 */
export function solveBMatching(
  rows: number,
  cols: number,
  value: Float64Array,
  rowCap: Int32Array,
  colCap: Int32Array,
  stopWhenNoGain: boolean,
  quota?: RowQuota,
): Int32Array {
  // Costs shifted to be non-negative: cost = top - value (a path adds one pair net, so
  // its real cost is its shifted cost - top).
  let top = -Infinity;
  for (let k = 0; k < value.length; k++) if (value[k] !== -Infinity && value[k] > top) top = value[k];
  if (top === -Infinity) return new Int32Array(0);

  // Node ids: rows [0, R), columns [R, R + C), groups [R + C, R + C + G), the sink last.
  const R = rows;
  const C = cols;
  const G = quota ? quota.cap.length : 0;
  const COL = R;
  const GRP = R + C;
  const SINK = R + C + G;
  const SCAN0 = SINK + 1; // deferred full scan of row i: node SCAN0 + i
  const V = SCAN0 + R;

  const used = new Uint8Array(R * C); // 1 = pair (i, j) is in the matching
  const rowUsed = new Int32Array(R);
  const colUsed = new Int32Array(C);
  const groupUsed = new Int32Array(G);
  // Rows of each column's pairs: members[mStart[j] .. mStart[j] + colUsed[j]).
  const mStart = new Int32Array(C + 1);
  for (let j = 0; j < C; j++) mStart[j + 1] = mStart[j] + Math.min(colCap[j], R);
  const members = new Int32Array(mStart[C]);

  const groupOf = quota ? quota.of : new Int32Array(R).fill(-1);
  const gStart = new Int32Array(G + 1);
  for (let i = 0; i < R; i++) if (groupOf[i] >= 0) gStart[groupOf[i] + 1]++;
  for (let g = 0; g < G; g++) gStart[g + 1] += gStart[g];
  const gRows = new Int32Array(gStart[G]);
  {
    const fill = gStart.slice(0, G);
    for (let i = 0; i < R; i++) if (groupOf[i] >= 0) gRows[fill[groupOf[i]]++] = i;
  }

  // Potentials, tight from the start (see above); the source's is 0.
  const pot = new Float64Array(V);
  for (let i = 0; i < R; i++) {
    let best = Infinity;
    const off = i * C;
    for (let j = 0; j < C; j++) {
      const v = value[off + j];
      if (v !== -Infinity && top - v < best) best = top - v;
    }
    pot[i] = best === Infinity ? 0 : -best;
  }
  for (let g = 0; g < G; g++) {
    let hi = -Infinity;
    for (let t = gStart[g]; t < gStart[g + 1]; t++) hi = Math.max(hi, pot[gRows[t]]);
    pot[GRP + g] = hi === -Infinity ? 0 : hi;
  }
  // The sink sits at or below every column (columns start at 0).
  pot[SINK] = 0;

  const dist = new Float64Array(V);
  const pred = new Int32Array(V); // node the shortest path came from (-1 = source)
  const stamp = new Int32Array(V); // search in which dist/pred were set
  const done = new Int32Array(V); // search in which the node was settled
  const touched = new Int32Array(V);
  const heap = new LazyHeap(V);
  // Candidate lists: the K columns with the least c - pot[column] when the list was built,
  // and the K-th such value as the limit for every other column. Column potentials only go
  // down, so c - pot only grows and the limit stays a lower bound: a settled row relaxes
  // its list and schedules a full scan at the key no other column can beat (as in the
  // capacitated solver's search, capacitated-search.ts).
  const K = Math.min(CANDIDATES, C);
  const cand = new Int32Array(R * K).fill(-1);
  const limit = new Float64Array(R).fill(UNBUILT);
  const topKey = new Float64Array(K);
  const topCol = new Int32Array(K);
  let search = 0;

  /** Relaxes every column of row i (at its settled distance) and rebuilds its list. */
  const fullScan = (i: number): void => {
    const d = dist[i];
    const off = i * C;
    const pi = pot[i];
    let n = 0; // list size so far, kept sorted by key
    for (let j = 0; j < C; j++) {
      const x = value[off + j];
      if (x === -Infinity) continue;
      const w = COL + j;
      const key = top - x - pot[w];
      if (n < K) insertSorted(topKey, topCol, n++, key, j);
      else if (key < topKey[K - 1]) insertSorted(topKey, topCol, K, key, j);
      if (used[off + j]) continue;
      const nd = d + key + pi;
      reach(w, nd, i);
    }
    for (let t = 0; t < K; t++) cand[i * K + t] = t < n ? topCol[t] : -1;
    // With every allowed column in the list there is nothing left to scan later.
    limit[i] = n < K || C === K ? Infinity : topKey[K - 1];
  };

  let ntouched = 0;
  const reach = (v: number, d: number, from: number): void => {
    if (done[v] === search) return;
    if (stamp[v] !== search) {
      stamp[v] = search;
      touched[ntouched++] = v;
    } else if (d >= dist[v]) return;
    dist[v] = d;
    pred[v] = from;
    heap.push(d, v);
  };

  for (;;) {
    search++;
    heap.clear();
    ntouched = 0;
    for (let i = 0; i < R; i++) if (groupOf[i] < 0 && rowUsed[i] < rowCap[i]) reach(i, -pot[i], -1);
    for (let g = 0; g < G; g++) if (groupUsed[g] < quota!.cap[g]) reach(GRP + g, -pot[GRP + g], -1);

    let D = Infinity;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (done[v] === search || d > dist[v]) continue; // stale entry
      done[v] = search;
      if (v === SINK) {
        D = d;
        break;
      }
      if (v >= SCAN0) {
        // A deferred full scan of a row: due now, it may improve columns outside the list.
        fullScan(v - SCAN0);
        continue;
      }
      if (v < COL) {
        const i = v;
        // Backward to the row's group when it has pairs (cost 0): the group's place moves on.
        const g = groupOf[i];
        if (g >= 0 && rowUsed[i] > 0) reach(GRP + g, d + pot[i] - pot[GRP + g], i);
        if (limit[i] === UNBUILT) {
          fullScan(i);
          continue;
        }
        const off = i * C;
        const pi = pot[i];
        for (let t = i * K, e = t + K; t < e; t++) {
          const j = cand[t];
          if (j < 0) break;
          if (used[off + j]) continue;
          const w = COL + j;
          const nd = d + (top - value[off + j]) + pi - pot[w];
          reach(w, nd, i);
        }
        // Columns outside the list cost at least `limit` (reduced), so they can wait.
        if (limit[i] !== Infinity) reach(SCAN0 + i, d + pi + limit[i], i);
      } else if (v < GRP) {
        const j = v - COL;
        if (colUsed[j] < colCap[j]) reach(SINK, d + pot[v] - pot[SINK], v);
        // Backward along used pairs: column j → row i (cost -(top - value)).
        for (let p = mStart[j], e = p + colUsed[j]; p < e; p++) {
          const i = members[p];
          reach(i, d - (top - value[i * C + j]) + pot[v] - pot[i], v);
        }
      } else {
        // Group → its rows with room (cost 0).
        const g = v - GRP;
        for (let t = gStart[g]; t < gStart[g + 1]; t++) {
          const i = gRows[t];
          if (rowUsed[i] < rowCap[i]) reach(i, d + pot[v] - pot[i], v);
        }
      }
    }
    if (D === Infinity) break; // no augmenting path: the matching is maximum
    // A path adds one pair net; its value gain is top - (its shifted cost).
    if (stopWhenNoGain && D + pot[SINK] >= top) break;
    // Potentials: settled nodes move by their distance, all others by D.
    for (let t = 0; t < ntouched; t++) {
      const v = touched[t];
      if (done[v] === search && v < SCAN0) pot[v] += dist[v] - D;
    }
    // (That is every node moving by min(d, D), then all but the source by -D: the source
    // arcs stay non-negative since a settled row's d is at most its source arc.)

    // Augment: walk back from the sink. The last column gains a row net; every earlier
    // column on the path swaps the row that leaves it for the row that arrives.
    {
      const j = pred[SINK] - COL;
      let i = pred[COL + j];
      members[mStart[j] + colUsed[j]++] = i;
      used[i * C + j] = 1;
      for (;;) {
        const u = pred[i];
        if (u === -1) {
          rowUsed[i]++; // a row without a group, straight from the source
          break;
        }
        if (u < GRP) {
          // i leaves column jb (a backward arc); the row before it on the path takes its place.
          const jb = u - COL;
          const k = pred[u];
          used[i * C + jb] = 0;
          used[k * C + jb] = 1;
          for (let p = mStart[jb], e = p + colUsed[jb]; p < e; p++) {
            if (members[p] === i) {
              members[p] = k;
              break;
            }
          }
          i = k;
          continue;
        }
        // u is i's group: i gains a pair through it; the group's place came from the
        // source (one more pair for the group) or from a member that gives one up.
        rowUsed[i]++;
        const from = pred[u];
        if (from === -1) {
          groupUsed[u - GRP]++;
          break;
        }
        rowUsed[from]--;
        i = from;
      }
    }
  }

  let count = 0;
  for (let k = 0; k < used.length; k++) count += used[k];
  const pairs = new Int32Array(2 * count);
  for (let i = 0, t = 0; i < R; i++) {
    for (let c = 0; c < C; c++) {
      if (used[i * C + c]) {
        pairs[t++] = i;
        pairs[t++] = c;
      }
    }
  }
  return pairs;
}

/** Candidate columns kept per row (the rest is scanned only when it could matter). */
const CANDIDATES = 16;
/** `limit` of a row whose list is not built yet (its first settle scans every column). */
const UNBUILT = -Infinity;

/** Row groups with a cap on the pairs of each group (quotas). */
export interface RowQuota {
  /** Group of each row, -1 for none. */
  readonly of: Int32Array;
  /** Most pairs the rows of group g may have together. */
  readonly cap: Int32Array;
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class LazyHeap {
  size = 0;
  private keys: Float64Array;
  private nodes: Int32Array;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    const { keys, nodes } = this;
    let p = this.size++;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q] <= key) break;
      keys[p] = keys[q];
      nodes[p] = nodes[q];
      p = q;
    }
    keys[p] = key;
    nodes[p] = node;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const node = nodes[n];
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= key) break;
        keys[p] = keys[c];
        nodes[p] = nodes[c];
        p = c;
      }
      keys[p] = key;
      nodes[p] = node;
    }
    return top;
  }
}
