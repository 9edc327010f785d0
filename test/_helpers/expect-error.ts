/**
 * Assertions on the library's typed errors: tests check the stable `code` (and the
 * brand), never the message wording.
 */
import { expect } from 'vitest';

import { isMatchError, type MatchError, type MatchErrorCode } from '../../src/errors.js';

/** Runs `f`, expects it to throw a MatchError with `code`, and returns the error. */
export function expectMatchError(f: () => unknown, code: MatchErrorCode): MatchError {
  let thrown: unknown;
  let threw = false;
  try {
    f();
  } catch (e) {
    threw = true;
    thrown = e;
  }
  if (!threw) return expect.fail(`expected a MatchError with code ${code}, but nothing was thrown`);
  if (!isMatchError(thrown)) {
    return expect.fail(`expected a MatchError with code ${code}, got ${String(thrown)}`);
  }
  expect(thrown.code).toBe(code);
  expect(thrown).toBeInstanceOf(Error);
  expect(typeof thrown.message).toBe('string');
  expect(thrown.message.length).toBeGreaterThan(0);
  return thrown;
}

/**
 * Runs `f` and returns `'INFEASIBLE'` when it throws an INFEASIBLE MatchError, or its
 * result otherwise; any other exception propagates (so a wrong error fails the test).
 */
export function resultOrInfeasible<T>(f: () => T): T | 'INFEASIBLE' {
  try {
    return f();
  } catch (e) {
    if (isMatchError(e) && e.code === 'INFEASIBLE') return 'INFEASIBLE';
    throw e;
  }
}
