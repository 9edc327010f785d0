import type { MatchConfig } from '../match/config.js';
import { requireResult } from '../match/result-schema.js';
import { requireOptions } from '../_internal/args.js';
import { canonicalJson } from '../match/hash.js';
import type { MatchResult, Unmatched } from '../match/types.js';
import { mentorPairs, pairIds, peerGroups, peerPairsOf } from '../match/result-shape.js';
import { byId, deepFreeze, idsOf } from './_internal/result-index.js';
import type { PairChange, ResultComparison } from './types.js';

/** Options of {@link compareResults}. */
export interface CompareResultsOptions {
  /** The configuration of the first run (as passed to `match`). With `configB`, the keys that differ are named. */
  readonly configA?: MatchConfig;
  /** The configuration of the second run. */
  readonly configB?: MatchConfig;
}

/**
 * Compares two results, e.g. this round and last round, or two configurations on one
 * cohort: which pairs were kept, added and removed, who is new or gone, how the mean score
 * and the number matched moved, and — for each person whose partners changed — one
 * sentence saying what changed and why, when it can be told. The sentence names a person's
 * mentees and mentors apart (`M10 now mentors E14, E15 (mentored E14); now has mentor
 * M03`), so someone who is both is never read as having three mentors; peers are
 * partners (`c now has a (had a, b)`). The reasons:
 *
 * - the person is new in the second run or not in it (that says it all);
 * - a partner they gained is new in the second run or was unmatched in the first; a partner
 *   they lost is not in the second run or is unmatched in it; the person is unmatched in the
 *   second run (with its reason);
 * - the configuration: with both `configA` and `configB`, the keys that differ
 *   (`weights.skills`, `minScore`, … as written, defaults not filled in), given to everyone
 *   whose partners changed; otherwise, for people with no reason above, the config hashes
 *   ("configuration or profiles differ (hash x vs y)", since the hash covers both).
 *
 * Peer trios and circles count as every pair of their members, scored with the group's
 * mean. Everything is in ascending id order.
 *
 * @param a - the first (earlier) result.
 * @param b - the second result.
 * @param options - {@link CompareResultsOptions}.
 * @returns a readonly {@link ResultComparison}; `compareResults(a, a)` keeps every pair and
 *   explains nothing.
 * @throws InvalidInputError (`INVALID_INPUT`) when `a` or `b` is not a result (every
 *   problem listed with its path, e.g. `b.groups[0].memberIds`), or `options` is not an
 *   object; never on results from `match`.
 *
 * Complexity: O(pairs + participants) plus the size of the two configurations.
 *
 * @example
 * ```ts
 * const first = match(people, { ...config, mode: 'one-to-one' });
 * const second = match(people, { ...config, mode: 'capacity' });
 * const c = compareResults(first, second, { configA: { ...config, mode: 'one-to-one' }, configB: { ...config, mode: 'capacity' } });
 * c.added;         // [{ menteeId: 'cai', mentorId: 'max', score: 0 }]
 * c.explanations;  // [{ id: 'cai', message: 'cai now has mentor max (was unmatched: no-capacity): configuration differs in mode' },
 *                  //  { id: 'max', message: 'max now mentors ben, cai (mentored ben): cai was unmatched in the first run; configuration differs in mode' }]
 * ```
 */
export function compareResults(a: MatchResult, b: MatchResult, options: CompareResultsOptions = {}): ResultComparison {
  // What the comparison reads (results of older versions without concerns, search, … pass).
  requireResult(a, 'compareResults', 'a', false);
  requireResult(b, 'compareResults', 'b', false);
  requireOptions(options, 'compareResults');
  const pa = pairMap(a);
  const pb = pairMap(b);
  const added: PairChange[] = [];
  const removed: PairChange[] = [];
  let kept = 0;
  for (const [k, p] of pb) if (pa.has(k)) kept++;
  else added.push(p);
  for (const [k, p] of pa) if (!pb.has(k)) removed.push(p);
  const order = (x: PairChange, y: PairChange): number => byId(x.menteeId, y.menteeId) || byId(x.mentorId, y.mentorId);
  added.sort(order);
  removed.sort(order);

  const idsA = new Set(idsOf(a));
  const idsB = new Set(idsOf(b));
  const newParticipants = [...idsB].filter((x) => !idsA.has(x));
  const goneParticipants = [...idsA].filter((x) => !idsB.has(x));
  const configDifferences = options.configA !== undefined && options.configB !== undefined ? diffKeys(options.configA, options.configB) : [];

  const explanations = explain(a, b, idsA, idsB, newParticipants.length, goneParticipants.length, configDifferences, options);
  return deepFreeze({
    sameConfig: a.configHash === b.configHash,
    kept,
    added,
    removed,
    newParticipants,
    goneParticipants,
    explanations,
    meanScoreDelta: b.stats.meanScore - a.stats.meanScore,
    matchedDelta: b.stats.matched - a.stats.matched,
    configDifferences,
  });
}

/** Pairs of a result by key; peer groups as their member pairs. */
function pairMap(r: MatchResult): Map<string, PairChange> {
  const m = new Map<string, PairChange>();
  for (const p of r.pairs) {
    const [a, b] = pairIds(p);
    m.set(`${a}\u0000${b}`, { menteeId: a, mentorId: b, score: p.score });
  }
  for (const g of peerGroups(r)) {
    const ids = [...g.memberIds].sort(byId);
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) m.set(`${ids[x]}\u0000${ids[y]}`, { menteeId: ids[x], mentorId: ids[y], score: g.score });
    }
  }
  return m;
}

function explain(
  a: MatchResult,
  b: MatchResult,
  idsA: Set<string>,
  idsB: Set<string>,
  nNew: number,
  nGone: number,
  configDifferences: readonly string[],
  options: CompareResultsOptions,
): { id: string; message: string }[] {
  const partnersA = partnerSets(a);
  const partnersB = partnerSets(b);
  const unmatchedA = unmatchedOf(a);
  const unmatchedB = unmatchedOf(b);
  const hashes = `hash ${a.configHash} vs ${b.configHash}`;
  const bothConfigs = options.configA !== undefined && options.configB !== undefined;
  // The sentence about the configuration; `always` gives it to everyone changed.
  let config: { text: string; always: boolean };
  if (configDifferences.length > 0) config = { text: `configuration differs in ${configDifferences.join(', ')}`, always: true };
  else if (a.configHash === b.configHash) config = { text: `same configuration and participants (hash ${a.configHash}), so the results were edited or made by another version`, always: false };
  else if (nNew + nGone > 0) config = { text: `the cohort changed (${nNew} new, ${nGone} gone), which can move anyone's partner (${hashes})`, always: false };
  else if (bothConfigs) config = { text: `the configurations are the same, so participant profiles differ (${hashes})`, always: false };
  else config = { text: `configuration or profiles differ (${hashes})`, always: false };

  const out: { id: string; message: string }[] = [];
  for (const id of [...new Set([...idsA, ...idsB])].sort(byId)) {
    const was = partnersA.get(id) ?? NO_PARTNERS;
    const now = partnersB.get(id) ?? NO_PARTNERS;
    const changed = SIDES.filter((side) => !sameList(was[side], now[side]));
    if (changed.length === 0) continue;
    const inA = idsA.has(id);
    const inB = idsB.has(id);
    const ua = unmatchedA.get(id);
    const ub = unmatchedB.get(id);
    const hadAny = SIDES.some((side) => was[side].length > 0);
    const hasAny = SIDES.some((side) => now[side].length > 0);
    // Someone new or gone explains themself.
    if (!inA || !inB) {
      const text = !inA ? `${id} is new in the second run and ${nowPhrases(now).join(' and ')}` : `${id} is not in the second run (${pastPhrases(was).join('; ')})`;
      out.push({ id, message: config.always ? `${text}: ${config.text}` : text });
      continue;
    }
    const change = !hadAny
      ? `${id} now ${nowPhrases(now).join(' and ')} (was unmatched${ua ? `: ${ua.reason.code}` : ''})`
      : !hasAny
        ? `${id} is now unmatched (${pastPhrases(was).join('; ')})`
        : `${id} ${changed.map((side) => sideChange(side, was[side], now[side])).join('; ')}`;
    const reasons: string[] = [];
    // The reason they are unmatched now, when the side they are unmatched in lost everyone.
    if (ub && (!hasAny || (now[SIDE_OF[ub.role]].length === 0 && was[SIDE_OF[ub.role]].length > 0))) reasons.push(`${ub.reason.message} (${ub.reason.code})`);
    for (const side of changed) {
      for (const y of now[side]) {
        if (was[side].includes(y)) continue;
        if (!idsA.has(y)) reasons.push(`${y} is new in the second run`);
        else if (unmatchedA.has(y)) reasons.push(`${y} was unmatched in the first run`);
      }
      for (const y of was[side]) {
        if (now[side].includes(y)) continue;
        if (!idsB.has(y)) reasons.push(`${y} is not in the second run`);
        else if (unmatchedB.has(y)) reasons.push(`${y} is unmatched in the second run`);
      }
    }
    if (config.always || reasons.length === 0) reasons.push(config.text);
    out.push({ id, message: `${change}: ${[...new Set(reasons)].join('; ')}` });
  }
  return out;
}

/**
 * A person's partners in one result, by role: the mentees they mentor, the mentors they
 * have, and their peers (peer mode, peer trios and circles). Someone who is both mentee
 * and mentor has both lists, so a sentence never mixes them.
 */
interface Partners {
  readonly mentees: readonly string[];
  readonly mentors: readonly string[];
  readonly peers: readonly string[];
}
type Side = keyof Partners;
const SIDES: readonly Side[] = ['mentees', 'mentors', 'peers'];
const NO_PARTNERS: Partners = { mentees: [], mentors: [], peers: [] };
/** The side an unmatched role leaves empty: an unmatched mentee has no mentors, … */
const SIDE_OF: Readonly<Record<Unmatched['role'], Side>> = { mentee: 'mentors', mentor: 'mentees', peer: 'peers' };

const list = (xs: readonly string[]): string => xs.join(', ');
const sameList = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, k) => v === y[k]);

/** What a person has on one side, as a verb phrase: `mentors e-1, e-2`, `has mentor m-1`, `has a, b`. */
function has(side: Side, xs: readonly string[]): string {
  if (side === 'mentees') return `mentors ${list(xs)}`;
  if (side === 'mentors') return `has ${xs.length === 1 ? 'mentor' : 'mentors'} ${list(xs)}`;
  return `has ${list(xs)}`;
}

/** What a person had on one side: `mentored e-1`, `had mentor m-1`, `had a, b`. */
function had(side: Side, xs: readonly string[]): string {
  if (side === 'mentees') return `mentored ${list(xs)}`;
  if (side === 'mentors') return `had ${xs.length === 1 ? 'mentor' : 'mentors'} ${list(xs)}`;
  return `had ${list(xs)}`;
}

const nowPhrases = (p: Partners): string[] => SIDES.filter((side) => p[side].length > 0).map((side) => has(side, p[side]));
const pastPhrases = (p: Partners): string[] => SIDES.filter((side) => p[side].length > 0).map((side) => had(side, p[side]));

/** One side's change: `now mentors e-3 (mentored e-2)`, `now has mentor m-3 (had m-2)`, `no longer has a mentor (had m-2)`. */
function sideChange(side: Side, was: readonly string[], now: readonly string[]): string {
  if (now.length === 0) return `${side === 'mentees' ? 'no longer mentors anyone' : side === 'mentors' ? 'no longer has a mentor' : 'no longer has a partner'} (${had(side, was)})`;
  if (was.length === 0) return `now ${has(side, now)}`;
  return `now ${has(side, now)} (${side === 'mentees' ? 'mentored' : 'had'} ${list(was)})`;
}

/** Each person's partners by role, ascending. Peer-mode pairs and mentorless groups are peers. */
function partnerSets(r: MatchResult): Map<string, Partners> {
  const m = new Map<string, { mentees: Set<string>; mentors: Set<string>; peers: Set<string> }>();
  const of = (id: string) => {
    let x = m.get(id);
    if (!x) m.set(id, (x = { mentees: new Set(), mentors: new Set(), peers: new Set() }));
    return x;
  };
  for (const p of peerPairsOf(r)) {
    const [a, b] = p.peerIds;
    of(a).peers.add(b);
    of(b).peers.add(a);
  }
  for (const p of mentorPairs(r)) {
    of(p.mentorId).mentees.add(p.menteeId);
    of(p.menteeId).mentors.add(p.mentorId);
  }
  // Group mode's groups are already in `pairs`; peer trios and circles are not.
  for (const g of peerGroups(r)) {
    for (const a of g.memberIds) for (const b of g.memberIds) if (a !== b) of(a).peers.add(b);
  }
  const sorted = (xs: Set<string>): string[] => [...xs].sort(byId);
  return new Map([...m].map(([id, x]) => [id, { mentees: sorted(x.mentees), mentors: sorted(x.mentors), peers: sorted(x.peers) }]));
}

function unmatchedOf(r: MatchResult): Map<string, Unmatched> {
  return new Map(r.unmatched.map((u) => [u.id, u]));
}

/** Dotted paths where two configurations differ (objects compared key by key, anything else as canonical JSON). */
function diffKeys(x: unknown, y: unknown, path = ''): string[] {
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (plain(x) && plain(y)) {
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort(byId);
    return keys.flatMap((k) => diffKeys(x[k], y[k], path ? `${path}.${k}` : k));
  }
  return canonicalJson(x) === canonicalJson(y) ? [] : [path || '(config)'];
}
