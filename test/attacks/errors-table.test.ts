/**
 * The README's table of exit codes and error codes ("Exit codes and error codes", under
 * Command line) cannot go stale: it lists every value of EXIT, every code of the
 * `MatchErrorCode` union (src/errors.ts) and of `CliErrorCode` (src/cli/cli-error.ts),
 * each error code on the row of the exit code the command line ends with, and an example
 * message on every row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CliError, type CliErrorCode } from '../../src/cli/cli-error.js';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes.js';
import { MatchError, type MatchErrorCode } from '../../src/errors.js';
import { ROOT, runInProcess } from '../_helpers/cli-sandbox.js';

/** The string literals of `export type <name> = 'A' | 'B' …;` in a source file. */
function unionOf(file: string, name: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const m = new RegExp(`export type ${name} =([^;]+);`, 'u').exec(source);
  if (!m) throw new Error(`no type ${name} in ${file}`);
  return [...m[1]!.matchAll(/'([A-Z_]+)'/gu)].map((x) => x[1]!);
}

interface Row {
  readonly exits: number[];
  readonly codes: string[];
  readonly meaning: string;
  readonly example: string;
}

/** The rows of the table in the README section "Exit codes and error codes". */
function tableRows(): Row[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\r\n/gu, '\n');
  const start = readme.indexOf('\n### Exit codes and error codes\n');
  expect(start, 'README section "Exit codes and error codes"').toBeGreaterThan(0);
  const section = readme.slice(start + 1).split(/\n#{2,3} /u)[0]!;
  // Cells split on | not escaped as \|.
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  expect(lines[0]).toMatch(/^\| exit \| error `code` \| meaning \| example message \|$/u);
  return lines.slice(2).map((line) => {
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/u)
      .map((c) => c.trim());
    expect(cells, line).toHaveLength(4);
    const [exits, codes, meaning, example] = cells as [string, string, string, string];
    return { exits: exits.split(',').map((x) => Number(x.trim())), codes: [...codes.matchAll(/`([A-Z_]+)`/gu)].map((x) => x[1]!), meaning, example };
  });
}

const MATCH_CODES = unionOf('src/errors.ts', 'MatchErrorCode') as MatchErrorCode[];
const CLI_CODES = unionOf('src/cli/cli-error.ts', 'CliErrorCode') as CliErrorCode[];

describe('README: the table of exit codes and error codes', () => {
  const rows = tableRows();

  it('the code unions are read from the sources (a sanity check of the parser)', () => {
    expect(MATCH_CODES).toEqual(expect.arrayContaining(['INVALID_INPUT', 'INVALID_CONFIG', 'INFEASIBLE', 'TOO_LARGE']));
    expect(CLI_CODES).toEqual(['USAGE', 'IO']);
  });

  it('lists every value of EXIT (and 130, 143 for signals), and no other exit code', () => {
    const listed = new Set(rows.flatMap((r) => r.exits));
    for (const [name, code] of Object.entries(EXIT)) expect(listed.has(code), `EXIT.${name} = ${code}`).toBe(true);
    expect(listed.has(130) && listed.has(143)).toBe(true);
    expect([...listed].filter((c) => !Object.values<number>(EXIT).includes(c) && c !== 130 && c !== 143)).toEqual([]);
  });

  it('lists every MatchErrorCode and CliErrorCode, and no other code', () => {
    const listed = rows.flatMap((r) => r.codes);
    for (const code of [...MATCH_CODES, ...CLI_CODES]) expect(listed, code).toContain(code);
    expect(listed.filter((c) => !(MATCH_CODES as string[]).includes(c) && !(CLI_CODES as string[]).includes(c))).toEqual([]);
  });

  it('puts each error code on the row of the exit code the command line gives it', () => {
    for (const row of rows) {
      for (const code of row.codes) {
        const exit = (CLI_CODES as string[]).includes(code) ? new CliError(code as CliErrorCode, 'x').exitCode : exitCodeFor(new MatchError(code as MatchErrorCode, 'x'));
        expect(row.exits, code).toEqual([exit]);
      }
    }
  });

  it('gives a meaning and an example message on every row', () => {
    for (const row of rows) {
      expect(row.meaning.length, JSON.stringify(row)).toBeGreaterThan(10);
      expect(row.example.length, JSON.stringify(row)).toBeGreaterThan(3);
    }
  });

  it('mentor-match --help lists every value of EXIT too', async () => {
    const help = (await runInProcess(['--help'])).out;
    for (const code of Object.values(EXIT)) expect(help).toMatch(new RegExp(`^ {2}${code} {2}\\S`, 'mu'));
  });
});
