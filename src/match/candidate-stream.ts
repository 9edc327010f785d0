/**
 * The streamed pass of the bipartite candidate path, on every thread a scoring pool has:
 * each row scored once, its solver values made (the value rule and the essential-fit
 * tier), and only what the solve, the certificate and the reasons need kept — each
 * mentee's best mentors and each mentor's best mentees, the bounds, each mentor's tally
 * and each mentee's reason facts. Blocks of rows run on the pool's workers and on the
 * calling thread; the result is bit for bit the single-threaded one (each row's record is
 * its own; each thread's column lists and tallies are merged in a fixed order).
 *
 * @module
 */
import type { Participant } from '../profile/types.js';
import type { ResolvedConfig } from '../score/config.js';
import { usePool, type RowJob, type ScoringPool } from '../score/pool.js';
import type { RowPass } from '../score/row-passes.js';
import type { RowScorer } from '../score/row-scorer.js';
import { CandidateCollector, columnListBuffers, columnLists, rowListBuffers, rowLists, type CandidateSet, type MakeBuffer } from './candidate-pass.js';
import { rowTally, scanView, tallyColumns, tallyWidth, type RowFacts, type RowView, type Tally } from './reasons.js';
import { FactsLayout } from './row-facts.js';
import { liftRow } from './tiers.js';
import { valueRule, type ValueOptions, type ValueRule } from './values.js';

/**
 * One cohort's rows as the candidate path reads them: a row scored, then its solver
 * values (scores plus bonuses, the tier's lift; −Infinity where not allowed). Scratch
 * buffers reused for every row (a view is valid until the next `run`).
 *
 * @example
 * ```ts
 * const rows = new ValueRows(scorer, valueRule('bipartite', o, menteeIds, mentorIds), lift, closed);
 * rows.run(3).value[0]; // the solver value of pair (3, 0)
 * ```
 */
export class ValueRows implements RowView {
  readonly scores: Float64Array;
  readonly code: Uint8Array;
  readonly checks: Uint8Array;
  readonly value: Float64Array;
  readonly rows: number;
  readonly cols: number;

  /**
   * @param closed - Per row: its locked column, or −1 (a locked mentee's row is closed: all −Infinity).
   */
  constructor(
    readonly scorer: RowScorer,
    private readonly rule: ValueRule,
    private readonly lift: number,
    private readonly closed: Int32Array,
  ) {
    const C = scorer.cols;
    this.rows = scorer.rows;
    this.cols = C;
    this.scores = new Float64Array(C);
    this.code = new Uint8Array(C);
    this.checks = new Uint8Array(C);
    this.value = new Float64Array(C);
  }

  /** Scores row `i` into the buffers: scores, rule codes, checks, and solver values with the tier. */
  run(i: number): ValueRows {
    this.scorer.scoreRow(i, this.scores, this.code, this.checks);
    this.rule.row(i, this.scores, this.code, this.value, this.closed[i] >= 0);
    if (this.lift !== 0) liftRow(this.value, this.checks, this.code, this.lift);
    return this;
  }
}

/** What the streamed pass of a cohort needs besides its participants and scoring (plain data: a worker gets a copy). */
export interface CandidateSpec {
  readonly values: ValueOptions;
  /** The essential-fit tier's lift (0: off). */
  readonly lift: number;
  /** Per mentee: their locked mentor, or −1. */
  readonly closed: Int32Array;
  /** Per mentor: places in this mode, and places their locked pairs hold. */
  readonly places: Int32Array;
  readonly lockedAt: Int32Array;
  /** Mentors each mentee keeps, mentees each mentor keeps. */
  readonly perRow: number;
  readonly perCol: number;
  readonly ruleCount: number;
}

/** What the streamed pass keeps: the candidates, each mentor's tally, each mentee's reason facts (their essential fits among them). */
export interface Streamed {
  readonly set: CandidateSet;
  /** One {@link Tally} per mentor, end to end. */
  readonly columns: Int32Array;
  readonly facts: readonly RowFacts[];
}

/** What one thread builds once per job (its rows and the views of the job's buffers). */
interface ThreadState {
  readonly scorer: RowScorer;
  readonly rows: ValueRows;
  readonly collector: CandidateCollector;
  readonly tallies: Int32Array;
  readonly layout: FactsLayout;
  readonly record: Int32Array;
  readonly held: Uint32Array;
}

const states = new WeakMap<object, ThreadState>();

/** This thread's state for the job (built on its first block; the job's spec object is the key). */
function threadState(scorer: RowScorer, job: RowJob, slot: number): ThreadState {
  const spec = job.spec as CandidateSpec;
  const known = states.get(spec);
  if (known && known.scorer === scorer) return known;
  const b = job.buffers;
  const rule = valueRule(job.kind, spec.values, job.rowParticipants.map((p) => p.id), (job.colParticipants ?? job.rowParticipants).map((p) => p.id));
  const state: ThreadState = {
    scorer,
    rows: new ValueRows(scorer, rule, spec.lift, spec.closed),
    collector: new CandidateCollector(scorer.rows, scorer.cols, spec.perRow, spec.perCol, { rows: rowLists(b), columns: columnLists(b, slot) }),
    tallies: new Int32Array(b[`tally${slot}`]),
    layout: layoutOf(spec),
    record: new Int32Array(b.facts),
    held: new Uint32Array(b.held),
  };
  states.set(spec, state);
  return state;
}

function layoutOf(spec: CandidateSpec): FactsLayout {
  const locked: number[] = [];
  spec.lockedAt.forEach((n, j) => n > 0 && locked.push(j));
  return new FactsLayout(spec.ruleCount, Int32Array.from(locked));
}

/**
 * `candidates`: the streamed pass's row pass (see the module). Rows `[start, end)`: each
 * row's lists, bound and reason facts into the job's row buffers; the column lists and
 * tallies into the thread's own (`slot`).
 *
 * @example
 * ```ts
 * candidatePass(scorer, 0, scorer.rows, job, 0); // the whole cohort on this thread
 * ```
 */
export const candidatePass: RowPass = (scorer, start, end, job, slot) => {
  const spec = job.spec as CandidateSpec;
  const t = threadState(scorer, job, slot);
  const minScore = spec.values.minScore;
  for (let i = start; i < end; i++) {
    const v = t.rows.run(i);
    t.collector.addRow(i, v.value, v.scores, v.checks);
    tallyColumns(t.tallies, v, minScore);
    t.layout.pack(i, { tally: rowTally(v, i, 'bipartite', spec.ruleCount, minScore), scan: scanView(v, spec.places, spec.lockedAt) }, t.record, t.held);
  }
};

/**
 * Runs the streamed pass over every mentee (on `pool`'s threads when it is worth it, see
 * `usePool`), then merges what the threads kept.
 *
 * @param here - The cohort's rows on this thread (its scorer scores blocks while the workers do).
 *
 * @example
 * ```ts
 * const { set, columns, facts } = streamCandidates(mentees, mentors, cfg, spec, rows, o.pool);
 * ```
 */
export function streamCandidates(mentees: readonly Participant[], mentors: readonly Participant[], config: ResolvedConfig, spec: CandidateSpec, here: ValueRows, pool: ScoringPool | undefined): Streamed {
  const R = mentees.length;
  const C = mentors.length;
  const parallel = usePool(pool, R, C);
  const slots = parallel ? pool.size + 1 : 1;
  const make: MakeBuffer = parallel ? (n) => new SharedArrayBuffer(n) : (n) => new ArrayBuffer(n);
  const layout = layoutOf(spec);
  const buffers: Record<string, ArrayBufferLike> = { ...rowListBuffers(R, spec.perRow, make), facts: make(4 * R * layout.width), held: make(4 * R * layout.heldWords) };
  for (let s = 0; s < slots; s++) Object.assign(buffers, columnListBuffers(C, spec.perCol, s, make), { [`tally${s}`]: make(4 * C * tallyWidth(spec.ruleCount)) });
  const job: RowJob = { kind: 'bipartite', rows: R, rowParticipants: mentees, colParticipants: mentors, config, pass: 'candidates', params: [], spec, buffers };
  if (parallel) pool.runRows(job, () => here.scorer);
  else candidatePass(here.scorer, 0, R, job, 0);
  return merged(job, slots, layout);
}

/** The threads' parts joined: column lists merged into slot 0's and tallies summed, in slot order. */
function merged(job: RowJob, slots: number, layout: FactsLayout): Streamed {
  const spec = job.spec as CandidateSpec;
  const b = job.buffers;
  const collector = new CandidateCollector(job.rows, spec.places.length, spec.perRow, spec.perCol, { rows: rowLists(b), columns: columnLists(b, 0) });
  const columns = new Int32Array(b.tally0);
  for (let s = 1; s < slots; s++) {
    collector.mergeColumns(columnLists(b, s));
    const part = new Int32Array(b[`tally${s}`]);
    for (let k = 0; k < columns.length; k++) columns[k] += part[k];
  }
  const record = new Int32Array(b.facts);
  const held = new Uint32Array(b.held);
  const facts = Array.from({ length: job.rows }, (_, i) => layout.unpack(i, record, held));
  return { set: collector.finish(), columns, facts };
}

/**
 * The tally of mentor `j` in a stream's `columns`.
 *
 * @example
 * ```ts
 * columnTally(streamed.columns, 4, scorer.ruleNames.length)[TALLY.allowed]; // mentees mentor 4 may have
 * ```
 */
export function columnTally(columns: Int32Array, j: number, ruleCount: number): Tally {
  const w = tallyWidth(ruleCount);
  return columns.subarray(j * w, (j + 1) * w);
}
