/**
 * Issue 12, item 14c: `--columns /etc/shadow` printed the file's first bytes (JSON.parse's
 * message quotes them). A JSON file that is not valid is now reported by its path, the
 * line and column of the problem and what was expected there, never its text; the same
 * for --config and the result files of `compare`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { jsonSyntaxProblem } from '../../src/cli/json-syntax.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const SHADOW = 'root:$6$Zq9S3CRETsalt$h4shh4shh4sh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
let dir: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};
/** No fragment of the secret file in what the command printed. */
function expectNoEcho(r: { out: string; err: string }): void {
  for (const fragment of ['root', 'S3CRET', 'h4sh', 'daemon', '19000', '$6$']) expect(r.out + r.err).not.toContain(fragment);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-echo-'));
  file('shadow', SHADOW);
  file('cohort.csv', 'id,role,skills_offered,skills_wanted,capacity\nm1,mentor,go,,2\ne1,mentee,,go,\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mentor-match never prints the contents of a file that is not valid JSON', () => {
  it('--columns shadow → exit 4 naming the path, line 1, column 1 and what was expected; no byte of the file', () => {
    const r = cli(['validate', 'cohort.csv', '--columns', 'shadow']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('shadow: the column mapping is not valid JSON: line 1, column 1: expected a value (an object, an array, a string in double quotes, a number, true, false or null); found a letter');
    expectNoEcho(r);
  });

  it('--config shadow → exit 4, the same way (match, recommend, explain, calibrate)', () => {
    file('history.csv', 'mentee,mentor,rating\ne1,m1,4\n');
    for (const args of [
      ['match', 'cohort.csv', '--no-progress'],
      ['recommend', 'cohort.csv', '--for', 'e1'],
      ['explain', 'cohort.csv', '--pair', 'e1,m1'],
      ['calibrate', 'history.csv', '--cohort', 'cohort.csv'],
    ]) {
      const r = cli([...args, '--config', 'shadow']);
      expect(r.code, args[0]).toBe(EXIT.invalidConfig);
      expect(r.err).toContain('shadow: the config is not valid JSON: line 1, column 1');
      expectNoEcho(r);
    }
  });

  it('compare with a result file that is not JSON → exit 3 naming the file and position', () => {
    const r = cli(['compare', 'shadow', 'shadow']);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain('shadow: the result is not valid JSON: line 1, column 1');
    expectNoEcho(r);
  });

  it('an error later in the file names its line and column, still without the text', () => {
    file('late.json', '{\n  "columns": {\n    "Employee ID": "id",\n    "root:S3CRET" "h4sh"\n  }\n}\n');
    const r = cli(['validate', 'cohort.csv', '--columns', 'late.json']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain("late.json: the column mapping is not valid JSON: line 4, column 19: expected ':' after the property name; found '\"'");
    expectNoEcho(r);
  });

  it('a config that is valid JSON but not an object is described by its kind, not echoed', () => {
    file('string.json', '"root:S3CRET"');
    const r = cli(['match', 'cohort.csv', '--no-progress', '--config', 'string.json']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('string.json: expected a JSON object (a MatchConfig); found a string');
    expectNoEcho(r);
  });

  it('a binary file (not UTF-8) is refused without echo', () => {
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x72, 0x6f, 0x6f, 0x74, 0x0a]));
    const r = cli(['match', 'cohort.csv', '--no-progress', '--config', 'binary.json']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('binary.json: the config is not UTF-8 text (line 1)');
    expectNoEcho(r);
  });
});

describe('jsonSyntaxProblem(text)', () => {
  it.each([
    ['', 1, 1, 'a value (an object, an array, a string in double quotes, a number, true, false or null)', 'the end of the file'],
    ['{"a": 1,}', 1, 9, 'a property name in double quotes', "'}'"],
    ["{'a': 1}", 1, 2, "a property name in double quotes or '}'", 'a single quote (JSON strings use double quotes)'],
    ['[1, 2', 1, 6, "',' or ']'", 'the end of the file'],
    ['{"a": 1}\n{"b": 2}', 2, 1, 'the end of the file (a JSON file holds one value)', "'{'"],
    ['{"a": "x\ny"}', 1, 9, "a closing '\"' (a line break or control character inside a string is written \\n, \\t, …)", 'a control character'],
    ['{"a": -}', 1, 8, 'a digit', "'}'"],
    ['{"a": tru}', 1, 7, 'a value (an object, an array, a string in double quotes, a number, true, false or null)', 'a letter'],
    ['{"a": "\\q"}', 1, 9, 'an escape such as \\", \\\\, \\n or \\u00e9 after the backslash', 'a letter'],
  ])('%j → line %i, column %i, expected %s, found %s', (text, line, column, expected, found) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(jsonSyntaxProblem(text)).toEqual({ line, column, expected, found });
  });

  it('deep nesting does not overflow the stack', () => {
    expect(jsonSyntaxProblem('['.repeat(200_000))).toMatchObject({ line: 1, column: 200_001 });
    expect(jsonSyntaxProblem(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });

  it('agrees with JSON.parse: undefined exactly when the text is valid JSON (property, fixed seed)', () => {
    const texts = fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1)), fc.json().chain((j) => fc.nat(j.length).map((k) => j.slice(0, k) + j.slice(k + 1))));
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxProblem(text) === undefined).toBe(valid);
      }),
      { seed: 1412, numRuns: 2000 },
    );
  });
});
