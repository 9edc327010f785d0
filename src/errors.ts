/**
 * Typed errors. Every error the library throws on purpose is a {@link MatchError}
 * with a stable `code`; tests and callers should branch on `code` (or use
 * {@link isMatchError}), never on the message wording.
 *
 * @module
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type MatchErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_PROFILE'
  | 'INVALID_CONFIG'
  | 'INFEASIBLE'
  | 'TOO_LARGE';

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
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INFEASIBLE', message, details);
    this.name = 'InfeasibleError';
  }
}

/**
 * True when `e` is a mentor-match error, even across two copies of the package
 * (a brand check, not `instanceof`).
 *
 * @example
 * ```ts
 * isMatchError(new InfeasibleError('x')); // true
 * isMatchError(new Error('x'));           // false
 * ```
 */
export function isMatchError(e: unknown): e is MatchError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
