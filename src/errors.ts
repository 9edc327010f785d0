/**
 * Typed errors. Every error the library throws on purpose is a {@link MatchError}
 * with a stable `code`; tests and callers should branch on `code` (or use
 * {@link isMatchError}), never on the message wording.
 *
 * @module
 */
import type { CsvIssueCode } from './io/csv/issues.js';
import type { ProfileIssue } from './profile/issues.js';

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type MatchErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_PROFILE'
  | 'INVALID_CONFIG'
  | 'INFEASIBLE'
  | 'TOO_LARGE'
  | 'INVALID_CSV'
  | 'INSUFFICIENT_DATA'
  | 'WORKER_FAILED';

const BRAND = Symbol.for('mentor-match.MatchError');

/**
 * Base class of every error thrown on purpose by mentor-match.
 *
 * @example
 * ```ts
 * try { linearSumAssignment([[NaN]]); }
 * catch (e) { if (isMatchError(e)) console.log(e.code); } // 'INVALID_INPUT'
 * ```
 */
export class MatchError extends Error {
  /** Stable machine-readable code. */
  readonly code: MatchErrorCode;
  /** Structured details (row, column, value, …) where they help. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: MatchErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MatchError';
    this.code = code;
    this.details = Object.freeze({ ...details });
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * The input does not satisfy the documented contract (shape, NaN, wrong infinity,
 * self-loop, …). Message says what was expected and what was found.
 *
 * @example
 * ```ts
 * linearSumAssignment([[1, NaN]]); // throws InvalidInputError, code 'INVALID_INPUT'
 * ```
 */
export class InvalidInputError extends MatchError {
  declare readonly code: 'INVALID_INPUT';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVALID_INPUT', message, details);
    this.name = 'InvalidInputError';
  }
}

/**
 * The problem is well formed but has no solution (e.g. no complete assignment avoids
 * the forbidden pairs).
 *
 * @example
 * ```ts
 * linearSumAssignment([[Infinity, 1], [Infinity, 2]]); // throws InfeasibleError, code 'INFEASIBLE'
 * ```
 */
export class InfeasibleError extends MatchError {
  declare readonly code: 'INFEASIBLE';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INFEASIBLE', message, details);
    this.name = 'InfeasibleError';
  }
}

/**
 * The run would need more memory than allowed: `match` estimates what a cohort needs
 * (about 26 bytes per candidate pair) before it allocates anything large, and refuses a
 * run over the limit (`memoryLimit`). `details` holds `pairs`, `estimate` and `limit`
 * (bytes); the message says what to do (a smaller cohort, one run per site or
 * department, or a higher limit).
 *
 * @example
 * ```ts
 * try { match(people, { memoryLimit: 1_000_000 }); }
 * catch (e) { if (e instanceof TooLargeError) console.log(e.code, e.details.estimate); } // 'TOO_LARGE' 2600000
 * ```
 */
export class TooLargeError extends MatchError {
  declare readonly code: 'TOO_LARGE';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('TOO_LARGE', message, details);
    this.name = 'TooLargeError';
  }
}

/**
 * A scoring worker failed in a way that is not one of the errors above: it died (killed,
 * out of memory, `process.exit`), could not start, or threw something that is not a
 * {@link MatchError} (a bug). A {@link MatchError} thrown in a worker comes back as that
 * same error instead. `details` holds `worker` (its index) when known, and for a thrown
 * error its `name` and `message`, for an exit its `exitCode`.
 *
 * @example
 * ```ts
 * try { match(people, { pool }); }
 * catch (e) { if (e instanceof WorkerError) console.log(e.code, e.details.exitCode); } // 'WORKER_FAILED' 1
 * ```
 */
export class WorkerError extends MatchError {
  declare readonly code: 'WORKER_FAILED';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('WORKER_FAILED', message, details);
    this.name = 'WorkerError';
  }
}

export type { ProfileIssue } from './profile/issues.js';

/**
 * Participant profiles failed validation. `issues` lists every problem found, not just
 * the first.
 *
 * @example
 * ```ts
 * try { parseParticipants([{ id: 'a', roles: [] }]); }
 * catch (e) { if (e instanceof ProfileError) console.log(e.issues[0].field); } // 'roles'
 * ```
 */
export class ProfileError extends MatchError {
  declare readonly code: 'INVALID_PROFILE';
  readonly issues: readonly ProfileIssue[];
  constructor(issues: readonly ProfileIssue[]) {
    const head = issues.slice(0, 5).map((i) => `  - ${i.message}`).join('\n');
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more` : '';
    super('INVALID_PROFILE', `${issues.length} problem${issues.length === 1 ? '' : 's'} in participant profiles:\n${head}${more}`, {
      count: issues.length,
    });
    this.name = 'ProfileError';
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * One problem an error lists, the same shape on every error that has `issues`
 * ({@link ProfileError}, {@link ConfigError}, {@link CsvFileError}): a stable `code`
 * (each error's own union of codes) and one readable line. Each error adds what locates
 * the problem: a participant and field, a setting, a row and column.
 *
 * @example
 * ```ts
 * const lines = (e: ProfileError | ConfigError | CsvFileError) => e.issues.map((i: MatchIssue) => `${i.code}: ${i.message}`);
 * ```
 */
export interface MatchIssue {
  readonly code: string;
  readonly message: string;
}

/**
 * One problem of a configuration: `field` is the setting it is about (`weights.skills`,
 * `locked[2]`, `--pair`, …; empty when the problem is about the whole object) and
 * `message` the full line, starting with that setting.
 *
 * @example
 * ```ts
 * try { resolveConfig({ weights: { skills: -1 } }); }
 * catch (e) { if (e instanceof ConfigError) console.log(e.issues[0].field); } // 'weights.skills'
 * ```
 */
export interface ConfigIssue extends MatchIssue {
  readonly code: 'invalid_config';
  readonly field: string;
}

/** A configuration problem from its line: the setting is what comes before the first `': '`, when that is one word. */
function configIssue(issue: string | ConfigIssue): ConfigIssue {
  if (typeof issue !== 'string') return Object.freeze({ code: 'invalid_config', field: issue.field, message: issue.message });
  const at = issue.indexOf(': ');
  const head = at > 0 ? issue.slice(0, at) : '';
  return Object.freeze({ code: 'invalid_config', field: /^[^\s]+$/u.test(head) ? head : '', message: issue });
}

/**
 * The scoring or matching configuration is invalid (unknown criterion, negative weight,
 * a rule naming an unknown participant, …). `issues` holds one {@link ConfigIssue} per
 * problem; it may be built from lines (`'weights.skills: expected …'`).
 *
 * @example
 * ```ts
 * buildCompatibility(mentees, mentors, { weights: { skills: -1 } }); // throws ConfigError, code 'INVALID_CONFIG'
 * ```
 */
export class ConfigError extends MatchError {
  declare readonly code: 'INVALID_CONFIG';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly (string | ConfigIssue)[]) {
    const all = issues.map(configIssue);
    super('INVALID_CONFIG', `invalid configuration:\n${all.map((i) => `  - ${i.message}`).join('\n')}`, { count: all.length });
    this.name = 'ConfigError';
    this.issues = Object.freeze(all);
  }
}

/**
 * There is too little data to learn from (e.g. `calibrateWeights` with fewer past pairs
 * than it needs, or outcomes that never vary). `details` says how much there is and how
 * much is needed.
 *
 * @example
 * ```ts
 * try { calibrateWeights(history.slice(0, 10), people); }
 * catch (e) { if (e instanceof InsufficientDataError) console.log(e.details.needed); } // 50
 * ```
 */
export class InsufficientDataError extends MatchError {
  declare readonly code: 'INSUFFICIENT_DATA';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INSUFFICIENT_DATA', message, details);
    this.name = 'InsufficientDataError';
  }
}

/**
 * A CSV file was refused: with `strict: true`, any issue; otherwise a problem that
 * leaves no row readable (no header, no `id` column, two columns for one field).
 * `issues` lists every problem with its row and column.
 *
 * @example
 * ```ts
 * try { parseCohortCsv('name\nAna', { strict: true }); }
 * catch (e) { if (e instanceof CsvFileError) console.log(e.issues[0].code); } // 'missing_column'
 * ```
 */
export class CsvFileError extends MatchError {
  declare readonly code: 'INVALID_CSV';
  readonly issues: readonly CsvIssueLike[];
  constructor(issues: readonly CsvIssueLike[], what = 'CSV file') {
    const shown = issues.slice(0, 20).map((i) => `  - ${i.message}`);
    if (issues.length > 20) shown.push(`  - … and ${issues.length - 20} more`);
    super('INVALID_CSV', `${what} refused (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${shown.join('\n')}`, { count: issues.length });
    this.name = 'CsvFileError';
    this.issues = Object.freeze([...issues]);
  }
}

/** The fields of a CSV issue this module needs (the full type lives in io/csv/issues.ts). */
export interface CsvIssueLike extends MatchIssue {
  /** One of `CSV_ISSUE_CODES`, or a profile issue or warning code (see `CsvIssueCode`). */
  readonly code: CsvIssueCode;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly message: string;
}

/**
 * Every error mentor-match throws on purpose, told apart by `code`: after
 * {@link isMatchError}, a `switch (e.code)` narrows to the class, with its `issues` or
 * `details`.
 *
 * @example
 * ```ts
 * function explain(e: AnyMatchError): string {
 *   switch (e.code) {
 *     case 'INVALID_PROFILE': return e.issues.map((i) => `${i.participant} ${i.field}`).join('; ');
 *     case 'INVALID_CONFIG': return e.issues.map((i) => i.field).join('; ');
 *     case 'INVALID_CSV': return e.issues.map((i) => `row ${i.row} ${i.column}`).join('; ');
 *     // case 'INVALID_PROFILES': … does not compile: not a MatchErrorCode
 *     default: return e.message;
 *   }
 * }
 * ```
 */
export type AnyMatchError =
  | InvalidInputError
  | InfeasibleError
  | TooLargeError
  | WorkerError
  | ProfileError
  | ConfigError
  | InsufficientDataError
  | CsvFileError;

/**
 * True when `e` is a mentor-match error, even across two copies of the package
 * (a brand check, not `instanceof`).
 *
 * @example
 * ```ts
 * isMatchError(new InfeasibleError('x')); // true
 * isMatchError(new Error('x'));           // false
 * try { parseParticipants([{ id: 'a', roles: [] }]); }
 * catch (e) { if (isMatchError(e) && e.code === 'INVALID_PROFILE') console.log(e.issues[0].field); } // 'roles'
 * ```
 */
export function isMatchError(e: unknown): e is AnyMatchError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
