/**
 * Issue 12, crashes, hangs and out-of-memory (items 9–11), reproduced as the issue gives
 * them through the built CLI and the library: a cohort too large for the memory is
 * refused at once (TOO_LARGE, exit 6); file-system errors are one line with exit 7 and a
 * closed pipe ends quietly with 0; a deep or cyclic config or participant is a typed
 * error, never a RangeError. Thorough cases: test/match/size.test.ts,
 * test/cli/hostile-config.test.ts, test/cli/hostile-output.test.ts,
 * test/match/hostile-config.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { isMatchError, TooLargeError } from '../../src/errors.js';
import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match, matchWithMatrix } from '../../src/match/match.js';
import { BYTES_PER_PAIR } from '../../src/match/size.js';
import type { Participant } from '../../src/profile/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { CLI, COHORT, STACK_TRACE, sandbox, type Sandbox } from '../_helpers/cli-sandbox.js';

let box: Sandbox;
const SMALL = 'id,name,role,goals\nm1,Ana,mentor,g\ne1,Bo,mentee,g\n';
beforeAll(() => {
  box = sandbox();
  box.file('small.csv', SMALL);
});
afterAll(() => box.remove());

/** Exactly one line on stderr, `mentor-match: …`, no stack. */
const oneLine = (err: string): void => {
  expect(err).toMatch(/^mentor-match: [^\n]+\n$/);
  expect(err).not.toMatch(STACK_TRACE);
};

describe('attack 9: no size check — "96,000 people run 6.5 minutes and die with `RangeError: Array buffer allocation failed` at 12.5 GB"', () => {
  it('match on 72,000 mentees and 24,000 mentors with an objective that needs the dense matrix exits 6 at once, naming the estimate, the limit, why and what to do', () => {
    const rows = ['id,role,goals', ...Array.from({ length: 24_000 }, (_, j) => `m${j},mentor,g`), ...Array.from({ length: 72_000 }, (_, i) => `e${i},mentee,g`)];
    box.file('huge.csv', rows.join('\n'));
    // The default limit is 70% of this machine's memory; on a machine that could hold the run, give the limit the machine had.
    const estimate = 72_000 * 24_000 * BYTES_PER_PAIR.capacity;
    const limit = 0.7 * totalmem() > estimate ? ['--memory-limit', '16000'] : [];
    const t = performance.now();
    // The fairness objective needs the dense matrix (the candidate path cannot run it), so the size check refuses the run.
    const r = box.cli(['match', 'huge.csv', '--no-progress', '--objective', 'fairness', '--json', 'huge.json', ...limit]);
    expect(performance.now() - t).toBeLessThan(60_000);
    expect(r.code).toBe(EXIT.tooLarge);
    oneLine(r.err);
    expect(r.err).toMatch(
      /^mentor-match: cohort too large: 72,000 mentees × 24,000 mentors is 1,728,000,000 candidate pairs, about 42,847 MB of memory, more than the memory limit of [\d,]+ MB; the candidate path, which keeps no dense matrix, cannot run the fairness objective; match a smaller cohort, split it \(one run per site or department\), or raise the limit/,
    );
    expect(existsSync(box.path('huge.json'))).toBe(false);
  });

  it('--memory-limit and MENTOR_MATCH_MEMORY_LIMIT (MB) set the limit: 300 × 300 over 1 MB → exit 6', () => {
    box.file('wide.csv', ['id,role', ...Array.from({ length: 300 }, (_, j) => `m${j},mentor`), ...Array.from({ length: 300 }, (_, i) => `e${i},mentee`)].join('\n'));
    const flag = box.cli(['match', 'wide.csv', '--no-progress', '--memory-limit', '1']);
    expect(flag.code).toBe(EXIT.tooLarge);
    expect(flag.err).toMatch(/cohort too large: 300 mentees × 300 mentors/);
    expect(box.cli(['match', 'wide.csv', '--no-progress'], { MENTOR_MATCH_MEMORY_LIMIT: '1' }).code).toBe(EXIT.tooLarge);
  });

  it('the library: match(people, { memoryLimit }) throws TooLargeError (TOO_LARGE) with pairs, estimate and limit before allocating', () => {
    const { participants } = parseCohortCsv(box.read('wide.csv'));
    const e = expectMatchError(() => match(participants, { memoryLimit: 2 ** 20 }), 'TOO_LARGE');
    expect(e).toBeInstanceOf(TooLargeError);
    expect(e.details).toMatchObject({ pairs: 90_000, limit: 2 ** 20 });
  });
});

describe('attack 10: I/O errors (EISDIR, EEXIST, EACCES, ENOSPC) exit 1 "unexpected error" with a stack; `explain … | head` dies with an unhandled EPIPE', () => {
  it('EISDIR: an output path that is a folder → exit 7, one line', () => {
    mkdirSync(box.path('adir'), { recursive: true });
    const r = box.cli(['match', 'small.csv', '--json', 'adir', '-q']);
    expect(r.code).toBe(EXIT.io);
    oneLine(r.err);
    expect(r.err).toBe('mentor-match: cannot write --json adir: it is a folder (EISDIR); give a file name, e.g. a path ending in the file to write; no output was changed\n');
  });

  it('EEXIST / ENOTDIR: a file where a folder of the path should be → exit 7, one line', () => {
    box.file('plain', '');
    const r = box.cli(['match', 'small.csv', '--out', 'plain/m.csv', '-q']);
    expect(r.code).toBe(EXIT.io);
    oneLine(r.err);
    expect(r.err).toMatch(/cannot write --out plain\/m\.csv: a part of the path is a file, not a folder \((ENOTDIR|EEXIST)\)/);
  });

  it.skipIf(process.getuid?.() === 0)('EACCES: a folder without write permission → exit 7, one line', () => {
    mkdirSync(box.path('locked'), { mode: 0o555 });
    const r = box.cli(['match', 'small.csv', '--out', 'locked/m.csv', '-q']);
    expect(r.code).toBe(EXIT.io);
    oneLine(r.err);
    expect(r.err).toMatch(/cannot write --out locked\/m\.csv: permission denied \(EACCES\)/);
  });

  it.skipIf(!existsSync('/dev/full'))('ENOSPC: a full disk (/dev/full) → exit 7, one line', () => {
    const r = box.cli(['match', 'small.csv', '--json', '/dev/full', '-q']);
    expect(r.code).toBe(EXIT.io);
    oneLine(r.err);
    expect(r.err).toMatch(/^mentor-match: cannot write --json \/dev\/full: no space left on the device \(ENOSPC\)/);
  });

  it('`explain … | head -1`: the closed pipe ends the run quietly with exit 0', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" explain "${COHORT}" --pair E0001,E0104 | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: box.dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toMatch(/^José Nguyen \(E0001\) and Kevin Williams \(E0104\): score [\d.]+ \/ 100\nstatus 0\n$/);
    expect(r.stderr).toBe('');
  });
});

describe('attack 11: stack overflow in the config hash — "a deeply nested config or a cyclic config or participant throws RangeError"', () => {
  const people = parseCohortCsv(SMALL).participants;

  it('match --config with rules nested 50,000 arrays deep → exit 4, no RangeError', () => {
    const cfg = box.file('deep.json', `{"rules":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    const r = box.cli(['match', 'small.csv', '--config', cfg, '--no-progress']);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toMatch(/^mentor-match: invalid configuration:\n {2}- rules: /);
    expect(r.err).not.toMatch(STACK_TRACE);
    const objects = box.file('deep-objects.json', `{"weights":{"skills":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`);
    const s = box.cli(['match', 'small.csv', '--config', objects, '--no-progress']);
    expect(s.code).toBe(EXIT.invalidConfig);
    expect(s.err).not.toMatch(STACK_TRACE);
  });

  it('the library: a cyclic config → ConfigError; a config nested 100,000 levels → ConfigError', () => {
    const cyclic: Record<string, unknown> = { mode: 'capacity' };
    cyclic.weights = { skills: cyclic };
    expectMatchError(() => match(people, cyclic as MatchConfig), 'INVALID_CONFIG');
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = { a: deep };
    expectMatchError(() => match(people, { weights: { skills: deep } } as unknown as MatchConfig), 'INVALID_CONFIG');
  });

  it('the library: a cyclic participant → InvalidInputError naming the cycle; an absurdly deep one → InvalidInputError', () => {
    const attributes: Record<string, unknown> = {};
    attributes.self = attributes;
    const cyclic = [people[0]!, { ...people[1]!, attributes } as unknown as Participant];
    const e = expectMatchError(() => matchWithMatrix(cyclic), 'INVALID_INPUT');
    expect(e.message).toMatch(/participants\[.*cycle/);
    let deep: unknown = 'x';
    for (let k = 0; k < 100_000; k++) deep = [deep];
    const f = (() => {
      try {
        match([people[0]!, { ...people[1]!, goals: [deep] } as unknown as Participant]);
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(isMatchError(f) && f.code).toBe('INVALID_INPUT');
  });
});
