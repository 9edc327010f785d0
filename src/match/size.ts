/**
 * The size check `match` runs before it allocates anything large: an estimate of the
 * memory a run needs, from the number of candidate pairs, against a limit.
 *
 * @module
 */
import { TooLargeError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { MatchMode } from './config.js';

/**
 * Bytes a run keeps alive per candidate pair at its peak: the compatibility matrix
 * (scores 8, rule codes 1, essential checks 1), the solver's values (8) and the solvers'
 * working copies; group mode adds the allowed-pair mask and the group search, peer mode
 * the blossom's dense input. Peak memory measured on synthetic cohorts of 3 to 4 million
 * pairs was 19–20 bytes a pair (one-to-one, capacity), 29 (group) and 24 (peer); these
 * are rounded up.
 *
 * @example
 * ```ts
 * BYTES_PER_PAIR.capacity; // 26
 * ```
 */
export const BYTES_PER_PAIR: Readonly<Record<MatchMode, number>> = Object.freeze({ 'one-to-one': 26, capacity: 26, reverse: 26, group: 32, peer: 30 });

/**
 * The memory limit `match` uses when `memoryLimit` is not given: 4 GiB. The library
 * cannot ask the machine (it imports nothing from `node:`); the command line passes 70% of
 * the machine's memory instead (or `--memory-limit`).
 *
 * @example
 * ```ts
 * DEFAULT_MEMORY_LIMIT; // 4294967296
 * ```
 */
export const DEFAULT_MEMORY_LIMIT = 4 * 2 ** 30;

/**
 * The most pairs one typed array can hold (a JavaScript engine limit: 2³² − 1 elements),
 * whatever the memory limit.
 *
 * @example
 * ```ts
 * MAX_PAIRS; // 4294967295
 * ```
 */
export const MAX_PAIRS = 2 ** 32 - 1;

/**
 * The size of a run, as {@link estimateSize} gives it.
 *
 * @example
 * ```ts
 * const s: SizeEstimate = { rows: 900, cols: 100, pairs: 90000, bytes: 2340000 };
 * ```
 */
export interface SizeEstimate {
  /** Mentees (peer mode: the pool). */
  readonly rows: number;
  /** Mentors (peer mode: the pool). */
  readonly cols: number;
  /** Candidate pairs: rows × cols. */
  readonly pairs: number;
  /** Estimated peak memory in bytes: pairs × the mode's {@link BYTES_PER_PAIR}. */
  readonly bytes: number;
}

/**
 * Estimates what a run of `match` needs, in O(people) and without allocating: peer mode
 * scores the pool against itself (n² pairs), the other modes mentees × mentors.
 *
 * @param people - The cohort.
 * @param mode - The mode.
 * @returns The estimate.
 *
 * @example
 * ```ts
 * estimateSize(people, 'capacity'); // { rows: 900, cols: 100, pairs: 90000, bytes: 2340000 }
 * ```
 */
export function estimateSize(people: readonly Participant[], mode: MatchMode): SizeEstimate {
  let rows: number;
  let cols: number;
  if (mode === 'peer') rows = cols = people.length;
  else {
    rows = 0;
    cols = 0;
    for (const p of people) {
      if (p.roles.includes('mentee')) rows++;
      if (p.roles.includes('mentor')) cols++;
    }
  }
  const pairs = rows * cols;
  return { rows, cols, pairs, bytes: pairs * BYTES_PER_PAIR[mode] };
}

const MB = 2 ** 20;
const mb = (bytes: number): string => `${Math.ceil(bytes / MB).toLocaleString('en-US')} MB`;

/**
 * Refuses a run that would need more than `limit` bytes (or more pairs than a typed array
 * holds), before anything large is allocated.
 *
 * @param people - The cohort.
 * @param mode - The mode.
 * @param limit - The memory limit in bytes.
 * @param candidates - Why the candidate path cannot run instead, or what it would need (said in the message).
 * @throws {@link TooLargeError} (code `TOO_LARGE`) naming the estimate, the limit and what
 *   to do; `details`: `{ pairs, estimate, limit, rows, cols, mode }`.
 *
 * @example
 * ```ts
 * checkSize(people, 'peer', 2 ** 30); // throws TooLargeError for a pool of 6,000
 * ```
 */
export function checkSize(people: readonly Participant[], mode: MatchMode, limit: number, candidates: CandidateAlternative = {}): void {
  const s = estimateSize(people, mode);
  if (s.bytes <= limit && s.pairs <= MAX_PAIRS) return;
  tooLarge(s, mode, limit, candidates);
}

/** What the candidate path could do instead of a dense run: why it cannot run, or what it would need. */
export interface CandidateAlternative {
  /** Why the candidate path cannot run this configuration. */
  readonly blocker?: string | undefined;
  /** Bytes the candidate path would need (when it could run but that is over the limit too). */
  readonly bytes?: number;
}

function tooLarge(s: SizeEstimate, mode: MatchMode, limit: number, candidates: CandidateAlternative): never {
  const what = mode === 'peer' ? `a pool of ${s.rows.toLocaleString('en-US')} peers` : `${s.rows.toLocaleString('en-US')} mentees × ${s.cols.toLocaleString('en-US')} mentors`;
  const over =
    s.pairs > MAX_PAIRS
      ? `more than the ${MAX_PAIRS.toLocaleString('en-US')} pairs one array can hold`
      : `more than the memory limit of ${mb(limit)}`;
  throw new TooLargeError(
    `cohort too large: ${what} is ${s.pairs.toLocaleString('en-US')} candidate pairs, about ${mb(s.bytes)} of memory, ${over}; ` +
      (candidates.blocker ? `the candidate path, which keeps no dense matrix, cannot run ${candidates.blocker}; ` : '') +
      (candidates.bytes !== undefined ? `the candidate path, which keeps no dense matrix, would need about ${mb(candidates.bytes)}, over the limit too; ` : '') +
      'match a smaller cohort, split it (one run per site or department), or raise the limit (config memoryLimit in bytes, or --memory-limit on the command line)',
    { pairs: s.pairs, estimate: s.bytes, limit, rows: s.rows, cols: s.cols, mode },
  );
}

/**
 * True when the dense matrix of a run fits `limit` (and one typed array).
 *
 * @example
 * ```ts
 * denseFits(people, 'capacity', 2 ** 30); // false for 80,000 mentees × 20,000 mentors
 * ```
 */
export function denseFits(people: readonly Participant[], mode: MatchMode, limit: number): boolean {
  const s = estimateSize(people, mode);
  return s.bytes <= limit && s.pairs <= MAX_PAIRS;
}

/**
 * Bytes the candidate path keeps per person (the encoded profiles, the scorer's row
 * buffers, the result) and per candidate pair it keeps (the streamed lists, the compressed
 * graph, the solver's state); see {@link candidateBytes}.
 *
 * @example
 * ```ts
 * CANDIDATE_BYTES.perCandidate; // 64
 * ```
 */
export const CANDIDATE_BYTES = Object.freeze({ perPerson: 4096, perCandidate: 64 });

/**
 * Estimated peak memory of the candidate path: O(people + candidates), whatever
 * mentees × mentors is.
 *
 * @example
 * ```ts
 * candidateBytes(people, { perMentee: 16 }); // about 0.8 GB for 80,000 × 20,000
 * ```
 */
export function candidateBytes(people: readonly Participant[], counts: CandidateCounts, mode: MatchMode = 'capacity'): number {
  const s = estimateSize(people, mode === 'peer' ? 'peer' : 'capacity');
  // Peers: each keeps its best later and earlier partners, and the graph holds every kept pair from both ends.
  const kept = mode === 'peer' ? 4 * s.rows * perPeerFor(s.rows, counts) : s.rows * Math.min(counts.perMentee, s.cols) + s.cols * Math.min(perMentorFor(s.rows, counts.perMentor), s.rows);
  return people.length * CANDIDATE_BYTES.perPerson + kept * CANDIDATE_BYTES.perCandidate;
}

/**
 * The most candidate pairs the candidate path's graph may grow to within `limit`, as rows
 * scored again add pairs: what the limit leaves after the people, at
 * `CANDIDATE_BYTES.perCandidate` a pair (twice in peer mode, whose graph holds each pair
 * from both ends). Past it the path stops adding pairs and its certificate says
 * `certified: false` and why — never an out-of-memory crash.
 *
 * @example
 * ```ts
 * candidatePairBudget(100_000, 4 * 2 ** 30, 'capacity'); // 60,708,864
 * ```
 */
export function candidatePairBudget(people: number, limit: number, mode: MatchMode): number {
  const free = limit - people * CANDIDATE_BYTES.perPerson;
  return Math.max(0, Math.floor(free / (CANDIDATE_BYTES.perCandidate * (mode === 'peer' ? 2 : 1))));
}

/**
 * The certificate's `why` when {@link candidatePairBudget} stops the proof.
 *
 * @example
 * ```ts
 * if (result.search.certificate?.why === OVER_BUDGET) console.warn('raise memoryLimit to prove this answer');
 * ```
 */
export const OVER_BUDGET = 'the candidate graph would outgrow the memory limit (memoryLimit); raise it, or keep more candidates per person so that fewer rows need scoring again';

/**
 * Refuses a candidate-path run over `limit`.
 *
 * @throws {@link TooLargeError} with the estimate and the limit.
 *
 * @example
 * ```ts
 * checkCandidateSize(people, counts, 2 ** 20); // throws for 10,000 people
 * ```
 */
export function checkCandidateSize(people: readonly Participant[], counts: CandidateCounts, limit: number, mode: MatchMode = 'capacity'): void {
  const bytes = candidateBytes(people, counts, mode);
  if (bytes <= limit) return;
  throw new TooLargeError(
    `cohort too large: the candidate path for ${people.length.toLocaleString('en-US')} people needs about ${mb(bytes)} of memory, more than the memory limit of ${mb(limit)}; ` +
      'match a smaller cohort, keep fewer candidates (candidates.perMentee, candidates.perMentor), or raise the limit (config memoryLimit in bytes, or --memory-limit on the command line)',
    { estimate: bytes, limit, people: people.length, mode },
  );
}

/**
 * How many candidates the candidate path keeps (the `candidates` option of `match`): per
 * mentee, and per mentor (undefined: `max(32, ceil(mentees / 300))`).
 *
 * @example
 * ```ts
 * const counts: CandidateCounts = { perMentee: 16 };
 * candidateBytes(people, counts); // bytes the candidate path needs for this cohort
 * ```
 */
export interface CandidateCounts {
  readonly perMentee: number;
  readonly perMentor?: number | undefined;
}

/**
 * Mentees kept per mentor when `candidates.perMentor` is not given: 32, or one for every
 * 300 mentees when that is more. A mentor's price certifies the mentees their list left
 * out only when the list holds everyone who values them above their weakest place, and
 * that crowd grows with the cohort: on generated cohorts 32 left 389 of 9,721 mentees to
 * score again, and 12,655 of 19,441 — none with 64.
 *
 * @example
 * ```ts
 * perMentorFor(80_000, undefined); // 267
 * perMentorFor(80_000, 16); // 16
 * ```
 */
export function perMentorFor(mentees: number, perMentor: number | undefined): number {
  return perMentor ?? Math.max(32, Math.ceil(mentees / 300));
}

/**
 * Partners each peer keeps on the peer candidate path: three times `perMentee` (at most
 * everyone else). A pair's value is split between two people's duals (where a mentor's
 * price is mostly 0 on the bipartite path), so a peer's bound must be lower to be
 * covered: on a generated pool of 6,000, keeping 48 (later and 48 earlier partners) left
 * 623 rows to score again and 18 left 2,662 (8.8 s against 12.2 s in all).
 *
 * @example
 * ```ts
 * perPeerFor(12_000, { perMentee: 16 }); // 48
 * ```
 */
export function perPeerFor(peers: number, counts: CandidateCounts): number {
  return Math.max(0, Math.min(3 * counts.perMentee, peers - 1));
}
