/**
 * Every public function on arguments it was never meant to get (issue 12, item 13):
 * `null`, `undefined`, a number, a string, an object of the wrong shape, a sparse array;
 * for the solvers also a 1e6 × 1e6 matrix-like and a matrix-like whose `get` returns
 * strings. Each call must throw a MatchError (`isMatchError`) whose message names the
 * argument — never a TypeError or a RangeError, never an answer computed from garbage.
 *
 * The table is generated: for each function, each argument in turn takes each hostile
 * value while the others stay valid.
 */
import { describe, expect, it } from 'vitest';

import {
  bMatching,
  buildCompatibility,
  buildPeerCompatibility,
  capacitatedAssignment,
  compareResults,
  explainPair,
  fairnessAudit,
  groupAssignment,
  groupConcerns,
  highestFloor,
  isMatchError,
  linearSumAssignment,
  match,
  matchMatrix,
  matchWithMatrix,
  maxWeightMatching,
  maxWeightMatchingDense,
  menteePlaces,
  pairConcerns,
  parseParticipants,
  peerCircles,
  peerPairs,
  places,
  recommend,
  stabilityAudit,
  summarize,
} from '../../src/index.js';
import { detectDelimiter, matchesToCsv, parseCohortCsv, parseHistoryCsv } from '../../src/csv.js';
import { renderReport } from '../../src/report.js';
import { calibrateWeights } from '../../src/calibrate.js';

const people = parseParticipants([
  { id: 'm1', roles: ['mentor'], skillsOffered: ['go'], capacity: 2 },
  { id: 'm2', roles: ['mentor'], skillsOffered: ['sql'], capacity: 1 },
  { id: 'e1', roles: ['mentee'], skillsWanted: ['go'], department: 'a' },
  { id: 'e2', roles: ['mentee'], skillsWanted: ['sql'], department: 'b' },
]);
const { result, matrix } = matchWithMatrix(people);
const summary = summarize(result, people);
const mentees = people.filter((p) => p.roles.includes('mentee'));
const mentors = people.filter((p) => p.roles.includes('mentor'));

/** A cohort and past pairs that calibrateWeights can fit (skills and languages vary, outcomes follow skills). */
const COHORT = parseParticipants([
  ...Array.from({ length: 6 }, (_, j) => ({ id: `m${j}`, roles: ['mentor'], skillsOffered: [['go', 'sql', 'ux'][j % 3]], languages: [['en', 'fr'][j % 2]], capacity: 6 })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, roles: ['mentee'], skillsWanted: [['go', 'sql', 'ux'][i % 3]], languages: [['en', 'de'][i % 2]] })),
]);
const HISTORY = Array.from({ length: 36 }, (_, t) => ({ menteeId: `e${t % 6}`, mentorId: `m${Math.floor(t / 6)}`, outcome: (t % 6) % 3 === Math.floor(t / 6) % 3 ? 5 : 1 + ((t * 7) % 3) }));

/** A matrix-like whose allocation would be 8 TB (1e12 cells). */
const HUGE = { rows: 1e6, columns: 1e6, get: (): number => 1 };
/** A matrix-like whose entries are strings (an array with strings is refused). */
const STRINGY = { rows: 2, columns: 2, get: (): number => '1' as unknown as number };

type Kind = 'list' | 'matrix' | 'object' | 'options' | 'string' | 'number' | 'function' | 'result' | 'typed';

interface Arg {
  /** The name the message must contain. */
  readonly name: string;
  readonly kind: Kind;
  readonly valid: unknown;
  /** `undefined` is allowed (an optional argument). */
  readonly optional?: boolean;
}

interface Fn {
  readonly name: string;
  readonly call: (...args: never[]) => unknown;
  readonly args: readonly Arg[];
}

const SPARSE_LIST = (valid: readonly unknown[]): unknown[] => {
  const a: unknown[] = [valid[0]];
  a[2] = valid[1] ?? valid[0];
  return a;
};

/** The hostile values for an argument of this kind. */
function hostile(arg: Arg): [string, unknown][] {
  const out: [string, unknown][] = [['null', null]];
  if (!arg.optional) out.push(['undefined', undefined]);
  if (arg.kind !== 'number') out.push(['a number', 42]);
  if (arg.kind !== 'string') out.push(['a string', 'text']);
  switch (arg.kind) {
    case 'list':
      out.push(['an object of the wrong shape', { length: 'x' }], ['a sparse array', SPARSE_LIST(arg.valid as unknown[])], ['a list of null', [null]]);
      break;
    case 'matrix':
      out.push(['an object of the wrong shape', { rows: 2 }], ['a sparse array', [[1, 2], , [3, 4]]], ['a 1e6 × 1e6 matrix-like', HUGE], ['a matrix-like of strings', STRINGY]);
      break;
    case 'result':
      out.push(['an object of the wrong shape', { pairs: [], groups: [{ x: 1 }] }], ['an array', []]);
      break;
    case 'object':
    case 'options':
      out.push(['an array', [1, 2]]);
      break;
    case 'typed':
      out.push(['a sparse array', [1, , 2]]);
      break;
    case 'number':
      out.push(['NaN', NaN], ['a string', '1']);
      break;
    case 'string':
      out.push(['an object', { toString: 1 }]);
      break;
    case 'function':
      out.push(['an object', {}]);
      break;
  }
  return out;
}

const list = (name: string, valid: unknown, optional = false): Arg => ({ name, kind: 'list', valid, optional });
const opt = (name: string, valid: unknown = undefined): Arg => ({ name, kind: 'options', valid, optional: true });
const mat = (name: string, valid: unknown): Arg => ({ name, kind: 'matrix', valid });
const res = (name: string): Arg => ({ name, kind: 'result', valid: result });

const COST = [
  [1, 2],
  [3, 4],
];
const SYM = [
  [0, 5],
  [5, 0],
];

const FUNCTIONS: readonly Fn[] = [
  { name: 'match', call: match as Fn['call'], args: [list('participants', people), opt('config')] },
  { name: 'matchWithMatrix', call: matchWithMatrix as Fn['call'], args: [list('participants', people), opt('config')] },
  { name: 'matchMatrix', call: matchMatrix as Fn['call'], args: [list('participants', people), opt('config')] },
  { name: 'recommend', call: recommend as Fn['call'], args: [list('participants', people), { name: 'options', kind: 'object', valid: { for: 'e1' } }] },
  { name: 'places', call: places as Fn['call'], args: [{ name: 'person', kind: 'object', valid: mentors[0] }, { name: 'options', kind: 'object', valid: { mode: 'capacity' } }] },
  { name: 'menteePlaces', call: menteePlaces as Fn['call'], args: [{ name: 'person', kind: 'object', valid: mentees[0] }, { name: 'options', kind: 'object', valid: { mode: 'capacity' } }] },
  { name: 'buildCompatibility', call: buildCompatibility as Fn['call'], args: [list('mentees', mentees), list('mentors', mentors), opt('config')] },
  { name: 'buildPeerCompatibility', call: buildPeerCompatibility as Fn['call'], args: [list('pool', people), opt('config')] },
  { name: 'explainPair', call: explainPair as Fn['call'], args: [{ name: 'matrix', kind: 'object', valid: matrix }, { name: 'i', kind: 'number', valid: 0 }, { name: 'j', kind: 'number', valid: 0 }] },
  { name: 'pairConcerns', call: pairConcerns as Fn['call'], args: [{ name: 'matrix', kind: 'object', valid: matrix }, { name: 'i', kind: 'number', valid: 0 }, { name: 'j', kind: 'number', valid: 0 }] },
  { name: 'groupConcerns', call: groupConcerns as Fn['call'], args: [{ name: 'matrix', kind: 'object', valid: matrix }, list('rows', [0, 1]), { name: 'col', kind: 'number', valid: 0 }] },
  { name: 'linearSumAssignment', call: linearSumAssignment as Fn['call'], args: [mat('cost', COST), opt('options')] },
  { name: 'capacitatedAssignment', call: capacitatedAssignment as Fn['call'], args: [mat('cost', COST), { name: 'options', kind: 'object', valid: { capacity: 1 } }] },
  { name: 'bMatching', call: bMatching as Fn['call'], args: [mat('cost', COST), { name: 'options', kind: 'object', valid: { rowCapacity: 1, colCapacity: 1 } }] },
  { name: 'groupAssignment', call: groupAssignment as Fn['call'], args: [mat('scores', COST), { name: 'options', kind: 'object', valid: { minSize: 0, maxSize: 2 } }] },
  { name: 'maxWeightMatching', call: maxWeightMatching as Fn['call'], args: [list('edges', [[0, 1, 5]]), opt('options')] },
  { name: 'maxWeightMatchingDense', call: maxWeightMatchingDense as Fn['call'], args: [mat('weights', SYM), opt('options')] },
  { name: 'peerPairs', call: peerPairs as Fn['call'], args: [mat('weights', SYM), opt('options')] },
  { name: 'peerCircles', call: peerCircles as Fn['call'], args: [mat('weights', SYM), { name: 'k', kind: 'number', valid: 2 }, opt('options')] },
  {
    name: 'highestFloor',
    call: highestFloor as Fn['call'],
    args: [
      { name: 'values', kind: 'typed', valid: new Float64Array([1, 2]) },
      { name: 'scores', kind: 'typed', valid: new Float64Array([1, 2]) },
      { name: 'solve', kind: 'function', valid: (d: Float64Array) => d.length },
      { name: 'acceptable', kind: 'function', valid: () => true },
    ],
  },
  { name: 'summarize', call: summarize as Fn['call'], args: [res('result'), list('participants', people, true)] },
  { name: 'stabilityAudit', call: stabilityAudit as Fn['call'], args: [res('result'), { name: 'matrix', kind: 'object', valid: matrix }, opt('options')] },
  {
    name: 'fairnessAudit',
    call: fairnessAudit as Fn['call'],
    args: [res('result'), list('participants', people), { name: 'attribute', kind: 'string', valid: 'department' }, opt('options')],
  },
  { name: 'compareResults', call: compareResults as Fn['call'], args: [res('a'), res('b'), opt('options')] },
  {
    name: 'calibrateWeights',
    call: calibrateWeights as Fn['call'],
    args: [list('history', HISTORY), list('participants', COHORT), opt('config'), opt('options')],
  },
  { name: 'renderReport', call: renderReport as Fn['call'], args: [res('result'), { name: 'options', kind: 'object', valid: { summary } }] },
  // ProfileError names the participant (`participant at index 1: expected a participant object, found nothing`).
  { name: 'parseParticipants', call: parseParticipants as Fn['call'], args: [list('participant', [{ id: 'a', roles: ['mentee'] }, { id: 'b', roles: ['mentor'] }]), opt('options')] },
  { name: 'parseCohortCsv', call: parseCohortCsv as Fn['call'], args: [{ name: 'text', kind: 'string', valid: 'id,role\na,mentee\n' }, opt('options')] },
  { name: 'parseHistoryCsv', call: parseHistoryCsv as Fn['call'], args: [{ name: 'text', kind: 'string', valid: 'mentee_id,mentor_id,outcome\ne1,m1,1\n' }, opt('options')] },
  { name: 'detectDelimiter', call: detectDelimiter as Fn['call'], args: [{ name: 'text', kind: 'string', valid: 'a,b\n1,2\n' }] },
  { name: 'matchesToCsv', call: matchesToCsv as Fn['call'], args: [res('result'), list('participants', people, true), opt('options')] },
];

/** The error `f` throws, or `undefined` when it returns. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

const CASES = FUNCTIONS.flatMap((fn) =>
  fn.args.flatMap((arg, at) =>
    hostile(arg).map(([what, value]) => ({
      label: `${fn.name}(…): ${arg.name} = ${what}`,
      fn,
      arg,
      run: () => (fn.call as (...a: unknown[]) => unknown)(...fn.args.map((a, k) => (k === at ? value : a.valid))),
    })),
  ),
);

describe('every public function on hostile arguments (issue 12, item 13)', () => {
  it('each function runs on its valid arguments (the table is sound)', () => {
    for (const fn of FUNCTIONS) {
      const e = thrown(() => (fn.call as (...a: unknown[]) => unknown)(...fn.args.map((a) => a.valid)));
      expect(e, `${fn.name} on valid arguments threw ${String(e)}`).toBeUndefined();
    }
  });

  it.each(CASES)('$label throws a MatchError naming the argument', ({ run, arg }) => {
    const e = thrown(run);
    expect(e, 'expected a MatchError, but nothing was thrown').toBeDefined();
    expect(isMatchError(e), `expected a MatchError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`).toBe(true);
    expect((e as Error).message).toContain(arg.name);
  });
});

describe('the cases the issue names', () => {
  it('match(null), match([null]) and match([p1, , p2]) are INVALID_INPUT naming participants', () => {
    for (const input of [null, [null], SPARSE_LIST(people)]) {
      const e = thrown(() => match(input as never));
      expect(isMatchError(e) && e.code).toBe('INVALID_INPUT');
      expect((e as Error).message).toContain('participants');
    }
  });

  it('linearSumAssignment([[1]], null) is INVALID_INPUT naming options', () => {
    const e = thrown(() => linearSumAssignment([[1]], null as never));
    expect(isMatchError(e) && e.code).toBe('INVALID_INPUT');
    expect((e as Error).message).toContain('options');
  });

  it('a 1e6 × 1e6 matrix-like is TOO_LARGE before any allocation; a matrix-like of strings is INVALID_INPUT naming the cell', () => {
    const big = thrown(() => linearSumAssignment(HUGE));
    expect(isMatchError(big) && big.code).toBe('TOO_LARGE');
    expect((big as Error).message).toContain('cost');
    const strings = thrown(() => linearSumAssignment(STRINGY));
    expect(isMatchError(strings) && strings.code).toBe('INVALID_INPUT');
    expect((strings as Error).message).toContain('cost[0][0]');
  });

  it('recommend with k = -1 or NaN is INVALID_CONFIG naming k', () => {
    for (const k of [-1, NaN]) {
      const e = thrown(() => recommend(people, { for: 'e1', k }));
      expect(isMatchError(e) && e.code).toBe('INVALID_CONFIG');
      expect((e as Error).message).toContain('k:');
    }
  });
});
