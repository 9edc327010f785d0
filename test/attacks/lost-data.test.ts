/**
 * Issue 12, lost data (items 7–8), reproduced as the issue gives them through the built
 * CLI and the library: an output path equal to an input or to another output is refused
 * (exit 2, nothing changed), and outputs are written all or nothing (a failed or
 * interrupted run leaves the old files, never a truncated one, no temporary file).
 * Thorough cases: test/cli/hostile-output.test.ts, test/cli/output-paths.test.ts,
 * test/cli/atomic-write.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stageOutputs } from '../../src/cli/atomic-write.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { MATCHES_CSV_COLUMNS } from '../../src/io/csv/write-matches.js';
import { COHORT, HISTORY, ROOT, STACK_TRACE, sandbox, type Sandbox } from '../_helpers/cli-sandbox.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
});
afterAll(() => box.remove());

const HEADER = MATCHES_CSV_COLUMNS.join(',');

describe('attack 7: outputs overwrite inputs — `match in.csv --out in.csv`, `calibrate h.csv --cohort c.csv --out h.csv`, `--out X --json X --report X`', () => {
  it('match in.csv --out in.csv → exit 2, one line naming both, the cohort unchanged (bytes)', () => {
    box.file('in.csv', readFileSync(COHORT));
    const before = box.bytes('in.csv');
    const r = box.cli(['match', 'in.csv', '--out', 'in.csv']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('mentor-match: --out and the cohort argument are the same file (in.csv): an output would overwrite an input; choose another --out\n');
    expect(box.bytes('in.csv').equals(before)).toBe(true);
  });

  it('calibrate h.csv --cohort c.csv --out h.csv → exit 2, the history unchanged', () => {
    box.file('h.csv', readFileSync(HISTORY));
    box.file('c.csv', readFileSync(COHORT));
    const before = box.bytes('h.csv');
    const r = box.cli(['calibrate', 'h.csv', '--cohort', 'c.csv', '--out', 'h.csv']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/^mentor-match: --out and the history argument are the same file \(h\.csv\)/);
    expect(box.bytes('h.csv').equals(before)).toBe(true);
  });

  it('match in.csv --out X --json X --report X → exit 2, nothing written; an existing X kept', () => {
    box.file('in.csv', readFileSync(COHORT));
    const r = box.cli(['match', 'in.csv', '--out', 'X', '--json', 'X', '--report', 'X']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('mentor-match: --out and --json are the same file (X): one output would overwrite the other; give each output its own path\n');
    expect(box.files()).not.toContain('X');
    box.file('X', 'precious\n');
    expect(box.cli(['match', 'in.csv', '--out', 'X', '--json', 'X', '--report', 'X']).code).toBe(EXIT.usage);
    expect(box.read('X')).toBe('precious\n');
  });
});

describe('attack 8: writes are not atomic — "SIGINT leaves a 0-byte `result.json` or outputs from two different runs"', () => {
  const OUTPUTS = ['o/matches.csv', 'o/result.json', 'o/report.html'];
  const ARGS = ['match', COHORT, '--out', OUTPUTS[0]!, '--json', OUTPUTS[1]!, '--report', OUTPUTS[2]!, '-q', '--no-progress'];
  const old = (): void => {
    for (const name of OUTPUTS) box.file(name, `old ${name}\n`);
  };
  /** Every output is the old file, or every output is complete (from one run); no temporary. */
  const allOldOrAllNew = (): 'old' | 'new' => {
    const isOld = OUTPUTS.map((name) => box.read(name) === `old ${name}\n`);
    expect(box.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (isOld.every(Boolean)) return 'old';
    expect(isOld.some(Boolean), 'outputs of two runs').toBe(false);
    expect(box.read(OUTPUTS[0]!).startsWith(`${HEADER}\n`)).toBe(true);
    expect(() => JSON.parse(box.read(OUTPUTS[1]!)) as unknown).not.toThrow();
    expect(box.read(OUTPUTS[2]!).trimEnd().endsWith('</html>')).toBe(true);
    return 'new';
  };

  it('a run whose last output cannot be written (a folder in the way) leaves the outputs of the previous run: exit 7, no temporary', () => {
    old();
    mkdirSync(box.path('o/report.html.d'), { recursive: true });
    const r = box.cli([...ARGS.slice(0, 6), '--report', 'o/report.html.d', '-q', '--no-progress']);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/^mentor-match: cannot write --report o\/report\.html\.d: it is a folder \(EISDIR\).*no output was changed\n$/);
    expect(allOldOrAllNew()).toBe('old');
  });

  it('SIGINT at any moment of a real run: the outputs are all old or all new and complete, never a 0-byte file; exit 130 (or 0 when it came too late)', async () => {
    // How long a run takes here, then signals spread over it (the writing is at its end).
    old();
    const t0 = performance.now();
    expect(box.cli(ARGS).code).toBe(EXIT.ok);
    const took = performance.now() - t0;
    expect(allOldOrAllNew()).toBe('new');
    for (const at of [0.5, 0.85, 0.95, 1.0, 1.1]) {
      old();
      const run = box.start(ARGS);
      await new Promise((ok) => setTimeout(ok, took * at));
      try {
        process.kill(run.pid, 'SIGINT');
      } catch {
        // already gone
      }
      const r = await run.done;
      expect(r.err).not.toMatch(STACK_TRACE);
      const state = allOldOrAllNew();
      // Node's default SIGINT handling ends the run by the signal before the outputs are
      // staged (all old) and after they are committed (all new, the process not yet gone);
      // while they are staged the handler exits 130 (all old); a run that finished, 0.
      if (r.signal === null) expect([EXIT.ok, 130], `at ${at}`).toContain(r.code);
      else expect(r.signal).toBe('SIGINT');
      if (r.code === EXIT.ok) expect(state).toBe('new');
      if (r.code === 130) expect(state).toBe('old');
      if (r.signal !== null) expect(['old', 'new'], `at ${at}`).toContain(state);
    }
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('the library: %s while the outputs are staged removes the temporaries, keeps the targets, exits %i', (signal, code) => {
    old();
    const script = box.file('signal.mts', [
      `import { stageOutputs } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/atomic-write.ts')).href)};`,
      `const staged = await stageOutputs([`,
      `  { option: '--out', path: ${JSON.stringify(box.path(OUTPUTS[0]!))}, text: 'new csv\\n' },`,
      `  { option: '--json', path: ${JSON.stringify(box.path(OUTPUTS[1]!))}, text: '{}\\n' },`,
      `]);`,
      `console.log(staged.temporaries.length);`,
      `process.kill(process.pid, ${JSON.stringify(signal)});`,
      `setTimeout(() => staged.commit(), 2000);`,
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', box.path(script)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.trim(), r.stderr).toBe('2');
    expect(r.status).toBe(code);
    expect(allOldOrAllNew()).toBe('old');
  });

  it('the library: stageOutputs writes temporaries beside the targets; abort() leaves the targets and no temporary', async () => {
    old();
    const staged = await stageOutputs([{ option: '--json', path: box.path(OUTPUTS[1]!), text: '{}\n' }]);
    expect(staged.temporaries).toHaveLength(1);
    expect(staged.temporaries[0]).toMatch(/\/o\/\.result\.json\.[0-9a-f]+\.tmp$/);
    staged.abort();
    expect(allOldOrAllNew()).toBe('old');
  });
});
