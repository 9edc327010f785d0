/**
 * The unmatched-reason codes and their labels: one table for the result type, the
 * reasons module, the CLI and the report.
 *
 * @module
 */

/**
 * Every reason code, with the short label the report and CLI show:
 * - `no-candidates`: there is nobody on the other side;
 * - `all-forbidden`: every possible partner is excluded by a hard rule (counts per rule);
 * - `below-min-score`: every allowed partner scores below `minScore`;
 * - `no-places`: none of the mentors this mentee could have offers a place (capacity 0),
 *   or (a mentor) this mentor offers none;
 * - `quota`: the mentee's quota group has used all its pairs;
 * - `locked`: the places of the mentors this mentee could have are held, in part, by locked pairs;
 * - `no-shared-language`: no mentor this mentee could have shares a language with them,
 *   and the places went to mentees who can talk with their mentor;
 * - `no-capacity`: the fitting mentors are full; the message names them and who holds their places;
 * - `group-dissolved`: groups below the minimum size were dissolved;
 * - `odd-one-out` / `not-in-circle`: peer mode, left out of the pairs or circles;
 * - `not-needed`: a mentor whose possible mentees were all better served elsewhere.
 */
export const UNMATCHED_REASONS = {
  'no-candidates': 'no candidates',
  'all-forbidden': 'excluded by rules',
  'below-min-score': 'below the minimum score',
  'no-places': 'no places offered',
  quota: 'quota full',
  locked: 'places held by locked pairs',
  'no-shared-language': 'no shared language',
  'no-capacity': 'fitting mentors full',
  'group-dissolved': 'group dissolved',
  'odd-one-out': 'odd one out',
  'not-in-circle': 'not in a circle',
  'not-needed': 'not needed',
} as const;

/** One of the keys of {@link UNMATCHED_REASONS}. */
export type UnmatchedCode = keyof typeof UNMATCHED_REASONS;
