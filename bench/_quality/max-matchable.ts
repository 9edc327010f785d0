/**
 * The most mentees that can be matched (one mentor each, mentor j at most `capacity[j]`
 * mentees, only allowed pairs): Hopcroft–Karp phases on the bipartite graph, with a
 * mentor's residual edges being its current mentees. An independent cross-check of the
 * cardinality `capacitatedAssignment` reports (its 0/1 solve), written for this
 * benchmark. O(E √V).
 */

/**
 * @param forbidden - Row-major R × C, 0 = allowed.
 * @returns The maximum number of mentees matched.
 */
export function maxMatchable(R: number, C: number, forbidden: Uint8Array, capacity: readonly number[]): number {
  const assign = new Int32Array(R).fill(-1);
  const members: number[][] = Array.from({ length: C }, () => []);
  const take = (i: number, j: number): void => {
    assign[i] = j;
    members[j].push(i);
  };
  const leave = (i: number): void => {
    const m = members[assign[i]];
    m.splice(m.indexOf(i), 1);
    assign[i] = -1;
  };
  // Greedy start.
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if (forbidden[i * C + j] === 0 && members[j].length < capacity[j]) {
        take(i, j);
        break;
      }
    }
  }
  const INF = 0x7fffffff;
  const dist = new Int32Array(R);
  for (;;) {
    // BFS from the free mentees, in layers, up to the first layer that reaches a free place.
    dist.fill(INF);
    let queue: number[] = [];
    for (let i = 0; i < R; i++) if (assign[i] < 0) (dist[i] = 0), queue.push(i);
    let limit = INF;
    for (let head = 0; head < queue.length; head++) {
      const i = queue[head];
      if (dist[i] >= limit) break;
      for (let j = 0; j < C; j++) {
        if (forbidden[i * C + j] !== 0 || assign[i] === j) continue;
        if (members[j].length < capacity[j]) {
          limit = Math.min(limit, dist[i] + 1);
          continue;
        }
        for (const i2 of members[j]) {
          if (dist[i2] === INF) {
            dist[i2] = dist[i] + 1;
            queue.push(i2);
          }
        }
      }
    }
    if (limit === INF) break;
    queue = [];
    // DFS along the layers; a mentee that cannot reach a free place is marked dead.
    const dfs = (i: number): boolean => {
      for (let j = 0; j < C; j++) {
        if (forbidden[i * C + j] !== 0 || assign[i] === j) continue;
        if (members[j].length < capacity[j]) {
          if (dist[i] + 1 !== limit) continue;
          if (assign[i] >= 0) leave(i);
          take(i, j);
          return true;
        }
        for (const i2 of [...members[j]]) {
          if (dist[i2] !== dist[i] + 1) continue;
          if (dfs(i2)) {
            if (assign[i] >= 0) leave(i);
            take(i, j);
            return true;
          }
        }
      }
      dist[i] = INF;
      return false;
    };
    let grew = false;
    for (let i = 0; i < R; i++) if (assign[i] < 0 && dist[i] === 0 && dfs(i)) grew = true;
    if (!grew) break;
  }
  let n = 0;
  for (let i = 0; i < R; i++) if (assign[i] >= 0) n++;
  return n;
}
