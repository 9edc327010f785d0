/**
 * The `mentor-match` command line, run as users run it: `node dist/cli.js …` (built by
 * the global setup with the package's own tsup options), on the sample cohort and on
 * broken files; outputs and exit codes checked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { MATCHES_CSV_COLUMNS } from '../../src/io/csv/write-matches.js';
import type { MatchResult, PairsResult, PeerResult } from '../../src/match/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const COHORT = join(ROOT, 'examples/data/cohort.csv');
let dir: string;

/** Runs the built CLI in the temp folder. */
function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = [
  'id,name,role,department,time_zone,languages,skills_offered,skills_wanted,capacity',
  'm1,Ana Silva,mentor,eng,Europe/Lisbon,English,python:5; sql:4,,2',
  'm2,Ben Okafor,mentor,sales,Africa/Lagos,English,negotiation:5,,1',
  'e1,Chen Li,mentee,eng,Asia/Shanghai,English,,python:3,',
  'e2,Dana Cohen,mentee,ops,Asia/Jerusalem,English,,negotiation:4,',
  'e3,Émile Roux,mentee,ops,Europe/Paris,English,,sql:2,',
].join('\n');

describe('mentor-match (the built binary)', () => {
  it('the binary exists and starts with a shebang', () => {
    expect(existsSync(CLI)).toBe(true);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('--help lists every command and the exit codes; every command has --help', () => {
    const r = cli('--help');
    expect(r.code).toBe(EXIT.ok);
    for (const c of ['match', 'validate', 'recommend', 'explain', 'calibrate', 'compare']) expect(r.out).toContain(c);
    expect(r.out).toMatch(/Exit codes:/);
    for (const c of ['match', 'validate', 'recommend', 'explain', 'calibrate', 'compare']) {
      const h = cli(c, '--help');
      expect(h.code, c).toBe(EXIT.ok);
      expect(h.out).toContain(`Usage: mentor-match ${c}`);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli('--version').out.trim()).toBe(pkg.version);
  });

  it('match on the sample cohort writes the pairs CSV, the result JSON and the report, and prints the summary', () => {
    const r = cli('match', COHORT, '--out', 'out/matches.csv', '--json', 'out/result.json', '--report', 'out/report.html');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.err).toBe(''); // the sample cohort has no issue; no progress bar when stderr is not a terminal
    expect(r.out).toMatch(/participants\s+210/);
    expect(r.out).toMatch(/mentees matched\s+\d+ of 1\d\d \(\d+\.\d%\)/);
    expect(r.out).toMatch(/mentors matched\s+\d+ of \d+ \(\d+\.\d%\)/);
    expect(r.out).toMatch(/mean score\s+\d+\.\d/);
    expect(r.out).toContain('wrote out/matches.csv');

    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8')) as MatchResult;
    expect(result.stats.participants).toBe(210);
    const rows = parse(readFileSync(join(dir, 'out/matches.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...MATCHES_CSV_COLUMNS]);
    expect(rows.filter((x) => x.status === 'pair')).toHaveLength(result.pairs.length);
    expect(rows.filter((x) => x.status === 'unmatched')).toHaveLength(result.unmatched.length);
    // Every participant appears: as a mentee or mentor of a pair, or unmatched.
    const seen = new Set(rows.flatMap((x) => [x.mentee_id, x.mentor_id]).filter(Boolean));
    expect(seen.size).toBe(210);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it('match --mode/--objective/--min-score override the config file; the run is reproducible', () => {
    file('config.json', JSON.stringify({ mode: 'one-to-one', weights: { skills: 'high' } }));
    const a = cli('match', COHORT, '--config', 'config.json', '--mode', 'group', '--objective', 'fairness', '--min-score', '40', '--json', 'a.json', '-q');
    expect(a.code, a.err).toBe(EXIT.ok);
    expect(a.out).toBe('');
    const ra = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as MatchResult;
    expect(ra.mode).toBe('group');
    expect(ra.objective.name).toBe('fairness');
    expect(Math.min(...ra.pairs.map((p) => p.score))).toBeGreaterThanOrEqual(40);
    cli('match', COHORT, '--config', 'config.json', '--mode', 'group', '--objective', 'fairness', '--min-score', '40', '--json', 'b.json', '-q');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
  });

  it('match --mentors/--mentees reads two files without role columns', () => {
    const lines = SMALL.split('\n');
    const strip = (l: string): string => l.split(',').filter((_, k) => k !== 2).join(',');
    file('mentors.csv', [lines[0], lines[1], lines[2]].map(strip).join('\n'));
    file('mentees.csv', [lines[0], lines[3], lines[4], lines[5]].map(strip).join('\n'));
    const r = cli('match', '--mentors', 'mentors.csv', '--mentees', 'mentees.csv', '--json', 'two.json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const result = JSON.parse(readFileSync(join(dir, 'two.json'), 'utf8')) as PairsResult;
    expect(result.mode).toBe('capacity');
    expect(result.stats.participants).toBe(5);
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`).sort()).toEqual(['e1-m1', 'e2-m2', 'e3-m1']);
  });

  it('the same id in the mentors and the mentees file is reported, and the second left out', () => {
    file('m.csv', 'id,name\nx1,Ana\n');
    file('e.csv', 'id,name\nx1,Bo\nx2,Cy\n');
    const r = cli('validate', '--mentors', 'm.csv', '--mentees', 'e.csv');
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toMatch(/x1.*m\.csv.*e\.csv/);
  });

  describe('broken files', () => {
    const BROKEN = [
      'id,name,role,time_zone,skills_wanted,seniority',
      'e1,Ana,mentee,Europe/Berlin,python:3,2',
      'e2,Bo,mentee,Mars/Base,python:3,2', // row 3: unknown zone
      'e3,Cy,mentee,UTC,python:9,2', // row 4: level out of range
      'e1,Dup,mentee,UTC,,1', // row 5: duplicate id
      'm1,Mo,mentor,UTC,,five', // row 6: seniority not a number
      'm2,"Smith, Jr.",mentor,UTC,,5',
      'm3,Extra,mentor,UTC,,4,oops', // row 8: extra cell
    ].join('\n');

    it('validate lists every problem with row and column, and exits 3', () => {
      file('broken.csv', BROKEN);
      const r = cli('validate', 'broken.csv');
      expect(r.code).toBe(EXIT.invalidInput);
      expect(r.out).toContain("row 3, column 'time_zone' (participant e2)");
      expect(r.out).toContain("row 4, column 'skills_wanted' (participant e3)");
      expect(r.out).toMatch(/row 5, column 'id' \(participant e1\).*already the id on row 2/);
      expect(r.out).toContain("row 6, column 'seniority' (participant m1)");
      expect(r.out).toMatch(/row 8 \(participant m3\): expected at most 6 cells/);
      expect(r.out).toMatch(/7 rows: 2 participants loaded .* 5 rows with errors/);
    });

    it('validate --json gives the issues as data', () => {
      file('broken.csv', BROKEN);
      const r = cli('validate', 'broken.csv', '--json');
      const j = JSON.parse(r.out) as { rows: number; participants: number; issues: { row: number; code: string }[] };
      expect(j.rows).toBe(7);
      expect(j.participants).toBe(2);
      expect(j.issues.map((i) => `${i.row}:${i.code}`)).toEqual(['3:unknown_time_zone', '4:out_of_range', '5:duplicate_id', '6:unknown_seniority', '8:extra_cells']);
    });

    it('match goes on with the good rows and reports the bad ones on stderr (exit 0); --strict refuses (exit 3) and writes nothing', () => {
      file('broken.csv', BROKEN);
      const r = cli('match', 'broken.csv', '--out', 'loose.csv');
      expect(r.code, r.err).toBe(EXIT.ok);
      expect(r.err).toContain("row 3, column 'time_zone'");
      expect(r.err).toMatch(/5 errors \(those rows were left out\)/);
      expect(r.out).toMatch(/participants\s+2/);
      const s = cli('match', 'broken.csv', '--strict', '--out', 'strict.csv');
      expect(s.code).toBe(EXIT.invalidInput);
      expect(s.err).toMatch(/refused \(5 issues\)/);
      expect(existsSync(join(dir, 'strict.csv'))).toBe(false);
    });

    it('a file that cannot be read: missing, not UTF-8, no id column, nothing loadable → exit 3 with the reason', () => {
      expect(cli('match', 'nope.csv').err).toMatch(/nope\.csv: cannot read the cohort CSV \(no such file\)/);
      expect(cli('match', 'nope.csv').code).toBe(EXIT.invalidInput);
      writeFileSync(join(dir, 'latin1.csv'), Buffer.from('id,name,role\ne1,Jos\xe9,mentee\n', 'latin1'));
      const l = cli('validate', 'latin1.csv');
      expect(l.code).toBe(EXIT.invalidInput);
      expect(l.err).toMatch(/line 2 is not UTF-8/);
      file('noid.csv', 'name,role\nAna,mentee\n');
      expect(cli('match', 'noid.csv').err).toMatch(/expected an 'id' column/);
      file('allbad.csv', 'id,role\ne1,teacher\n');
      const a = cli('match', 'allbad.csv');
      expect(a.code).toBe(EXIT.invalidInput);
      expect(a.err).toMatch(/no participant could be read/);
    });

    it('an unclosed quote is reported with its row; the rows before it load', () => {
      file('quote.csv', 'id,name,role\ne1,Ana,mentee\nm1,"Mo,mentor\ne2,Bo,mentee\n');
      const r = cli('validate', 'quote.csv', '--json');
      const j = JSON.parse(r.out) as { participants: number; issues: { row: number; code: string; message: string }[] };
      expect(j.participants).toBe(1);
      expect(j.issues[0]).toMatchObject({ row: 3, code: 'csv_syntax' });
      expect(j.issues[0]!.message).toMatch(/row 3 and everything after it were not loaded/);
    });
  });

  it('an HR export with other headers, a BOM, CRLF and semicolons reads through a column mapping', () => {
    file('hr.csv', '\uFEFFPersonalnummer;Name;Rolle;Zeitzone;Kann;Will\r\nM-1;Anna;mentor;Europe/Berlin;"python:5; sql:3";\r\nE-1;Ben;mentee;Europe/Vienna;;python:2\r\n');
    file('map.json', JSON.stringify({ columns: { Personalnummer: 'id', Rolle: 'role', Zeitzone: 'time_zone', Kann: 'skills_offered', Will: 'skills_wanted' } }));
    const r = cli('match', 'hr.csv', '--columns', 'map.json', '--json', 'hr.json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const result = JSON.parse(readFileSync(join(dir, 'hr.json'), 'utf8')) as PairsResult;
    expect(result.mode).toBe('capacity');
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['E-1', 'M-1']]);
    const unmapped = cli('validate', 'hr.csv');
    expect(unmapped.code).toBe(EXIT.invalidInput);
    expect(unmapped.err).toMatch(/expected an 'id' column/);
  });

  it('recommend and explain', () => {
    file('small.csv', SMALL);
    const r = cli('recommend', 'small.csv', '--for', 'e1', '--top', '2');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toMatch(/Top 2 for Chen Li \(e1\)/);
    expect(r.out.split('\n').find((l) => /^1 /.test(l))).toMatch(/m1\s+Ana Silva/);
    const e = cli('explain', 'small.csv', '--pair', 'e1,m1');
    expect(e.code, e.err).toBe(EXIT.ok);
    expect(e.out).toMatch(/Chen Li \(e1\) and Ana Silva \(m1\): score \d+\.\d \/ 100/);
    expect(e.out).toMatch(/skills .*python/);
    // Order does not matter; a pair of two mentees is a configuration error.
    expect(cli('explain', 'small.csv', '--pair', 'm1,e1').code).toBe(EXIT.ok);
    expect(cli('explain', 'small.csv', '--pair', 'e1,e2').code).toBe(EXIT.invalidConfig);
    expect(cli('recommend', 'small.csv', '--for', 'zz').code).toBe(EXIT.invalidConfig);
  });

  describe('essential fit and concerns', () => {
    // e1 fits m1; e2 shares no language and no time with m1 and is more senior; e3 wants go, which nobody teaches.
    const CHECKS = [
      'id,name,role,time_zone,languages,availability,seniority,skills_offered,skills_wanted,capacity',
      'm1,Ana Silva,mentor,Europe/Lisbon,English,Mon 09:00-11:00,4,python:5; sql:4,,3',
      'e1,Chen Li,mentee,Europe/Lisbon,English,Mon 09:00-10:00,2,,python:3,',
      'e2,Dana Cohen,mentee,Europe/Lisbon,French,Tue 09:00-10:00,5,,sql:2,',
      'e3,Émile Roux,mentee,Europe/Lisbon,English,Mon 10:00-11:00,1,,go:2,',
    ].join('\n');

    it('match prints the essential-fit line and a table of pairs per concern with the total', () => {
      file('checks.csv', CHECKS);
      const r = cli('match', 'checks.csv', '--no-audits');
      expect(r.code, r.err).toBe(EXIT.ok);
      expect(r.out).toMatch(/^essential fit\s+1 of 3 matched mentees \(33\.3%\)$/m);
      const table = r.out.slice(r.out.indexOf('pairs with concerns'));
      expect(table.split('\n').slice(0, 7)).toEqual([
        'pairs with concerns  pairs',
        '-------------------  -----',
        'no-wanted-skill          1',
        'no-shared-language       1',
        'no-common-time           1',
        'mentor-not-senior        1',
        'any concern (of 3)       2',
      ]);
      expect(table).not.toMatch(/time-zone-gap/); // codes with no pair are left out
    });

    it('match on the sample cohort: the fit and concern counts are those of the result JSON', () => {
      const r = cli('match', COHORT, '--json', 'checks.json', '--no-audits');
      const result = JSON.parse(readFileSync(join(dir, 'checks.json'), 'utf8')) as PairsResult;
      expect(result.mode).toBe('capacity');
      const mentees = new Set(result.pairs.map((p) => p.menteeId));
      const fits = new Set(result.pairs.filter((p) => p.essentialFit).map((p) => p.menteeId));
      expect(r.out).toContain(`${fits.size} of ${mentees.size} matched mentees (${((100 * fits.size) / mentees.size).toFixed(1)}%)`);
      const withAny = result.pairs.filter((p) => p.concerns.length > 0).length;
      expect(r.out).toMatch(new RegExp(`any concern \\(of ${result.pairs.length}\\)\\s+${withAny}\\n`));
      expect(result.pairs.every((p) => typeof p.essentialFit === 'boolean' && Array.isArray(p.concerns))).toBe(true);
    });

    it('a cohort without concerns says so', () => {
      file('clean.csv', CHECKS.split('\n').slice(0, 3).join('\n'));
      const r = cli('match', 'clean.csv', '--no-audits');
      expect(r.out).toMatch(/^essential fit\s+1 of 1 matched mentees \(100\.0%\)$/m);
      expect(r.out).toContain('pairs with concerns: none');
    });

    it('explain prints the essential-fit verdict and the concerns, and "no shared language" as the languages evidence', () => {
      file('checks.csv', CHECKS);
      const e = cli('explain', 'checks.csv', '--pair', 'e2,m1');
      expect(e.code, e.err).toBe(EXIT.ok);
      const languages = e.out.split('\n').find((l) => /^\s+languages\s/.test(l))!;
      expect(languages).toMatch(/languages\s+2\s+0\s+0\s+no shared language: Dana Cohen speaks french; Ana Silva speaks english$/);
      expect(e.out).toContain('essential fit: no (fails no-shared-language, no-common-time)');
      expect(e.out).toMatch(/^ {2}concerns:\n {4}no-shared-language {2}no shared language: Dana Cohen speaks french; Ana Silva speaks english\n {4}no-common-time {6}no common time: /m);
      expect(e.out).toMatch(/ {4}mentor-not-senior {3}the mentor Ana Silva \(seniority 4\) is not more senior than Dana Cohen \(5\)/);
      // No criterion that applies and scores 0 ends with a bare '-': it says what is missing.
      const criteria = e.out.split('\n').filter((l) => /^ {2}[a-zA-Z]+\s+(\d|must)/.test(l));
      expect(criteria.length).toBeGreaterThan(5);
      for (const l of criteria) expect(l, l).not.toMatch(/\s-$/);
      expect(e.out.split('\n').find((l) => /^\s+availability\s/.test(l))).toMatch(/\s0\s+0\s+none matched$/);

      const ok = cli('explain', 'checks.csv', '--pair', 'e1,m1');
      expect(ok.out).toContain('essential fit: yes');
      expect(ok.out).toMatch(/^ {2}concerns: none$/m);
      const json = JSON.parse(cli('explain', 'checks.csv', '--pair', 'e2,m1', '--json').out) as { essentialFit: boolean; concerns: { code: string }[] };
      expect(json.essentialFit).toBe(false);
      expect(json.concerns.map((c) => c.code)).toEqual(['no-shared-language', 'no-common-time', 'mentor-not-senior']);
    });

    it('recommend marks each candidate\'s essential fit and lists its concern codes', () => {
      file('checks.csv', CHECKS);
      const r = cli('recommend', 'checks.csv', '--for', 'm1', '--top', '3');
      expect(r.code, r.err).toBe(EXIT.ok);
      const lines = r.out.split('\n');
      const header = lines.find((l) => l.startsWith('#'))!;
      expect(header).toMatch(/^#\s+id\s+name\s+score\s+places\s+fit\s+concerns\s+top reasons$/);
      const row = (id: string): string => lines.find((l) => new RegExp(`^\\d\\s+${id}\\s`).test(l))!;
      expect(row('e1')).toMatch(/\syes\s+none\s/);
      expect(row('e2')).toMatch(/\sno\s+no-shared-language, no-common-time, mentor-not-senior\s/);
      expect(row('e3')).toMatch(/\sno\s+no-wanted-skill\s/);
      // essential fits are ranked first
      expect(row('e1').startsWith('1 ')).toBe(true);
      expect(r.out).toMatch(/^fit: an essential fit/m);
    });
  });

  it('calibrate fits weights to the sample history and writes the tuned config; too little history is refused', () => {
    const history = join(ROOT, 'examples/data/history.csv');
    file('base.json', JSON.stringify({ mode: 'capacity', rules: { sharedLanguage: true } }));
    const r = cli('calibrate', history, '--cohort', COHORT, '--config', 'base.json', '--out', 'tuned.json');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toMatch(/^Calibrated on 400 pairs/);
    expect(r.out).toMatch(/verdict\s+predictive/);
    const tuned = JSON.parse(readFileSync(join(dir, 'tuned.json'), 'utf8')) as { mode: string; rules: object; weights: Record<string, number> };
    expect(tuned.mode).toBe('capacity'); // the matching options are kept
    expect(tuned.rules).toEqual({ sharedLanguage: true });
    expect(tuned.weights.skills).toBeGreaterThan(tuned.weights.location);
    const json = JSON.parse(cli('calibrate', history, '--cohort', COHORT, '--json').out) as { verdict: string; pairs: number };
    expect(json).toMatchObject({ verdict: 'predictive', pairs: 400 });

    file('short.csv', readFileSync(history, 'utf8').split('\n').slice(0, 11).join('\n'));
    const short = cli('calibrate', 'short.csv', '--cohort', COHORT);
    expect(short.code).toBe(EXIT.invalidInput);
    expect(short.err).toMatch(/too little history: 10 pairs given; \d+ needed/);
    file('badhist.csv', 'mentee,mentor,rating\nE0001,E0104,9\n');
    const bad = cli('calibrate', 'badhist.csv', '--cohort', COHORT);
    expect(bad.err).toMatch(/row 2, column 'rating'/);
  });

  it('compare: two runs of match --json, what changed and why', () => {
    file('best.json', JSON.stringify({ mode: 'capacity' }));
    file('fair.json', JSON.stringify({ mode: 'capacity', objective: 'fairness' }));
    cli('match', COHORT, '--config', 'best.json', '--json', 'a.json', '-q');
    cli('match', COHORT, '--config', 'fair.json', '--json', 'b.json', '-q');
    const r = cli('compare', 'a.json', 'b.json', '--config-a', 'best.json', '--config-b', 'fair.json');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toMatch(/same configuration and cohort\s+no/);
    expect(r.out).toMatch(/settings that differ\s+objective/);
    expect(r.out).toMatch(/pairs added\s+[1-9]/);
    const j = JSON.parse(cli('compare', 'a.json', 'a.json', '--json').out) as { sameConfig: boolean; added: unknown[]; removed: unknown[] };
    expect(j).toMatchObject({ sameConfig: true, added: [], removed: [] });
    file('notresult.json', '{"hello": 1}');
    const bad = cli('compare', 'a.json', 'notresult.json');
    expect(bad.code).toBe(EXIT.invalidInput);
    expect(bad.err).toMatch(/expected a result written by `mentor-match match --json`/);
    expect(cli('compare', 'a.json', 'missing.json').code).toBe(EXIT.invalidInput);
  });

  it('match --json writes the result in the shape of its mode (no groups in capacity mode, peerIds in peer mode); compare reads peer results', () => {
    file('small.csv', SMALL);
    expect(cli('match', 'small.csv', '--json', 'cap.json', '-q').code).toBe(EXIT.ok);
    const cap = JSON.parse(readFileSync(join(dir, 'cap.json'), 'utf8')) as PairsResult;
    expect(cap.mode).toBe('capacity');
    expect(Object.keys(cap)).not.toContain('groups');
    expect(cap.pairs.length).toBeGreaterThan(0);
    expect(cap.pairs.every((p) => typeof p.menteeId === 'string' && typeof p.mentorId === 'string')).toBe(true);

    file('trio.json', JSON.stringify({ mode: 'peer', peer: { odd: 'trio' } }));
    file('pairs.json', JSON.stringify({ mode: 'peer' }));
    expect(cli('match', 'small.csv', '--config', 'trio.json', '--json', 'peer-trio.json', '-q').code).toBe(EXIT.ok);
    expect(cli('match', 'small.csv', '--config', 'pairs.json', '--json', 'peer-pairs.json', '-q').code).toBe(EXIT.ok);
    const trio = JSON.parse(readFileSync(join(dir, 'peer-trio.json'), 'utf8')) as PeerResult;
    expect(trio.mode).toBe('peer');
    expect(trio.pairs).toHaveLength(1);
    for (const p of trio.pairs) {
      expect(Object.keys(p)).not.toContain('menteeId');
      expect(Object.keys(p)).not.toContain('mentorId');
      expect(p.peerIds).toEqual([...p.peerIds].sort());
    }
    expect(trio.groups.map((g) => g.memberIds.length)).toEqual([3]);
    expect(Object.keys(trio.groups[0])).not.toContain('mentorId');

    const c = cli('compare', 'peer-pairs.json', 'peer-trio.json', '--json');
    expect(c.code, c.err).toBe(EXIT.ok);
    const diff = JSON.parse(c.out) as { sameConfig: boolean; added: unknown[] };
    expect(diff.sameConfig).toBe(false);
    expect(diff.added.length).toBeGreaterThan(0); // the trio's inner pairs at least
    // a peer result whose pairs lack peerIds is not a result
    file('bad-peer.json', JSON.stringify({ ...trio, pairs: trio.pairs.map(({ peerIds, ...rest }) => ({ ...rest, menteeId: peerIds[0], mentorId: peerIds[1] })) }));
    expect(cli('compare', 'peer-trio.json', 'bad-peer.json').code).toBe(EXIT.invalidInput);
  });

  it('exit codes: usage 2, config 4, infeasible 5', () => {
    file('small.csv', SMALL);
    expect(cli('match', 'small.csv', '--mode', 'bogus').code).toBe(EXIT.usage);
    expect(cli('frobnicate').code).toBe(EXIT.usage);
    expect(cli('recommend', 'small.csv', '--for', 'e1', '--top', 'many').code).toBe(EXIT.usage);
    expect(cli('explain', 'small.csv', '--pair', 'e1').code).toBe(EXIT.usage);
    file('bad.json', '{ "mode": "one-to-one", ');
    const b = cli('match', 'small.csv', '--config', 'bad.json');
    expect(b.code).toBe(EXIT.invalidConfig);
    expect(b.err).toMatch(/bad\.json: the config is not valid JSON/);
    file('unknown.json', JSON.stringify({ weights: { skils: 2 } }));
    expect(cli('match', 'small.csv', '--config', 'unknown.json').code).toBe(EXIT.invalidConfig);
    file('locked.json', JSON.stringify({ mode: 'one-to-one', locked: [['e1', 'm2'], ['e2', 'm2']] }));
    const l = cli('match', 'small.csv', '--config', 'locked.json');
    expect(l.code).toBe(EXIT.infeasible);
    expect(l.err).toMatch(/mentor m2 2 mentees/);
  });
});
