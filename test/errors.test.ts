/**
 * errors: the typed error hierarchy and the brand check callers rely on.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';

import { InfeasibleError, InvalidInputError, MatchError, TooLargeError, isMatchError, type MatchErrorCode } from '../src/errors.js';
import * as api from '../src/index.js';

describe('MatchError(code, message, details)', () => {
  it('new MatchError(code, message, details) is an Error with that code, message, name and frozen details', () => {
    const details = { row: 3, col: 4 };
    const e = new MatchError('TOO_LARGE', 'too many participants', details);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(MatchError);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe('too many participants');
    expect(e.name).toBe('MatchError');
    expect(e.details).toEqual({ row: 3, col: 4 });
    expect(Object.isFrozen(e.details)).toBe(true);
    // The details are copied: later changes to the caller's object do not leak in.
    details.row = 99;
    expect(e.details.row).toBe(3);
    expect(typeof e.stack).toBe('string');
  });

  it('new MatchError(code, message) defaults details to an empty frozen object', () => {
    const e = new MatchError('INVALID_CONFIG', 'bad weight');
    expect(e.details).toEqual({});
    expect(Object.isFrozen(e.details)).toBe(true);
  });
});

describe('InvalidInputError and InfeasibleError', () => {
  const cases: [string, () => MatchError, MatchErrorCode, string, typeof InvalidInputError | typeof InfeasibleError | typeof TooLargeError][] = [
    ['new InvalidInputError(message, details)', () => new InvalidInputError('cost[0][1] is NaN', { row: 0, col: 1 }), 'INVALID_INPUT', 'InvalidInputError', InvalidInputError],
    ['new InfeasibleError(message, details)', () => new InfeasibleError('cost matrix is infeasible', { row: 2 }), 'INFEASIBLE', 'InfeasibleError', InfeasibleError],
    ['new TooLargeError(message, details)', () => new TooLargeError('cohort too large', { estimate: 2, limit: 1 }), 'TOO_LARGE', 'TooLargeError', TooLargeError],
  ];

  it.each(cases)('%s carries code %s and is a MatchError and an Error', (_, make, code, name, cls) => {
    const e = make();
    expect(e.code).toBe(code);
    expect(e.name).toBe(name);
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(MatchError);
    expect(e).toBeInstanceOf(Error);
    expect(isMatchError(e)).toBe(true);
    expect(Object.isFrozen(e.details)).toBe(true);
  });

  it('InvalidInputError is not an InfeasibleError and vice versa', () => {
    expect(new InvalidInputError('x')).not.toBeInstanceOf(InfeasibleError);
    expect(new InfeasibleError('x')).not.toBeInstanceOf(InvalidInputError);
  });

  it('a thrown InvalidInputError can be caught and branched on by code', () => {
    let code: string | undefined;
    try {
      throw new InvalidInputError('bad');
    } catch (e) {
      if (isMatchError(e)) code = e.code;
    }
    expect(code).toBe('INVALID_INPUT');
  });
});

describe('isMatchError(e)', () => {
  it('isMatchError(any MatchError) is true', () => {
    expect(isMatchError(new MatchError('INVALID_PROFILE', 'x'))).toBe(true);
    expect(isMatchError(new InvalidInputError('x'))).toBe(true);
    expect(isMatchError(new InfeasibleError('x'))).toBe(true);
    expect(isMatchError(new TooLargeError('x'))).toBe(true);
  });

  it('TooLargeError is exported from the package', () => {
    expect(api.TooLargeError).toBe(TooLargeError);
  });

  it('isMatchError(non-MatchError values) is false', () => {
    for (const x of [new Error('x'), new TypeError('x'), { code: 'INVALID_INPUT', message: 'x' }, null, undefined, 0, 'INVALID_INPUT', Symbol('x')]) {
      expect(isMatchError(x)).toBe(false);
    }
  });

  it('isMatchError(e) is a brand check: it recognises an error from another copy of the package (no instanceof)', () => {
    // A second copy of the package would have its own classes but the same global
    // symbol (Symbol.for) brand: simulate one with a foreign object carrying the brand.
    const foreign = new Error('from another copy');
    Object.defineProperty(foreign, Symbol.for('mentor-match.MatchError'), { value: true });
    expect(foreign).not.toBeInstanceOf(MatchError);
    expect(isMatchError(foreign)).toBe(true);
  });

  it('isMatchError(e) is false for an object that merely copies a MatchError\'s fields', () => {
    const e = new InvalidInputError('x');
    expect(isMatchError({ ...e, code: e.code, message: e.message, name: e.name })).toBe(false);
  });
});

describe('isMatchError narrows on code; one issue shape', () => {
  it('after isMatchError, e.code narrows to the class with its issues (a type test: it compiles only if the narrowing works)', () => {
    const caught: unknown[] = [
      new api.ProfileError([{ code: 'missing_field', participant: 'a', index: 0, field: 'roles', expected: 'a role', found: 'nothing', message: 'participant a: roles' }]),
      new api.ConfigError(['weights.skills: expected a number ≥ 0; found -1']),
      new api.CsvFileError([{ code: 'missing_column', row: undefined, column: 'id', message: 'no id column' }]),
      new InfeasibleError('x'),
    ];
    const seen = caught.map((e) => {
      if (!isMatchError(e)) return 'not ours';
      switch (e.code) {
        case 'INVALID_PROFILE':
          return `profile ${e.issues[0].participant} ${e.issues[0].field}`;
        case 'INVALID_CONFIG':
          return `config ${e.issues[0].field}`;
        case 'INVALID_CSV':
          return `csv ${e.issues[0].column}`;
        default:
          return e.code;
      }
    });
    expect(seen).toEqual(['profile a roles', 'config weights.skills', 'csv id', 'INFEASIBLE']);
    expectTypeOf<api.AnyMatchError['code']>().toEqualTypeOf<MatchErrorCode>();
    expectTypeOf<api.ConfigError['issues'][number]['code']>().toEqualTypeOf<'invalid_config'>();
  });

  it('every error with issues lists objects with a code and a message (ConfigError too)', () => {
    const config = new api.ConfigError(['weights.skills: expected a number ≥ 0; found -1', "mode 'reverse': name the skills", { code: 'invalid_config', field: 'k', message: 'k: expected an integer' }]);
    const csv = new api.CsvFileError([{ code: 'missing_column', row: undefined, column: 'id', message: 'no id column' }]);
    for (const i of [...config.issues, ...csv.issues]) expect([typeof i.code, typeof i.message]).toEqual(['string', 'string']);
    // The setting is the line's first word before ': ', or '' when that is not one word.
    expect(config.issues.map((i) => i.field)).toEqual(['weights.skills', '', 'k']);
    expect(config.message).toBe("invalid configuration:\n  - weights.skills: expected a number ≥ 0; found -1\n  - mode 'reverse': name the skills\n  - k: expected an integer");
  });

  it('the match layer fills field from the setting named', () => {
    try {
      api.match([], { mode: 'nope' } as never);
      expect.unreachable();
    } catch (e) {
      expect(isMatchError(e) && e.code === 'INVALID_CONFIG' && e.issues.map((i) => i.field)).toEqual(['mode']);
    }
  });
});
