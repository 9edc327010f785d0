/**
 * checkOutputPaths: an output may be neither an input nor another output — by name, by
 * `..`, through a symbolic link (to a file or a folder) or as a hard link — and the
 * refusal is a usage error (exit 2) naming both options and the path.
 */
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CliError } from '../../src/cli/cli-error.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { checkOutputPaths } from '../../src/cli/output-paths.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-paths-'));
  writeFileSync(join(dir, 'in.csv'), 'id\n');
  mkdirSync(join(dir, 'sub'));
  symlinkSync(join(dir, 'in.csv'), join(dir, 'link.csv'));
  symlinkSync(dir, join(dir, 'here'));
  linkSync(join(dir, 'in.csv'), join(dir, 'hard.csv'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const p = (name: string): string => join(dir, name);
const refusal = (f: () => void): CliError => {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
};

describe('checkOutputPaths(inputs, outputs)', () => {
  it('accepts outputs that are new files or other existing files', () => {
    expect(() => checkOutputPaths([{ name: 'the cohort argument', path: p('in.csv') }], [{ name: '--out', path: p('out.csv') }, { name: '--json', path: p('new/r.json') }])).not.toThrow();
    expect(() => checkOutputPaths([undefined], [undefined])).not.toThrow();
  });

  it.each([
    ['the same name', 'in.csv'],
    ['a path through ..', 'sub/../in.csv'],
    ['a symbolic link to the file', 'link.csv'],
    ['a path through a linked folder', 'here/in.csv'],
    ['a hard link', 'hard.csv'],
  ])('refuses an output that is an input: %s', (_, out) => {
    const e = refusal(() => checkOutputPaths([{ name: 'the cohort argument', path: p('in.csv') }, undefined], [{ name: '--out', path: p(out) }]));
    expect(e.code).toBe('USAGE');
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.message).toMatch(/^--out and the cohort argument are the same file \(.*in\.csv.*\): an output would overwrite an input; choose another --out$/);
  });

  it('refuses two outputs that are one file, existing or new', () => {
    const e = refusal(() => checkOutputPaths([], [{ name: '--out', path: p('x.csv') }, { name: '--json', path: p('here/x.csv') }, { name: '--report', path: p('y.html') }]));
    expect(e.message).toMatch(/^--out and --json are the same file \(.*x\.csv and .*here\/x\.csv\): one output would overwrite the other; give each output its own path$/);
    const f = refusal(() => checkOutputPaths([], [{ name: '--out', path: p('missing/a.csv') }, { name: '--json', path: p('missing/../missing/a.csv') }]));
    expect(f.message).toMatch(/^--out and --json are the same file/);
  });
});
