/**
 * canonicalJson and fnv1a64: equal data gives equal text whatever the key order; a cycle
 * or absurd nesting is an InvalidInputError naming the path, never a RangeError.
 */
import { describe, expect, it } from 'vitest';

import { MAX_JSON_DEPTH, canonicalJson, fnv1a64 } from '../../src/match/hash.js';
import { expectMatchError } from '../_helpers/expect-error.js';

describe('canonicalJson(x, what)', () => {
  it('sorts keys, keeps array order, drops undefined, writes Dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined, d: new Date(0) })).toBe('{"a":[true,null,null],"b":1,"d":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('the same object twice (not a cycle) is written twice', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it('a cycle → InvalidInputError naming the path', () => {
    const loop: Record<string, unknown> = { a: {} };
    (loop.a as Record<string, unknown>).back = loop;
    const e = expectMatchError(() => canonicalJson(loop, 'config'), 'INVALID_INPUT');
    expect(e.message).toContain('config.a.back');
    expect(e.details).toEqual({ path: 'config.a.back' });
  });

  it(`nesting deeper than ${MAX_JSON_DEPTH} levels → InvalidInputError; ${MAX_JSON_DEPTH} levels are fine`, () => {
    const nest = (n: number): unknown => {
      let x: unknown = 0;
      for (let k = 0; k < n; k++) x = [x];
      return x;
    };
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH))).not.toThrow();
    expectMatchError(() => canonicalJson(nest(MAX_JSON_DEPTH + 1)), 'INVALID_INPUT');
    expectMatchError(() => canonicalJson(nest(1_000_000)), 'INVALID_INPUT');
  });
});

describe('fnv1a64(text)', () => {
  it('is 16 hex digits and differs for different text', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64('a')).not.toBe(fnv1a64('b'));
  });
});
