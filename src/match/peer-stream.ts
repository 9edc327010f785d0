/**
 * The streamed pass of the peer candidate path, on every thread a scoring pool has: each
 * pair of the pool scored once (row i with the people after it), its solver values made,
 * and only what the solve and its certificate need kept — each person's best later
 * partners (their row's list) and best earlier ones (their column's), the bounds, the
 * components of the allowed pairs and how many pairs are allowed. Blocks of rows run on
 * the pool's workers and on the calling thread; the result is bit for bit the
 * single-threaded one (each row's list is its own; each thread's column lists, components
 * and count are merged in slot order, and column lists use a strict total order).
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import type { ResolvedConfig } from '../score/config.js';
import { usePool, type RowJob, type ScoringPool } from '../score/pool.js';
import type { RowPass } from '../score/row-passes.js';
import type { RowScorer } from '../score/row-scorer.js';
import { CandidateCollector, columnListBuffers, columnLists, rowListBuffers, rowLists, type CandidateSet, type MakeBuffer } from './candidate-pass.js';
import { PeerRows } from './peer-graph.js';
import { valueRule, type ValueOptions } from './values.js';

/** What the peer streamed pass needs besides the pool and its scoring (plain data: a worker gets a copy). */
export interface PeerStreamSpec {
  readonly values: ValueOptions;
  /** The essential-fit tier's lift (0: off). */
  readonly lift: number;
  /** Per person: their locked partner, or −1 (locked people are out of the pool). */
  readonly lockedWith: Int32Array;
  /** Partners each person keeps, on either side of the diagonal. */
  readonly perRow: number;
}

/** What the streamed pass keeps: the candidates, the pool's components (a forest) and how many pairs are allowed. */
export interface StreamedPool {
  readonly set: CandidateSet;
  readonly components: Components;
  readonly allowedPairs: number;
}

/** What one thread builds once per job. */
interface ThreadState {
  readonly scorer: RowScorer;
  readonly rows: PeerRows;
  readonly collector: CandidateCollector;
  readonly components: Components;
  readonly allowed: Float64Array;
}

const states = new WeakMap<object, ThreadState>();

function threadState(scorer: RowScorer, job: RowJob, slot: number): ThreadState {
  const spec = job.spec as PeerStreamSpec;
  const known = states.get(spec);
  if (known && known.scorer === scorer) return known;
  const b = job.buffers;
  const ids = job.rowParticipants.map((p) => p.id);
  const state: ThreadState = {
    scorer,
    rows: new PeerRows(scorer, valueRule('peer', spec.values, ids, ids), spec.lift, spec.lockedWith),
    collector: new CandidateCollector(scorer.rows, scorer.rows, spec.perRow, spec.perRow, { rows: rowLists(b), columns: columnLists(b, slot) }),
    components: new Components(new Int32Array(b[`parent${slot}`])),
    allowed: new Float64Array(b[`allowed${slot}`]),
  };
  states.set(spec, state);
  return state;
}

/**
 * `peer-candidates`: the peer streamed pass's row pass (see the module). Rows
 * `[start, end)`: each row's list and bound into the job's row buffers; the column lists,
 * the components and the count of allowed pairs into the thread's own (`slot`).
 *
 * @example
 * ```ts
 * peerStreamPass(scorer, 0, scorer.rows, job, 0); // the whole pool on this thread
 * ```
 */
export const peerStreamPass: RowPass = (scorer, start, end, job, slot) => {
  const t = threadState(scorer, job, slot);
  const n = scorer.rows;
  let allowed = 0;
  for (let i = start; i < end; i++) {
    const v = t.rows.runAfter(i).value;
    t.collector.addRow(i, v, t.rows.scores, t.rows.checks);
    for (let j = i + 1; j < n; j++) {
      if (v[j] === -Infinity) continue;
      allowed++;
      t.components.union(i, j);
    }
  }
  t.allowed[0] += allowed;
};

/**
 * Runs the peer streamed pass over the pool (on `pool`'s threads when it is worth it, see
 * `usePool`), then merges what the threads kept.
 *
 * @param here - The pool's scorer on this thread (it scores blocks while the workers do).
 *
 * @example
 * ```ts
 * const { set, components, allowedPairs } = streamPool(people, cfg, spec, scorer, o.pool);
 * components.mostPairs(); // no matching has more pairs
 * ```
 */
export function streamPool(people: readonly Participant[], config: ResolvedConfig, spec: PeerStreamSpec, here: RowScorer, pool: ScoringPool | undefined): StreamedPool {
  const n = people.length;
  // Half the pairs are scored (each from its lower-numbered person).
  const parallel = usePool(pool, n, Math.ceil(n / 2));
  const slots = parallel ? pool.size + 1 : 1;
  const make: MakeBuffer = parallel ? (bytes) => new SharedArrayBuffer(bytes) : (bytes) => new ArrayBuffer(bytes);
  const buffers: Record<string, ArrayBufferLike> = { ...rowListBuffers(n, spec.perRow, make) };
  for (let s = 0; s < slots; s++) {
    const parent = make(4 * n);
    Components.init(new Int32Array(parent));
    Object.assign(buffers, columnListBuffers(n, spec.perRow, s, make), { [`parent${s}`]: parent, [`allowed${s}`]: make(8) });
  }
  const job: RowJob = { kind: 'peer', rows: n, rowParticipants: people, colParticipants: null, config, pass: 'peer-candidates', params: [], spec, buffers };
  if (parallel) pool.runRows(job, () => here);
  else peerStreamPass(here, 0, n, job, 0);

  const collector = new CandidateCollector(n, n, spec.perRow, spec.perRow, { rows: rowLists(buffers), columns: columnLists(buffers, 0) });
  const components = new Components(new Int32Array(buffers.parent0));
  let allowedPairs = new Float64Array(buffers.allowed0)[0];
  for (let s = 1; s < slots; s++) {
    collector.mergeColumns(columnLists(buffers, s));
    components.join(new Components(new Int32Array(buffers[`parent${s}`])));
    allowedPairs += new Float64Array(buffers[`allowed${s}`])[0];
  }
  return { set: collector.finish(), components, allowedPairs };
}

/**
 * Union–find over the pool's allowed pairs (path halving; a component's root is its
 * smallest id), in a buffer a thread can share: the most pairs any matching can have is
 * Σ ⌊|component| / 2⌋. Forests of different threads join exactly (each person with
 * their root in the other forest).
 *
 * @example
 * ```ts
 * const c = new Components(Components.init(new Int32Array(4)));
 * c.union(0, 1); c.union(2, 3);
 * c.mostPairs(); // 2
 * ```
 */
export class Components {
  /** A forest of singletons in `parent` (each person their own root); returns it. */
  static init(parent: Int32Array): Int32Array {
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    return parent;
  }

  constructor(private readonly parent: Int32Array) {}

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }

  /** Joins another forest over the same people into this one. */
  join(other: Components): void {
    for (let v = 0; v < this.parent.length; v++) this.union(v, other.find(v));
  }

  mostPairs(): number {
    const size = new Int32Array(this.parent.length);
    for (let v = 0; v < size.length; v++) size[this.find(v)]++;
    let t = 0;
    for (let v = 0; v < size.length; v++) t += size[v] >> 1;
    return t;
  }
}
