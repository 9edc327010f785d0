/**
 * stageOutputs / writeOutputs: a run's outputs go to temporary files in their folders and
 * replace the targets only at commit; a failure, an abort, SIGINT or SIGTERM leaves every
 * target as it was and no temporary file behind (SIGINT exits 130, SIGTERM 143).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { stageOutputs, writeOutputs } from '../../src/cli/atomic-write.js';
import { CliError } from '../../src/cli/cli-error.js';
import { EXIT } from '../../src/cli/exit-codes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const base = mkdtempSync(join(tmpdir(), 'mentor-match-atomic-'));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(base, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'old.csv'), 'old csv\n');
  writeFileSync(join(dir, 'old.json'), 'old json\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const listing = (): string[] => readdirSync(dir).sort();

describe('stageOutputs(files) and writeOutputs(files)', () => {
  it('writes temporaries next to the targets, and replaces the targets only at commit', async () => {
    const staged = await stageOutputs([
      { option: '--out', path: join(dir, 'old.csv'), text: 'new csv\n' },
      { option: '--json', path: join(dir, 'sub/new.json'), text: 'new json\n' },
    ]);
    expect(staged.temporaries.map((t) => dirname(t))).toEqual([dir, join(dir, 'sub')]);
    expect(staged.temporaries.every((t) => /\/\.(old\.csv|new\.json)\.[0-9a-f]{12}\.tmp$/.test(t))).toBe(true);
    expect(read('old.csv')).toBe('old csv\n');
    staged.commit();
    expect(read('old.csv')).toBe('new csv\n');
    expect(read('sub/new.json')).toBe('new json\n');
    expect(listing()).toEqual(['old.csv', 'old.json', 'sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['new.json']);
  });

  it('abort() removes the temporaries and changes nothing', async () => {
    const staged = await stageOutputs([{ option: '--out', path: join(dir, 'old.csv'), text: 'new\n' }]);
    staged.abort();
    expect(read('old.csv')).toBe('old csv\n');
    expect(listing()).toEqual(['old.csv', 'old.json']);
  });

  it('keeps the replaced file\'s permissions, and a symbolic link (the file it points to is replaced)', async () => {
    chmodSync(join(dir, 'old.csv'), 0o640);
    symlinkSync(join(dir, 'old.json'), join(dir, 'link.json'));
    await writeOutputs([
      { option: '--out', path: join(dir, 'old.csv'), text: 'new csv\n' },
      { option: '--json', path: join(dir, 'link.json'), text: 'new json\n' },
    ]);
    expect(statSync(join(dir, 'old.csv')).mode & 0o777).toBe(0o640);
    expect(read('old.json')).toBe('new json\n');
    expect(read('link.json')).toBe('new json\n');
  });

  it('an output that cannot be written: CliError IO (exit 7) naming option and path; no target changed, no temporary left', async () => {
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'file'), '');
    for (const [bad, why] of [
      ['folder', /it is a folder \(EISDIR\)/],
      ['file/r.json', /a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\)/],
    ] as const) {
      const error = await writeOutputs([
        { option: '--out', path: join(dir, 'old.csv'), text: 'new csv\n' },
        { option: '--json', path: join(dir, bad), text: 'new json\n' },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({ code: 'IO', exitCode: EXIT.io });
      expect((error as Error).message).toMatch(new RegExp(`^cannot write --json ${join(dir, bad)}: `));
      expect((error as Error).message).toMatch(why);
      expect((error as Error).message).toMatch(/; no output was changed$/);
      expect(read('old.csv')).toBe('old csv\n');
      expect(listing()).toEqual(['file', 'folder', 'old.csv', 'old.json']);
    }
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s while the outputs are staged: the temporaries are removed, the targets kept, exit %i', (signal, code) => {
    // A process that stages two outputs, is signalled before committing, and would commit 2 s later.
    const script = join(dir, 'signal.mts');
    writeFileSync(
      script,
      [
        `import { stageOutputs } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/atomic-write.ts')).href)};`,
        `const staged = await stageOutputs([`,
        `  { option: '--out', path: ${JSON.stringify(join(dir, 'old.csv'))}, text: 'new csv\\n' },`,
        `  { option: '--json', path: ${JSON.stringify(join(dir, 'old.json'))}, text: 'new json\\n' },`,
        `]);`,
        `console.log(staged.temporaries.length);`,
        `process.kill(process.pid, ${JSON.stringify(signal)});`,
        `setTimeout(() => staged.commit(), 2000);`,
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.trim(), r.stderr).toBe('2');
    expect(r.status).toBe(code);
    expect(read('old.csv')).toBe('old csv\n');
    expect(read('old.json')).toBe('old json\n');
    expect(listing()).toEqual(['old.csv', 'old.json', 'signal.mts']);
  });
});
