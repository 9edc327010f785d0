/**
 * Private helpers shared by the audits: who is with whom in a result, id order. (The
 * places a mode gives a person are `match/places.ts`'s rule.) Never re-exported.
 *
 * @module
 */
import { InvalidInputError } from '../../errors.js';
import type { Participant } from '../../profile/types.js';
import type { MatchResult } from '../../match/types.js';
import { groupsOf, pairIds, peerGroups } from '../../match/result-shape.js';

/** Code-unit order of ids (the order `match` uses). */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { mean as meanOf } from '../../match/result-parts.js';

/** Every id a result mentions (pairs, groups, unmatched), ascending. */
export function idsOf(result: MatchResult): string[] {
  const s = new Set<string>();
  for (const p of result.pairs) for (const id of pairIds(p)) s.add(id);
  for (const g of groupsOf(result)) {
    if ('mentorId' in g) s.add(g.mentorId);
    for (const m of g.memberIds) s.add(m);
  }
  for (const u of result.unmatched) s.add(u.id);
  return [...s].sort(byId);
}

/**
 * Each person's partners and scores (0–100): pairs, plus the co-members of peer trios and
 * circles (a group without a mentor), scored with the group's mean. Group-mode groups are
 * already in `pairs` (one pair per member), so they add nothing.
 */
export function partnersOf(result: MatchResult): Map<string, { readonly partner: string; readonly score: number }[]> {
  const out = new Map<string, { partner: string; score: number }[]>();
  const add = (a: string, b: string, score: number): void => {
    let l = out.get(a);
    if (!l) out.set(a, (l = []));
    l.push({ partner: b, score });
  };
  for (const p of result.pairs) {
    const [a, b] = pairIds(p);
    add(a, b, p.score);
    add(b, a, p.score);
  }
  for (const g of peerGroups(result)) {
    for (const a of g.memberIds) for (const b of g.memberIds) if (a !== b) add(a, b, g.score);
  }
  return out;
}

/** Participants by id; a duplicate id is an input error. */
export function participantIndex(participants: readonly Participant[], fn: string): Map<string, Participant> {
  const m = new Map<string, Participant>();
  for (const p of participants) {
    if (m.has(p.id)) throw new InvalidInputError(`${fn}: expected unique participant ids; found '${p.id}' twice`, { id: p.id });
    m.set(p.id, p);
  }
  return m;
}

/** Throws when the result names someone missing from `participants`. */
export function requireCovered(result: MatchResult, byIdMap: Map<string, Participant>, fn: string): void {
  for (const id of idsOf(result)) {
    if (!byIdMap.has(id)) {
      throw new InvalidInputError(`${fn}: expected the participants of the result; participant '${id}' is in the result but not among the ${byIdMap.size} participants given`, { id });
    }
  }
}

export { deepFreeze } from '../../match/freeze.js';
