/**
 * Reading a {@link MatchResult} whatever its mode: the two people of a pair, and the
 * groups of each kind. One place that knows the union's shape, for the audits, the
 * writers and integrators.
 *
 * @module
 */
import type { AnyPair, MatchedPair, MatchResult, MentorGroup, PeerGroup, PeerPair } from './types.js';

/**
 * The two people of a pair: `[menteeId, mentorId]`, or a peer pair's two peers in id order.
 *
 * @example
 * ```ts
 * pairIds({ menteeId: 'E1', mentorId: 'M2', … }); // ['E1', 'M2']
 * pairIds({ peerIds: ['P1', 'P4'], … });          // ['P1', 'P4']
 * ```
 */
export function pairIds(pair: AnyPair): readonly [string, string] {
  return 'peerIds' in pair ? pair.peerIds : [pair.menteeId, pair.mentorId];
}

/**
 * The mentee–mentor pairs of a result (none in peer mode).
 *
 * @example
 * ```ts
 * mentorPairs(match(people, { mode: 'capacity' })).length; // the result's pairs
 * mentorPairs(match(people, { mode: 'peer' })).length;     // 0
 * ```
 */
export function mentorPairs(result: MatchResult): readonly MatchedPair[] {
  return result.mode === 'peer' ? [] : result.pairs;
}

/**
 * The peer pairs of a result (none outside peer mode).
 *
 * @example
 * ```ts
 * peerPairsOf(match(people, { mode: 'peer' }))[0]?.peerIds; // ['P1', 'P4']
 * ```
 */
export function peerPairsOf(result: MatchResult): readonly PeerPair[] {
  return result.mode === 'peer' ? result.pairs : [];
}

/**
 * The mentors' groups of a group-mode result (none in other modes).
 *
 * @example
 * ```ts
 * mentorGroups(match(people, { mode: 'group' })).map((g) => g.mentorId);
 * ```
 */
export function mentorGroups(result: MatchResult): readonly MentorGroup[] {
  return result.mode === 'group' ? result.groups : [];
}

/**
 * The peer trio or circles of a peer-mode result (none in other modes).
 *
 * @example
 * ```ts
 * peerGroups(match(people, { mode: 'peer', peer: { circleSize: 4 } })).map((g) => g.memberIds);
 * ```
 */
export function peerGroups(result: MatchResult): readonly PeerGroup[] {
  return result.mode === 'peer' ? result.groups : [];
}

/**
 * Every group of a result: a mentor's group (group mode) or a peer trio or circle (peer
 * mode); none in the pair modes.
 *
 * @example
 * ```ts
 * groupsOf(result).length; // 0 for one-to-one, capacity and reverse results
 * ```
 */
export function groupsOf(result: MatchResult): readonly (MentorGroup | PeerGroup)[] {
  return result.mode === 'group' || result.mode === 'peer' ? result.groups : [];
}
