import { InvalidInputError } from '../errors.js';
import { requireResult } from '../match/result-schema.js';
import { argError, isRecord, requireOptions, requireParticipants } from '../_internal/args.js';
import type { MatchResult } from '../match/types.js';
import { mentorGroups, mentorPairs, peerGroups, peerPairsOf } from '../match/result-shape.js';
import type { Participant } from '../profile/types.js';
import { CompatibilityMatrix, requireDense } from '../score/matrix.js';
import { menteePlacesIn as menteePlaces, placesIn as places } from '../match/places.js';
import { byId, deepFreeze, participantIndex } from './_internal/result-index.js';
import { TopK } from './_internal/top-k.js';
import type { BlockingPair, StabilityAudit } from './types.js';

/** The part of a {@link CompatibilityMatrix} the audit reads (a matrix built by mentor-match fits). */
export type StabilityMatrix = Pick<CompatibilityMatrix, 'kind' | 'rows' | 'cols' | 'rowIds' | 'colIds' | 'scores' | 'forbidden'> & Partial<Pick<CompatibilityMatrix, 'checks'>>;

/** Options of {@link stabilityAudit}. */
export interface StabilityAuditOptions {
  /**
   * The cohort: gives each mentor's and mentee's places (`places` / `menteePlaces`, as
   * `match` counts them: a mentor 1 in one-to-one mode, otherwise `capacity.max`; a mentee
   * `maxMentors` in capacity and reverse modes, else 1). Without it, a mentor with no mentee has room and any other
   * mentor is taken to be full.
   */
  readonly participants?: readonly Participant[];
  /**
   * How many of the strongest blocking pairs to list in `worst`.
   * @defaultValue 10
   */
  readonly limit?: number;
  /**
   * The `minScore` (0–100) the result was matched with: weaker pairs were not allowed, so
   * they do not block.
   * @defaultValue 0
   */
  readonly minScore?: number;
  /**
   * Rank partners as `match` does by default: an essential fit (see `matrix.checks`)
   * before any score, then by score. A pair then blocks only if it is at least as good
   * for both by that ranking; giving a side an essential fit it lacks counts 100 points
   * of `gain` for that side. Set `false` for results matched with `tiers` that leave
   * `essential-fit` out. Needs `matrix.checks` (a matrix built by mentor-match has it).
   * @defaultValue whether the result's `tiers` include `essential-fit`
   */
  readonly essentialFirst?: boolean;
}

const DEFAULTS = { limit: 10, minScore: 0 } as const;

interface Candidate {
  readonly gain: number;
  readonly a: string;
  readonly b: string;
  readonly i: number;
  readonly j: number;
}

/**
 * Finds the blocking pairs of a result: an allowed pair of people, not together, who both
 * score each other higher than what they got — so both would rather leave their match
 * for each other. A result with none is *stable* (Gale & Shapley, 1962). Scores are
 * symmetric (one score per pair), so "both prefer" compares the pair's score with each
 * side's current one.
 *
 * Bipartite results (one-to-one, capacity, reverse, group): a mentee–mentor pair that is
 * not forbidden, not below `minScore` and not already matched blocks when
 * - its score beats the mentee's current score: their best pair (0 when unmatched); a
 *   mentee allowed several mentors (`maxMentors` > 1, capacity and reverse modes, needs
 *   `participants`) counts as having room when they have fewer than that, else their
 *   weakest pair;
 * - and the mentor has room (fewer mentees than places; see
 *   {@link StabilityAuditOptions.participants}), or the score beats the mentor's weakest
 *   current mentee. Group mode is the same with the group as the mentor's mentees;
 *   minimum group sizes are not considered (a lone mentee "joining" a dissolved group
 *   counts as blocking).
 *
 * Peer results (`matrix.kind` `'peer'`): the stable-roommates notion. Two peers who are
 * not partners (nor in the same trio or circle) block when each scores the other above
 * their current partner (0 when unmatched; a member of a trio or circle: the mean of
 * their scores with the other members). The pair is reported with the smaller id as
 * `menteeId`; `mentorHasRoom` says the second peer is unmatched; every affected peer is
 * counted in `menteesAffected` (and `peopleAffected`), `mentorsAffected` is 0.
 *
 * `gain` = min(score − mentee's current, score − mentor's current), on 0–100. `worst`
 * lists the `limit` largest gains, ties by ids ascending.
 *
 * Complexity: O(rows · cols) time (one pass over the matrix), O(rows + cols + pairs + limit)
 * memory — at 10,000 × 2,000, about 35 ms for a near-stable result and 0.1 s for a random
 * one with 9 million blocking pairs (Node 20).
 *
 * @param result - a {@link MatchResult} from `match`.
 * @param matrix - the compatibility matrix of the same cohort and configuration: the one
 *   `matchWithMatrix` returns with the result, or `matchMatrix(people, config)` (also
 *   `buildCompatibility` / `buildPeerCompatibility` by hand); rows and columns are found
 *   by id, in any order.
 * @param options - {@link StabilityAuditOptions}.
 * @returns a readonly {@link StabilityAudit}.
 * @throws InvalidInputError (`INVALID_INPUT`) when the matrix is malformed, its kind does
 *   not fit the result's mode, the result names someone the matrix lacks, or `limit` /
 *   `minScore` is out of range.
 *
 * @example
 * ```ts
 * const people = parseParticipants(json);
 * const { result, matrix } = matchWithMatrix(people, { mode: 'one-to-one' });
 * const audit = stabilityAudit(result, matrix, { participants: people });
 * audit.stable;  // true (no blocking pair)
 *
 * // By hand: e-1–m-2 (50) and e-2–m-1 (80), where e-1–m-1 scores 90.
 * stabilityAudit(edited, matrix).worst[0];
 * // { menteeId: 'e-1', mentorId: 'm-1', score: 90, menteeCurrent: 50, menteeHasRoom: false, menteePartners: 1,
 * //   mentorCurrent: 80, mentorHasRoom: false, gain: 10 }
 * ```
 */
export function stabilityAudit(result: MatchResult, matrix: StabilityMatrix, options: StabilityAuditOptions = {}): StabilityAudit {
  requireResult(result, 'stabilityAudit', 'result');
  requireOptions(options, 'stabilityAudit');
  if (options.participants !== undefined) requireParticipants(options.participants, 'stabilityAudit', 'options.participants');
  const limit = options.limit ?? DEFAULTS.limit;
  const minScore = options.minScore ?? DEFAULTS.minScore;
  if (!Number.isInteger(limit) || limit < 0) throw new InvalidInputError(`stabilityAudit: expected limit to be an integer ≥ 0; found ${String(limit)}`);
  if (!(minScore >= 0 && minScore <= 100)) throw new InvalidInputError(`stabilityAudit: expected minScore from 0 to 100; found ${String(minScore)}`);
  if (matrix instanceof CompatibilityMatrix) requireDense(matrix, 'stabilityAudit');
  checkMatrix(matrix);
  const peerResult = result.mode === 'peer';
  if (peerResult !== (matrix.kind === 'peer')) {
    throw new InvalidInputError(
      `stabilityAudit: expected a ${peerResult ? "'peer'" : "'bipartite'"} matrix for a result in mode '${result.mode}'; found a '${matrix.kind}' matrix`,
    );
  }
  const people = options.participants ? participantIndex(options.participants, 'stabilityAudit') : undefined;
  const floor = minScore / 100;
  // Results from older versions (JSON) may lack `tiers`: essentials first was not on then.
  const essentialFirst = options.essentialFirst ?? (result.tiers ?? []).includes('essential-fit');
  const checks = essentialFirst && matrix.checks?.length === matrix.scores.length ? matrix.checks : undefined;
  const rank = ranking(matrix.scores, checks);
  return deepFreeze(peerResult ? peerAudit(result, matrix, rank, limit, floor) : bipartiteAudit(result, matrix, rank, limit, floor, people));
}

function checkMatrix(m: StabilityMatrix): void {
  const arrayLike = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as ArrayLike<unknown>).length === 'number';
  if (!isRecord(m) || !arrayLike(m.rowIds) || !arrayLike(m.colIds) || !arrayLike(m.scores) || !arrayLike(m.forbidden)) {
    throw argError('stabilityAudit', 'matrix', 'a matrix { kind, rows, cols, rowIds, colIds, scores, forbidden } (from matchWithMatrix or buildCompatibility)', m);
  }
  const ok =
    Number.isInteger(m.rows) && Number.isInteger(m.cols) && m.rows >= 0 && m.cols >= 0 &&
    m.rowIds.length === m.rows && m.colIds.length === m.cols &&
    m.scores.length === m.rows * m.cols && m.forbidden.length === m.rows * m.cols &&
    (m.kind === 'bipartite' || (m.kind === 'peer' && m.rows === m.cols));
  if (!ok) {
    throw new InvalidInputError(
      `stabilityAudit: expected a ${m.rows} × ${m.cols} matrix with as many row / column ids and ${m.rows * m.cols} scores and forbidden flags` +
        `${m.kind === 'peer' ? ' (square, peer)' : ''}; found ${m.rowIds.length} row ids, ${m.colIds.length} column ids, ${m.scores.length} scores, ${m.forbidden.length} flags`,
    );
  }
}

/** How a pair ranks for both people: its score, plus 1 for an essential fit when essentials come first (scores are in [0, 1]). */
type Ranking = (k: number) => number;

function ranking(scores: Float64Array, checks: Uint8Array | undefined): Ranking {
  return checks ? (k) => scores[k] + (checks[k] === 0 ? 1 : 0) : (k) => scores[k];
}

/** A rank back on the score scale (0–100): the essential-fit lift removed. */
const asScore = (r: number): number => 100 * (r > 1 ? r - 1 : r);

function indexOf(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, k) => m.set(id, k));
  return m;
}

function lookup(map: Map<string, number>, id: string, side: string): number {
  const k = map.get(id);
  if (k === undefined) throw new InvalidInputError(`stabilityAudit: participant '${id}' of the result is not among the matrix ${side}`, { id });
  return k;
}

function topK(limit: number): TopK<Candidate> {
  return new TopK<Candidate>(limit, (x, y) => x.gain > y.gain || (x.gain === y.gain && (x.a < y.a || (x.a === y.a && x.b < y.b))));
}

function bipartiteAudit(
  result: MatchResult,
  m: StabilityMatrix,
  rank: Ranking,
  limit: number,
  floor: number,
  people: Map<string, Participant> | undefined,
): StabilityAudit {
  const { rows: R, cols: C, scores, forbidden } = m;
  const matched = matchedCells(result, m);
  const { rowThr, rowMulti, rowRoom, rowLoad, colThr, colRoom } = bipartiteThresholds(result, m, rank, matched, people);

  const rowHit = new Uint8Array(R);
  const colHit = new Uint8Array(C);
  let count = 0;
  const top = topK(limit);
  for (let i = 0; i < R; i++) {
    const ti = rowThr[i];
    const multi = rowMulti[i] === 1;
    const base = i * C;
    for (let j = 0; j < C; j++) {
      const s = rank(base + j);
      if (s <= ti || s <= colThr[j] || forbidden[base + j] !== 0 || scores[base + j] < floor || (multi && matched.has(base + j))) continue;
      count++;
      rowHit[i] = 1;
      colHit[j] = 1;
      const gain = Math.min(s - ti, s - colThr[j]);
      if (top.full && !(gain >= (top.worst()?.gain ?? Infinity))) continue; // cannot enter the top (or limit 0)
      top.offer({ gain, a: m.rowIds[i], b: m.colIds[j], i, j });
    }
  }
  const affected = new Set<string>();
  let mentees = 0;
  let mentors = 0;
  for (let i = 0; i < R; i++) if (rowHit[i]) (mentees++, affected.add(m.rowIds[i]));
  for (let j = 0; j < C; j++) if (colHit[j]) (mentors++, affected.add(m.colIds[j]));
  const worst: BlockingPair[] = top.sorted().map((c) => ({
    menteeId: c.a,
    mentorId: c.b,
    score: 100 * scores[c.i * C + c.j],
    menteeCurrent: asScore(rowThr[c.i]),
    menteeHasRoom: rowRoom[c.i] === 1,
    menteePartners: rowLoad[c.i],
    mentorCurrent: asScore(colThr[c.j]),
    mentorHasRoom: colRoom[c.j] === 1,
    gain: 100 * c.gain,
  }));
  return { kind: 'bipartite', blockingPairs: count, menteesAffected: mentees, mentorsAffected: mentors, peopleAffected: affected.size, worst, stable: count === 0 };
}

/** The matrix cells (row · cols + column) of the result's mentee–mentor pairs and group memberships. */
function matchedCells(result: MatchResult, m: StabilityMatrix): Set<number> {
  const C = m.cols;
  const rowOf = indexOf(m.rowIds);
  const colOf = indexOf(m.colIds);
  const matched = new Set<number>();
  for (const p of mentorPairs(result)) matched.add(lookup(rowOf, p.menteeId, 'rows (mentees)') * C + lookup(colOf, p.mentorId, 'columns (mentors)'));
  for (const g of mentorGroups(result)) {
    const j = lookup(colOf, g.mentorId, 'columns (mentors)');
    for (const id of g.memberIds) matched.add(lookup(rowOf, id, 'rows (mentees)') * C + j);
  }
  return matched;
}

/** What a pair must beat on each side to block (0 = room), with the mentees who may have several mentors, who has room and each mentee's mentor count. */
interface Thresholds {
  readonly rowThr: Float64Array;
  readonly rowMulti: Uint8Array;
  readonly rowRoom: Uint8Array;
  readonly rowLoad: Int32Array;
  readonly colThr: Float64Array;
  readonly colRoom: Uint8Array;
}

/** Each mentee's and mentor's {@link Thresholds} from their current pairs and places. */
function bipartiteThresholds(
  result: MatchResult,
  m: StabilityMatrix,
  rank: Ranking,
  matched: ReadonlySet<number>,
  people: Map<string, Participant> | undefined,
): Thresholds {
  const { rows: R, cols: C } = m;
  const rowLoad = new Int32Array(R);
  const colLoad = new Int32Array(C);
  const rowBest = new Float64Array(R);
  const rowWeak = new Float64Array(R).fill(Infinity);
  const colWeak = new Float64Array(C).fill(Infinity);
  for (const k of matched) {
    const i = Math.floor(k / C);
    const j = k - i * C;
    const s = rank(k);
    rowLoad[i]++;
    colLoad[j]++;
    if (s > rowBest[i]) rowBest[i] = s;
    if (s < rowWeak[i]) rowWeak[i] = s;
    if (s < colWeak[j]) colWeak[j] = s;
  }
  const rowThr = new Float64Array(R);
  // A one-mentor mentee's threshold is their best pair, so their own pairs never pass it;
  // only mentees with several mentors need the "already matched" look-up.
  const rowMulti = new Uint8Array(R);
  const rowRoom = new Uint8Array(R);
  for (let i = 0; i < R; i++) {
    const p = people?.get(m.rowIds[i]);
    const maxMentors = p ? menteePlaces(p, result) : 1;
    rowMulti[i] = maxMentors > 1 ? 1 : 0;
    rowRoom[i] = rowLoad[i] < maxMentors ? 1 : 0;
    rowThr[i] = maxMentors > 1 ? (rowLoad[i] < maxMentors ? 0 : rowWeak[i]) : rowBest[i];
  }
  const colThr = new Float64Array(C);
  const colRoom = new Uint8Array(C);
  for (let j = 0; j < C; j++) {
    const p = people?.get(m.colIds[j]);
    const room = p ? places(p, result) : colLoad[j] === 0 ? 1 : colLoad[j];
    colRoom[j] = colLoad[j] < room ? 1 : 0;
    colThr[j] = colRoom[j] ? 0 : colWeak[j];
  }
  return { rowThr, rowMulti, rowRoom, rowLoad, colThr, colRoom };
}

function peerAudit(result: MatchResult, m: StabilityMatrix, rank: Ranking, limit: number, floor: number): StabilityAudit {
  const n = m.rows;
  const { scores, forbidden } = m;
  const of = indexOf(m.rowIds);
  const partner = new Int32Array(n).fill(-1);
  const group = new Int32Array(n).fill(-1);
  const cur = new Float64Array(n); // ranks (essential fit first, when on)
  const shown = new Float64Array(n); // the same on the score scale, for the report
  const placed = new Uint8Array(n);
  const partners = new Int32Array(n);
  for (const p of peerPairsOf(result)) {
    const a = lookup(of, p.peerIds[0], 'peers');
    const b = lookup(of, p.peerIds[1], 'peers');
    partner[a] = b;
    partner[b] = a;
    placed[a] = placed[b] = 1;
    partners[a]++;
    partners[b]++;
    cur[a] = Math.max(cur[a], rank(a * n + b));
    cur[b] = Math.max(cur[b], rank(a * n + b));
    shown[a] = Math.max(shown[a], scores[a * n + b]);
    shown[b] = Math.max(shown[b], scores[a * n + b]);
  }
  peerGroups(result).forEach((g, t) => {
    const members = g.memberIds.map((id) => lookup(of, id, 'peers'));
    for (const a of members) {
      group[a] = t;
      placed[a] = 1;
      partners[a] += members.length - 1;
      let r = 0;
      let s = 0;
      for (const b of members) {
        if (b === a) continue;
        r += rank(a * n + b);
        s += scores[a * n + b];
      }
      cur[a] = members.length > 1 ? r / (members.length - 1) : 0;
      shown[a] = members.length > 1 ? s / (members.length - 1) : 0;
    }
  });
  const hit = new Uint8Array(n);
  let count = 0;
  const top = topK(limit);
  for (let i = 0; i < n; i++) {
    const ci = cur[i];
    for (let j = i + 1; j < n; j++) {
      const k = i * n + j;
      const s = rank(k);
      if (s <= ci || s <= cur[j] || forbidden[k] !== 0 || forbidden[j * n + i] !== 0 || scores[k] < floor) continue;
      if (partner[i] === j || (group[i] >= 0 && group[i] === group[j])) continue;
      count++;
      hit[i] = hit[j] = 1;
      const gain = Math.min(s - ci, s - cur[j]);
      if (top.full && !(gain >= (top.worst()?.gain ?? Infinity))) continue; // cannot enter the top (or limit 0)
      const [a, b] = byId(m.rowIds[i], m.rowIds[j]) < 0 ? [i, j] : [j, i];
      top.offer({ gain, a: m.rowIds[a], b: m.rowIds[b], i: a, j: b });
    }
  }
  let affected = 0;
  for (let i = 0; i < n; i++) affected += hit[i];
  const worst: BlockingPair[] = top.sorted().map((c) => ({
    menteeId: c.a,
    mentorId: c.b,
    score: 100 * scores[c.i * n + c.j],
    menteeCurrent: 100 * shown[c.i],
    menteeHasRoom: placed[c.i] === 0,
    menteePartners: partners[c.i],
    mentorCurrent: 100 * shown[c.j],
    mentorHasRoom: placed[c.j] === 0,
    gain: 100 * c.gain,
  }));
  return { kind: 'peer', blockingPairs: count, menteesAffected: affected, mentorsAffected: 0, peopleAffected: affected, worst, stable: count === 0 };
}
