import { requireParticipants } from '../_internal/args.js';
import { ConfigError } from '../errors.js';
import type { Participant } from '../profile/types.js';
import type { CompatibilityMatrix } from '../score/matrix.js';
import { splitConfig, type MatchConfig, type ResolvedMatchOptions } from './config.js';
import { candidatePathBlocker, matchByCandidates } from './candidate-path.js';
import { canonicalJson, fnv1a64 } from './hash.js';
import { fromMatch } from './result-schema.js';
import { candidateBytes, checkCandidateSize, checkSize, denseFits, estimateSize } from './size.js';
import type { MatchResult, ModeOf, ResultFor } from './types.js';
import { bipartiteMatrix, matchBipartite } from './bipartite.js';
import { matchPeers, peerMatrix } from './peer.js';
import { matchPeersByCandidates } from './peer-candidates.js';

/**
 * Matches participants for one mentoring model and returns the complete, explained
 * result: every participant is in a pair or group, or listed as unmatched with a reason.
 *
 * Modes (`config.mode`, default `capacity`):
 * - `one-to-one`: each mentor takes at most one mentee;
 * - `capacity`: each mentor takes up to `capacity.max` mentees (their profile);
 * - `group`: a mentor leads a group of `group.minSize` (default 2: no groups of one
 *   unless asked) to `group.maxSize` mentees, never more than the mentor's own capacity;
 *   groups below the minimum are dissolved and their members re-placed; a group whose
 *   members share no common half hour carries the `no-common-time` concern; optional
 *   `group.cohesion` trades mentees' shared goals against mentor fit;
 * - `reverse`: capacity mode with `rules.seniorityDirection` on, so that for the skills in
 *   `rules.reverseSkills` the junior mentors the senior;
 * - `peer`: pairs within one pool (everyone), exact; an odd pool leaves out the person
 *   whose absence costs least, or forms one trio (`peer.odd: 'trio'`); `peer.circleSize`
 *   forms circles of that size instead.
 *
 * Tiers (`config.tiers`, default `['matched', 'essential-fit']`): before the objective,
 * as many mentees matched as the places and rules allow, then as many of them as
 * possible with an essential-fit mentor (a wanted skill at level, a shared language,
 * ≥ 30 min a week in common) — exact, in the same solve; each pair carries
 * `essentialFit` and its `concerns`. `tiers: []` leaves the objective alone.
 *
 * Objectives (`config.objective`): `best-total` (default) — the largest total score;
 * `most-matched` — as many people matched as possible, then the largest total;
 * `fairness` — as many matched as `most-matched`, the lowest pair score as high as
 * possible, then the largest total under that floor (the result reports the price of
 * fairness). `minScore` (0–100) forbids weaker pairs.
 *
 * Life cycle: `locked` pairs are kept as they are while the others are matched;
 * `excludedPartners` are never paired again; `preferredPartners` get `preferredBonus`
 * points (default 10) and people in `priority` (left unmatched last round) get
 * `priorityBonus` points (default 20) on every pair while solving — reported scores never
 * include bonuses.
 *
 * Deterministic: participants are put in id order before solving, so the same input in
 * any order gives the same pairs, in the same (id) order.
 *
 * @param participants - validated participants (see `parseParticipants`).
 * @param config - scoring configuration (weights, rules, …) plus the options above.
 * @throws ConfigError (`INVALID_CONFIG`) on an invalid configuration, including locked or
 *   listed pairs naming unknown participants.
 * Run options (not in the config hash): `memoryLimit` (bytes) and `pool`, worker threads
 * to score a large cohort on (`createWorkerPool` from `mentor-match/node`; the same
 * result, bit for bit).
 *
 * @throws TooLargeError (`TOO_LARGE`) when the run would need more than `memoryLimit`
 *   bytes (default 4 GiB; about 26 bytes per candidate pair, 30 in peer and 32 in group mode), checked
 *   before anything large is allocated.
 * @throws InvalidInputError (`INVALID_INPUT`) when `participants` is not an array of
 *   participants (`null`, a hole, an element without an id or its lists), or a participant
 *   contains a cycle or is nested absurdly deep (it is not the plain data
 *   `parseParticipants` returns).
 *
 * @example
 * ```ts
 * const result = match(parseParticipants(json), { mode: 'capacity', objective: 'fairness' });
 * result.pairs[0];     // { menteeId: 'ana', mentorId: 'ben', score: 81.2, locked: false, breakdown: [...] }
 * result.unmatched[0]; // { id: 'eve', role: 'mentee', reason: { code: 'all-forbidden', message: '…' } }
 * ```
 * @throws WorkerError (`WORKER_FAILED`) when a worker of `pool` dies while scoring.
 */
export function match<C extends MatchConfig = Record<never, never>>(participants: readonly Participant[], config?: C): ResultFor<ModeOf<C>> {
  requireParticipants(participants, 'match');
  return matchWithMatrix(participants, config).result;
}

/**
 * {@link match}, and the compatibility matrix it solved on: what the audits need
 * (`stabilityAudit(result, matrix)`), without building the matrix a second time as
 * {@link matchMatrix} would.
 *
 * @param participants - The cohort.
 * @param config - As for {@link match}.
 * @returns The result and the matrix (mentees × mentors, or peers × peers).
 * @throws As {@link match}.
 *
 * @example
 * ```ts
 * const { result, matrix } = matchWithMatrix(people, { mode: 'capacity' });
 * stabilityAudit(result, matrix, { participants: people }).blockingPairs;
 * ```
 */
export function matchWithMatrix<C extends MatchConfig = Record<never, never>>(participants: readonly Participant[], config?: C): { result: ResultFor<ModeOf<C>>; matrix: CompatibilityMatrix } {
  requireParticipants(participants, 'matchWithMatrix');
  const cfg = (config === undefined ? {} : config) as MatchConfig;
  const { scoring, options } = splitConfig(cfg); // the whole config, scoring part included, is validated before anything reads it
  const path = pathOf(participants, options); // before any large allocation
  const people = inIdOrder(participants);
  const configHash = runHash(cfg, people);
  const out: { result: MatchResult; matrix: CompatibilityMatrix } =
    options.mode === 'peer'
      ? path === 'candidates'
        ? matchPeersByCandidates(people, scoring, options, configHash, options.candidates)
        : matchPeers(people, scoring, options, configHash)
      : path === 'candidates'
        ? matchByCandidates(people, scoring, options, configHash, options.candidates)
        : matchBipartite(people, scoring, options, configHash);
  fromMatch(out.result);
  // The mode the type names is the mode run (ResultFor follows splitConfig's default, capacity).
  return out as { result: ResultFor<ModeOf<C>>; matrix: CompatibilityMatrix };
}

/**
 * The config hash: the config (without the run options `memoryLimit` and `pool`, which
 * say where a run may go and on how many threads, not what it computes) and the
 * participants, as canonical JSON. A cycle or absurd nesting
 * in a participant is an `InvalidInputError`, not a stack overflow.
 */
function runHash(config: MatchConfig, people: readonly Participant[]): string {
  const rest: Record<string, unknown> = { ...(config ?? {}) };
  delete rest.memoryLimit;
  delete rest.pool;
  return fnv1a64(`{"config":${canonicalJson(rest, 'config')},"participants":${canonicalJson(people, 'participants')}}`);
}

/**
 * The dense path or the candidate path (`candidates.use`): `auto` takes the candidate
 * path when the configuration allows it and the dense matrix would not fit `memoryLimit`
 * or has more than `candidates.abovePairs` pairs (and the candidates fit); otherwise a
 * run too large is refused here, before anything large is allocated.
 *
 * @throws {@link TooLargeError} for a dense run over the limit.
 * @throws {@link ConfigError} for `candidates.use: 'always'` on a configuration the candidate path cannot run.
 */
function pathOf(participants: readonly Participant[], o: ResolvedMatchOptions): 'dense' | 'candidates' {
  const use = o.candidates.use;
  if (use === 'never') {
    checkSize(participants, o.mode, o.memoryLimit);
    return 'dense';
  }
  const blocker = candidatePathBlocker(o, participants);
  if (use === 'always') {
    if (blocker) throw new ConfigError([`candidates.use: 'always' needs the candidate path, which cannot run ${blocker}`]);
    checkCandidateSize(participants, o.candidates, o.memoryLimit, o.mode);
    return 'candidates';
  }
  if (blocker === undefined && (!denseFits(participants, o.mode, o.memoryLimit) || estimateSize(participants, o.mode).pairs > o.candidates.abovePairs)) {
    const bytes = candidateBytes(participants, o.candidates, o.mode);
    if (bytes <= o.memoryLimit) return 'candidates';
    checkSize(participants, o.mode, o.memoryLimit, { bytes }); // the dense run may still fit
  }
  checkSize(participants, o.mode, o.memoryLimit, { blocker });
  return 'dense';
}

/** Participants sorted by id: the canonical order every run solves in. */
export function inIdOrder(participants: readonly Participant[]): Participant[] {
  return [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The compatibility matrix {@link match} solves on, for audits of its result (e.g.
 * `stabilityAudit`): the same participants in the same order, the same rules, with
 * excluded partners banned and, in reverse mode, the seniority direction on. Peer mode
 * gives the peer matrix. Pair scores in a result are `100 × matrix.score(i, j)`.
 *
 * @param participants - The cohort given to `match`.
 * @param config - The config given to `match`.
 * @returns The matrix (mentees × mentors, or peers × peers).
 * @throws {@link ConfigError} for an invalid config, as `match` would.
 *
 * @example
 * ```ts
 * const result = match(people, config);
 * const audit = stabilityAudit(result, matchMatrix(people, config));
 * ```
 */
export function matchMatrix(participants: readonly Participant[], config: MatchConfig = {}): CompatibilityMatrix {
  requireParticipants(participants, 'matchMatrix');
  const { scoring, options } = splitConfig(config);
  checkSize(participants, options.mode, options.memoryLimit);
  const people = inIdOrder(participants);
  return options.mode === 'peer' ? peerMatrix(people, scoring, options) : bipartiteMatrix(people, scoring, options).matrix;
}
