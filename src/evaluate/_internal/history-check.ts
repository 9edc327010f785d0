/**
 * Checking a calibration history against the cohort: ids, roles, outcome kinds. Private
 * to `evaluate/`.
 *
 * @module
 */
import { InvalidInputError } from '../../errors.js';
import type { Participant } from '../../profile/types.js';
import type { HistoryEntry } from '../types.js';

/** A checked history: the mentees in it, all mentors, the pairs as indices, the outcomes. */
export interface Parsed {
  readonly mentees: Participant[];
  readonly mentors: Participant[];
  readonly pairs: [number, number][];
  readonly y: Float64Array;
  readonly kind: 'rating' | 'goal';
}

/**
 * Checks every entry (known ids with the right roles, nobody paired with themself, one
 * kind of outcome: ratings 1–5 or booleans) and indexes the pairs.
 *
 * @param history - Past pairs with outcomes.
 * @param participants - The cohort.
 * @returns Mentees, mentors, pairs and outcomes (goal achieved = 1, not = 0).
 * @throws InvalidInputError listing up to five problems and the count of the rest.
 *
 * @example
 * ```ts
 * checkHistory([{ menteeId: 'e1', mentorId: 'm1', outcome: 4 }], people).y; // Float64Array [4]
 * ```
 */
export function checkHistory(history: readonly HistoryEntry[], participants: readonly Participant[]): Parsed {
  if (!Array.isArray(history)) throw new InvalidInputError(`calibrateWeights: expected history to be an array; found ${typeof history}`);
  const byId = new Map<string, Participant>();
  for (const q of participants) {
    if (byId.has(q.id)) throw new InvalidInputError(`calibrateWeights: participant id '${q.id}' appears twice`, { participant: q.id });
    byId.set(q.id, q);
  }
  const problems: string[] = [];
  const menteeIndex = new Map<string, number>();
  const mentees: Participant[] = [];
  const mentors = participants.filter((q) => q.roles.includes('mentor'));
  const mentorIndex = new Map(mentors.map((q, k) => [q.id, k]));
  const pairs: [number, number][] = [];
  const y: number[] = [];
  let kind: 'rating' | 'goal' | undefined;
  history.forEach((h, k) => {
    const at = `history[${k}]`;
    if (typeof h !== 'object' || h === null) {
      problems.push(`${at}: expected { menteeId, mentorId, outcome }; found ${String(h)}`);
      return;
    }
    const { menteeId, mentorId, outcome } = h;
    const before = problems.length;
    const e = typeof menteeId === 'string' ? byId.get(menteeId) : undefined;
    const m = typeof mentorId === 'string' ? byId.get(mentorId) : undefined;
    if (!e) problems.push(`${at}: unknown mentee id '${String(menteeId)}'`);
    else if (!e.roles.includes('mentee')) problems.push(`${at}: '${menteeId}' is given as the mentee but has roles [${e.roles.join(', ')}]`);
    if (!m) problems.push(`${at}: unknown mentor id '${String(mentorId)}'`);
    else if (!m.roles.includes('mentor')) problems.push(`${at}: '${mentorId}' is given as the mentor but has roles [${m.roles.join(', ')}]`);
    if (e && m && e === m) problems.push(`${at}: '${menteeId}' is paired with themself`);
    let v: number | undefined;
    if (typeof outcome === 'boolean') {
      if (kind === 'rating') problems.push(`${at}: outcome ${outcome} is a boolean but earlier outcomes are ratings; expected one kind throughout`);
      kind ??= 'goal';
      v = outcome ? 1 : 0;
    } else if (typeof outcome === 'number' && Number.isFinite(outcome) && outcome >= 1 && outcome <= 5) {
      if (kind === 'goal') problems.push(`${at}: outcome ${outcome} is a rating but earlier outcomes are booleans; expected one kind throughout`);
      kind ??= 'rating';
      v = outcome;
    } else {
      problems.push(`${at}: expected outcome to be a rating 1–5 or a boolean; found ${JSON.stringify(outcome) ?? String(outcome)}`);
    }
    if (problems.length > before || !e || !m || v === undefined) return;
    let i = menteeIndex.get(e.id);
    if (i === undefined) {
      i = mentees.length;
      menteeIndex.set(e.id, i);
      mentees.push(e);
    }
    pairs.push([i, mentorIndex.get(m.id)!]);
    y.push(v);
  });
  if (problems.length) {
    const head = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? `; … and ${problems.length - 5} more` : '';
    throw new InvalidInputError(`calibrateWeights: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the history: ${head}${more}`, {
      problems,
    });
  }
  return { mentees, mentors, pairs, y: Float64Array.from(y), kind: kind ?? 'rating' };
}
