/**
 * Issue 12, silent wrong answers (items 4–6), reproduced as the issue gives them through
 * the built CLI and the library: counts past 2³¹ − 1 are refused where they are read
 * (row, column, value, limit), weights that overflow are a config error naming them, and
 * ids equal after Unicode normalisation are one id. Thorough cases:
 * test/io/csv/parse-cohort.hostile.test.ts, test/match/hostile-config.test.ts,
 * test/cli/hostile-config.test.ts, test/profile/ids.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import type { ConfigError } from '../../src/errors.js';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import { recommend } from '../../src/match/recommend.js';
import { MAX_COUNT } from '../../src/profile/schema.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { STACK_TRACE, sandbox, type Sandbox } from '../_helpers/cli-sandbox.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  box.file('cohort.csv', 'id,role,goals,attr:site,capacity\nm1,mentor,g,a,2\nm2,mentor,g,b,2\ne1,mentee,g,a,\ne2,mentee,g,b,\n');
});
afterAll(() => box.remove());

const issuesOf = (f: () => unknown): string => (expectMatchError(f, 'INVALID_CONFIG') as ConfigError).issues.map((i) => i.message).join('\n');

describe('attack 4: integers ≥ 2^31 wrap in Int32Array — "Capacity `4294967296` validates, then gives 0 seats (`4294967297` → 1); `2147483648` fails deep in the solver"', () => {
  it.each([
    ['capacity', '4294967296'],
    ['capacity', '4294967297'],
    ['capacity', '2147483648'],
    ['max_mentors', '2147483648'],
  ])('a cohort with %s %s: match --strict exits 3 naming row 2, the column, the value and the limit 2147483647', (column, value) => {
    const name = box.file(`${column}-${value}.csv`, `id,role,goals,${column}\nm1,both,g,${value}\ne1,mentee,g,\n`);
    const r = box.cli(['match', name, '--strict', '--no-progress']);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toMatch(new RegExp(`row 2, column '${column}' \\(participant m1\\): expected an integer from [01] to 2147483647; found ${value}$`, 'm'));
    expect(r.err).not.toMatch(STACK_TRACE);
    // Without --strict the row is left out with the same issue; never 0 or 1 seats.
    const lax = box.cli(['match', name, '--json', `${name}.json`, '-q', '--no-progress']);
    expect(lax.err).toContain(`row 2, column '${column}'`);
  });

  it.each<[string, MatchConfig]>([
    ['group.maxSize 2147483648', { mode: 'group', group: { maxSize: 2 ** 31 } }],
    ['quota max 4294967296', { quotas: [{ attribute: 'site', value: 'a', max: 2 ** 32 }] }],
  ])('a config with %s: match exits 4 naming the option and the limit', (_, config) => {
    const r = box.cli(['match', 'cohort.csv', '--no-progress', '--config', box.file('counts.json', JSON.stringify(config))]);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toMatch(/(group\.maxSize|quotas\[0\]\.max).*at most 2147483647/);
  });

  it('the library: parseCohortCsv gives out_of_range on the row and column; match refuses the counts as ConfigErrors', () => {
    const r = parseCohortCsv('id,role,capacity\nm1,mentor,4294967296\n');
    expect(r.participants).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['out_of_range', 2, 'capacity']]);
    const people = parseCohortCsv(box.read('cohort.csv')).participants;
    expect(issuesOf(() => match(people, { mode: 'group', group: { maxSize: 2 ** 31 } }))).toContain(String(MAX_COUNT));
    expect(issuesOf(() => match(people, { quotas: [{ attribute: 'site', value: 'a', max: 2 ** 32 }] }))).toContain(String(MAX_COUNT));
  });
});

describe('attack 5: weights that overflow — `{"weights":{"skills":1e308,"goals":8e307}}`: "`match` exits 3 with NaN scores, `recommend` exits 0 with scores of 0"', () => {
  it('match and recommend exit 4 naming the weights', () => {
    const cfg = box.file('overflow.json', '{"weights":{"skills":1e308,"goals":8e307}}');
    for (const args of [
      ['match', 'cohort.csv', '--no-progress', '--config', cfg],
      ['recommend', 'cohort.csv', '--for', 'e1', '--config', cfg],
    ]) {
      const r = box.cli(args);
      expect(r.code, args[0]).toBe(EXIT.invalidConfig);
      expect(r.err).toMatch(/^ {2}- weights: expected weights whose sum is a finite number .*found skills 1e\+308, goals 8e\+307/m);
      expect(r.out).toBe('');
    }
  });

  it('the library: match and recommend throw ConfigError (no NaN, no scores of 0)', () => {
    const people = parseCohortCsv(box.read('cohort.csv')).participants;
    const overflow: MatchConfig = { weights: { skills: 1e308, goals: 8e307 } };
    expect(issuesOf(() => match(people, overflow))).toMatch(/^weights:.*skills.*goals/);
    expect(issuesOf(() => recommend(people, { ...overflow, for: 'e1' }))).toMatch(/^weights:/);
  });
});

describe('attack 6: ids equal after Unicode normalisation (NFC/NFD, zero-width characters, case) are distinct people with no warning; an NFD `manager_id` escapes the reporting-line rule', () => {
  const COHORT = [
    'id,role,goals,manager_id',
    'Jos\u00e9,mentor,g,', // NFC
    'Jose\u0301,mentee,g,', // NFD: the same id
    'ana,mentor,g,',
    'ana\u200b,mentee,g,', // a zero-width space: the same id
    'ANA,mentee,g,', // differs by case only: a warning
    'e1,mentee,g,Jose\u0301', // NFD manager id: José is e1's manager
  ].join('\n');

  it('validate: the NFD and zero-width ids are duplicates of the earlier rows, the case variant a warning naming the row (exit 3)', () => {
    box.file('ids.csv', COHORT);
    const r = box.cli(['validate', 'ids.csv']);
    expect(r.code).toBe(EXIT.invalidInput);
    // (the participant label quotes the cell as written: NFD, zero-width space included)
    expect(r.out).toContain(`row 3, column 'id' (participant Jose\u0301): expected an id not used by another participant; found "Jos\u00e9", already the id on row 2 [duplicate_id]`);
    expect(r.out).toMatch(/row 5, column 'id' \(participant ana\u200b\): expected an id not used by another participant; found "ana", already the id on row 4 \[duplicate_id\]/u);
    expect(r.out).toMatch(/warning: ids\.csv: row 6, column 'id' \(participant ANA\): .*differs only by case from "ana", the id on row 4.*\[id_differs_by_case\]/);
  });

  it('explain: the NFD manager_id still makes the pair forbidden by the reporting line', () => {
    box.file('ids.csv', COHORT);
    const r = box.cli(['explain', 'ids.csv', '--pair', 'e1,Jose\u0301']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^e1 and Jos\u00e9: score .* — FORBIDDEN\n {2}rule reportingLine: Jos\u00e9 is e1's manager/);
  });

  it('the library: parseCohortCsv stores NFC ids without zero-width characters and a manager id in the same form', () => {
    const r = parseCohortCsv(COHORT);
    expect(r.participants.map((p) => p.id)).toEqual(['Jos\u00e9', 'ana', 'ANA', 'e1']);
    expect(r.participants.find((p) => p.id === 'e1')!.managerId).toBe('Jos\u00e9');
    expect(r.issues.map((i) => [i.severity, i.code, i.row])).toEqual([
      ['error', 'duplicate_id', 3],
      ['error', 'duplicate_id', 5],
      ['warning', 'id_differs_by_case', 6],
    ]);
    const result = match(r.participants, { mode: 'capacity' });
    expect(result.pairs.some((p) => p.menteeId === 'e1' && p.mentorId === 'Jos\u00e9')).toBe(false);
  });
});
