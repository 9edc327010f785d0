/**
 * The validated, normalised participant: what {@link parseParticipants} returns and
 * what the scoring layer reads. Every list is normalised (see `normalizeTag`; languages
 * through `resolveLanguage`, to their English name in lower case) and de-duplicated;
 * optional fields are `undefined` when absent.
 *
 * @module
 */

/** A role in a programme. A participant in a peer pool has both. */
export type Role = 'mentor' | 'mentee';

/** A skill with an optional proficiency level 1–5 (offered: current level; wanted: target). */
export interface Skill {
  /** Normalised skill tag. */
  readonly name: string;
  /** 1 (beginner) … 5 (expert); undefined when not given. */
  readonly level: number | undefined;
}

/** A weekly availability slot in the participant's local time. */
export interface Slot {
  /** 0 = Monday … 6 = Sunday. */
  readonly day: number;
  /** Minutes after local midnight, 0 ≤ start < end ≤ 1440. */
  readonly start: number;
  readonly end: number;
}

/** Mentor capacity: how many mentees at most (and optionally at least). */
export interface Capacity {
  readonly max: number;
  readonly min: number;
}

/**
 * A validated participant. Each property is one entry of the field table
 * (`PROFILE_FIELDS` in fields.ts), which the compiler checks against this type.
 */
export interface Participant {
  readonly id: string;
  readonly name: string | undefined;
  readonly roles: readonly Role[];
  readonly skillsOffered: readonly Skill[];
  readonly skillsWanted: readonly Skill[];
  readonly goals: readonly string[];
  readonly interests: readonly string[];
  readonly languages: readonly string[];
  readonly department: string | undefined;
  readonly location: string | undefined;
  /**
   * The id of this person's manager (may name someone outside the cohort). A `managerId`
   * given as a participant's e-mail is stored as that participant's id.
   */
  readonly managerId: string | undefined;
  /**
   * E-mail address, trimmed and lower case (one `@`); `parseParticipants` always sets the
   * key (undefined when not given). Optional in the type so that participants built by
   * hand still type-check.
   */
  readonly email?: string | undefined;
  /** Seniority level (a number; larger = more senior); words such as `Senior` are read through `SENIORITY_LEVELS`. */
  readonly seniority: number | undefined;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string | undefined;
  /** Weekly slots in local time (in `timeZone`). */
  readonly availability: readonly Slot[];
  /** Named numeric traits, each within its declared range. */
  readonly personality: Readonly<Record<string, number>>;
  /** Mentor capacity (mentors only; default max 1, min 0). */
  readonly capacity: Capacity;
  /** How many mentors a mentee may take (default 1). */
  readonly maxMentors: number;
  /** Free custom attributes (normalised keys; string, number or boolean values). */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}
