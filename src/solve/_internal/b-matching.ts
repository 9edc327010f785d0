/**
 * Exact bipartite b-matching with unit arcs: row i takes at most `rowCap[i]` distinct
 * columns, column j at most `colCap[j]` distinct rows, each (row, column) pair at most
 * once. Successive shortest augmenting paths from a super-source to a super-sink with
 * node potentials (Dijkstra on reduced costs, dense O(V²) per path, V = rows + cols):
 * after k augmentations the flow is the cheapest of value k, so running to exhaustion
 * gives the cheapest among the largest matchings; with `stopWhenNoGain` the search stops
 * at the first path that would not raise the total value (best total, any size).
 *
 * Values are maximised: `value[i * cols + j]` (−Infinity = forbidden). The worst case is
 * O(flow · (rows + cols)²); it is meant for cohorts where some mentee takes several
 * mentors (the capacitated solver covers the one-mentor case much faster).
 *
 * `quota` groups rows (a row in at most one group) and caps the pairs of each group: the
 * flow then runs source → group → row, still an exact min-cost flow.
 *
 * @returns the columns of each row as `pairs` (flat [row, col, …]).
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

  const used = new Uint8Array(rows * cols); // 1 = pair (i, j) is in the matching
  const rowUsed = new Int32Array(rows);
  const colUsed = new Int32Array(cols);
  // Potentials (Johnson) of rows and columns; the source's is 0 and the sink is never
  // left, so neither needs one. All costs start non-negative: zero potentials are valid.
  const potR = new Float64Array(rows);
  const potC = new Float64Array(cols);
  const distR = new Float64Array(rows);
  const distC = new Float64Array(cols);
  const predR = new Int32Array(rows); // column a row was reached from (-1 = source)
  const predC = new Int32Array(cols); // row a column was reached from
  const doneR = new Uint8Array(rows);
  const doneC = new Uint8Array(cols);
  // Quota groups: node per group between the source and its rows.
  const G = quota ? quota.cap.length : 0;
  const groupOf = quota ? quota.of : new Int32Array(rows).fill(-1);
  const gStart = new Int32Array(G + 1);
  for (let i = 0; i < rows; i++) if (groupOf[i] >= 0) gStart[groupOf[i] + 1]++;
  for (let g = 0; g < G; g++) gStart[g + 1] += gStart[g];
  const gRows = new Int32Array(gStart[G]);
  {
    const fill = gStart.slice(0, G);
    for (let i = 0; i < rows; i++) if (groupOf[i] >= 0) gRows[fill[groupOf[i]]++] = i;
  }
  const groupUsed = new Int32Array(G);
  const potG = new Float64Array(G);
  const distG = new Float64Array(G);
  const predG = new Int32Array(G); // -1 = source, else the row it was reached from (backward)
  const doneG = new Uint8Array(G);

  for (;;) {
    distR.fill(Infinity);
    distC.fill(Infinity);
    doneR.fill(0);
    doneC.fill(0);
    distG.fill(Infinity);
    doneG.fill(0);
    for (let i = 0; i < rows; i++) {
      if (groupOf[i] < 0 && rowUsed[i] < rowCap[i]) {
        distR[i] = -potR[i]; // source → row i, cost 0, reduced by the row's potential
        predR[i] = -1;
      }
    }
    for (let g = 0; g < G; g++) {
      if (groupUsed[g] < quota!.cap[g]) {
        distG[g] = -potG[g];
        predG[g] = -1;
      }
    }
    // Dense Dijkstra over rows and columns, to completion.
    let dmax = 0;
    for (;;) {
      let best = Infinity;
      let bi = -1;
      let kind = 0; // 0 row, 1 column, 2 group
      for (let i = 0; i < rows; i++) if (!doneR[i] && distR[i] < best) (best = distR[i]), (bi = i), (kind = 0);
      for (let j = 0; j < cols; j++) if (!doneC[j] && distC[j] < best) (best = distC[j]), (bi = j), (kind = 1);
      for (let g = 0; g < G; g++) if (!doneG[g] && distG[g] < best) (best = distG[g]), (bi = g), (kind = 2);
      if (bi < 0) break;
      dmax = best;
      if (kind === 2) {
        // Group → its rows with room (cost 0).
        const g = bi;
        doneG[g] = 1;
        for (let t = gStart[g]; t < gStart[g + 1]; t++) {
          const i = gRows[t];
          if (doneR[i] || rowUsed[i] >= rowCap[i]) continue;
          const nd = best + potG[g] - potR[i];
          if (nd < distR[i]) {
            distR[i] = nd;
            predR[i] = -2;
          }
        }
      } else if (kind === 0) {
        const i = bi;
        doneR[i] = 1;
        // Backward to the row's group when it has pairs (cost 0): the group's place moves on.
        const g = groupOf[i];
        if (g >= 0 && !doneG[g] && rowUsed[i] > 0) {
          const nd = best + potR[i] - potG[g];
          if (nd < distG[g]) {
            distG[g] = nd;
            predG[g] = i;
          }
        }
        const off = i * cols;
        for (let j = 0; j < cols; j++) {
          if (doneC[j] || used[off + j] || value[off + j] === -Infinity) continue;
          const nd = best + (top - value[off + j]) + potR[i] - potC[j];
          if (nd < distC[j]) {
            distC[j] = nd;
            predC[j] = i;
          }
        }
      } else {
        const j = bi;
        doneC[j] = 1;
        // Backward along used pairs: column j → row i (cost -(top - value)).
        for (let i = 0; i < rows; i++) {
          if (doneR[i] || !used[i * cols + j]) continue;
          const nd = best - (top - value[i * cols + j]) - potR[i] + potC[j];
          if (nd < distR[i]) {
            distR[i] = nd;
            predR[i] = j;
          }
        }
      }
    }
    // The path ends at the column with room whose true distance (reduced + potential) is least.
    let sink = -1;
    let shifted = Infinity;
    for (let j = 0; j < cols; j++) {
      if (!doneC[j] || colUsed[j] >= colCap[j]) continue;
      const d = distC[j] + potC[j];
      if (d < shifted) {
        shifted = d;
        sink = j;
      }
    }
    if (sink < 0) break;
    // A path adds one pair net; its value gain is top - (its shifted cost).
    if (stopWhenNoGain && shifted >= top) break;
    // Potentials (Johnson): reached nodes move by their distance, the rest by the largest,
    // which keeps every residual arc's reduced cost non-negative.
    for (let i = 0; i < rows; i++) potR[i] += doneR[i] ? distR[i] : dmax;
    for (let c = 0; c < cols; c++) potC[c] += doneC[c] ? distC[c] : dmax;
    for (let g = 0; g < G; g++) potG[g] += doneG[g] ? distG[g] : dmax;
    // Augment: walk back from the sink column.
    let j = sink;
    colUsed[j]++;
    walk: for (;;) {
      let i = predC[j];
      used[i * cols + j] = 1;
      for (;;) {
        const jb = predR[i];
        if (jb === -1) {
          rowUsed[i]++;
          break walk;
        }
        if (jb >= 0) {
          used[i * cols + jb] = 0;
          j = jb;
          continue walk;
        }
        // Reached from its group: the row gains a pair; the group came from the source
        // (one more pair for the group) or from another member, which gives one up.
        rowUsed[i]++;
        const g = groupOf[i];
        const from = predG[g];
        if (from === -1) {
          groupUsed[g]++;
          break walk;
        }
        rowUsed[from]--;
        i = from;
      }
    }
  }

  let count = 0;
  for (let k = 0; k < used.length; k++) count += used[k];
  const pairs = new Int32Array(2 * count);
  for (let i = 0, t = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) {
      if (used[i * cols + c]) {
        pairs[t++] = i;
        pairs[t++] = c;
      }
    }
  }
  return pairs;
}

/** Row groups with a cap on the pairs of each group (quotas). */
export interface RowQuota {
  /** Group of each row, -1 for none. */
  readonly of: Int32Array;
  /** Most pairs the rows of group g may have together. */
  readonly cap: Int32Array;
}
