/**
 * How many places a person has in a mode: the one rule `match`, `recommend` and the audits
 * share, so that none of them offers or counts a place another refuses.
 *
 * @module
 */
import { requireOptions, requireParticipant } from '../_internal/args.js';
import type { Participant } from '../profile/types.js';
import type { MatchMode } from './config.js';

/**
 * What the places of a person depend on: the mode and, in group mode, the group's maximum
 * size. Structurally satisfied by the resolved match options (what `match` and
 * `recommend` use) and by a `MatchResult` (what the audits have: its `mode`, and its
 * `group` when the result carries one).
 */
export interface PlacesOptions {
  /** The mentoring model (see `MatchMode`). */
  readonly mode: MatchMode;
  /** Group mode: `group.maxSize` caps every mentor's group (undefined: no cap beyond the mentor's capacity). */
  readonly group?: { readonly maxSize?: number | undefined } | undefined;
}

/**
 * The number of mentees a mentor may take in a mode (before locked pairs):
 *
 * | mode | places |
 * | --- | --- |
 * | `one-to-one` | 1, whatever the profile's capacity |
 * | `capacity`, `reverse` | `capacity.max` |
 * | `group` | `min(group.maxSize ?? ∞, capacity.max)` |
 * | `peer` | 1 (one partner; the odd trio and circles are the pool's, not a person's) |
 *
 * `match` never gives a mentor more mentees, rejects locked pairs beyond it
 * (`InfeasibleError`), and reports a mentor with 0 places as `no-places`; `recommend`
 * offers a mentor only while `places − locked pairs > 0`; `summarize` and
 * `stabilityAudit` count a mentor's room with it.
 *
 * @param person - a participant (its `capacity.max` is read; the role is not checked).
 * @param options - the mode and, in group mode, `group.maxSize` ({@link PlacesOptions}).
 * @returns an integer ≥ 0.
 *
 * Complexity: O(1).
 *
 * @example
 * ```ts
 * const [x] = parseParticipants([{ id: 'x', role: 'mentor', capacity: 3 }]);
 * places(x, { mode: 'capacity' });                      // 3
 * places(x, { mode: 'one-to-one' });                    // 1
 * places(x, { mode: 'group', group: { maxSize: 2 } });  // 2
 * ```
 */
export function places(person: Participant, options: PlacesOptions): number {
  return placesIn(requireParticipant(person, 'places', 'person'), requireOptions<PlacesOptions>(options, 'places', 'options (with a mode)', false));
}

/** {@link places} without the argument checks, for callers that pass checked values. Internal. */
export function placesIn(person: Participant, options: PlacesOptions): number {
  const max = person.capacity.max;
  switch (options.mode) {
    case 'one-to-one':
      return 1;
    case 'group':
      return Math.min(options.group?.maxSize ?? Infinity, max);
    case 'peer':
      return 1;
    default:
      return max;
  }
}

/**
 * The number of mentors a mentee may take in a mode (before locked pairs): the profile's
 * `maxMentors` in the `capacity` and `reverse` modes, else 1 (one-to-one and group modes
 * give one mentor each; a peer has one partner).
 *
 * @param person - a participant (its `maxMentors` is read; the role is not checked).
 * @param options - the mode ({@link PlacesOptions}; `group` is not used).
 * @returns an integer ≥ 1.
 *
 * Complexity: O(1).
 *
 * @example
 * ```ts
 * const [e] = parseParticipants([{ id: 'e', role: 'mentee', maxMentors: 2 }]);
 * menteePlaces(e, { mode: 'capacity' });    // 2
 * menteePlaces(e, { mode: 'one-to-one' });  // 1
 * ```
 */
export function menteePlaces(person: Participant, options: PlacesOptions): number {
  return menteePlacesIn(requireParticipant(person, 'menteePlaces', 'person'), requireOptions<PlacesOptions>(options, 'menteePlaces', 'options (with a mode)', false));
}

/** {@link menteePlaces} without the argument checks, for callers that pass checked values. Internal. */
export function menteePlacesIn(person: Participant, options: PlacesOptions): number {
  return options.mode === 'capacity' || options.mode === 'reverse' ? person.maxMentors : 1;
}
