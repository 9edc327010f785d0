/**
 * createWorkerPool: real worker threads (run from source through tsx, as `npm run demo`
 * does) give the single-threaded matrix bit for bit; errors come back typed; a dead
 * worker is a WorkerError, never a hang.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWorkerPool, type WorkerPool } from '../../src/cli/worker-pool.js';
import { ConfigError, InvalidInputError, WorkerError } from '../../src/errors.js';
import { match, matchWithMatrix } from '../../src/match/match.js';
import { resolveConfig } from '../../src/score/config.js';
import { buildCompatibility, buildPeerCompatibility } from '../../src/score/matrix.js';
import type { RowJob } from '../../src/score/pool.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { arbSide, bytesOf, sampleCohort } from '../score/_pool-cases.js';

const SIZES = [1, 2, 3] as const;
const pools = new Map<number, WorkerPool>();

beforeAll(() => {
  for (const n of SIZES) pools.set(n, createWorkerPool({ size: n, minPairs: 0 }));
});
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
});

describe('createWorkerPool({ size, minPairs: 0 }) scores as the single-threaded build, bit for bit', () => {
  it.each(SIZES)('the sample cohort (examples/data/cohort.csv) on %i worker(s), bipartite and peer', (n) => {
    const pool = pools.get(n)!;
    const { people, mentees, mentors } = sampleCohort();
    const m = buildCompatibility(mentees, mentors, {}, undefined, { pool });
    expect(m.scores.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bytesOf(m)).toEqual(bytesOf(buildCompatibility(mentees, mentors, {})));
    expect(bytesOf(buildPeerCompatibility(people, { weights: { goals: 'high' } }, { pool }))).toEqual(bytesOf(buildPeerCompatibility(people, { weights: { goals: 'high' } })));
  });

  it('random cohorts on 1, 2 and 3 workers, fewer rows than workers included (fast-check)', () => {
    fc.assert(
      fc.property(arbSide('e', 1, 7), arbSide('m', 1, 5), fc.constantFrom(...SIZES), fc.constantFrom({}, { skills: { rarity: true }, weights: { languages: 'must' } }), (mentees, mentors, n, config) => {
        const m = buildCompatibility(mentees, mentors, config, undefined, { pool: pools.get(n)! });
        expect(bytesOf(m)).toEqual(bytesOf(buildCompatibility(mentees, mentors, config)));
      }),
      { numRuns: 25 },
    );
  });

  it('the same sides twice (the workers reuse their scorer), then other sides, then the first again', () => {
    const pool = pools.get(2)!;
    const { mentees, mentors } = sampleCohort();
    const expected = bytesOf(buildCompatibility(mentees, mentors, {}));
    const other = bytesOf(buildCompatibility(mentees, mentors, { weights: { skills: 'must' } }));
    for (const config of [{}, {}, { weights: { skills: 'must' as const } }, {}]) {
      const j = job({ config: resolveConfig(config) });
      pool.runRows(j);
      const got = new Uint8Array(j.buffers.scores!);
      expect(got).toEqual(config.weights ? other.scores : expected.scores);
    }
  });

  it('one row on three workers, and a whole match (same result and config hash)', () => {
    const pool = pools.get(3)!;
    const { people, mentees, mentors } = sampleCohort();
    expect(bytesOf(buildCompatibility(mentees.slice(0, 1), mentors, {}, { rows: mentees, cols: mentors }, { pool }))).toEqual(bytesOf(buildCompatibility(mentees.slice(0, 1), mentors, {}, { rows: mentees, cols: mentors })));
    expect(matchWithMatrix(people, { mode: 'capacity', pool }).result).toEqual(matchWithMatrix(people, { mode: 'capacity' }).result);
  });

  it.each(SIZES)('the candidate paths’ streamed passes (capacity, one-to-one, peer) on %i worker(s): the single-threaded result, certified', (n) => {
    const { people } = sampleCohort();
    const configs = [
      { candidates: { use: 'always' as const } },
      { mode: 'one-to-one' as const, candidates: { use: 'always' as const, perMentee: 2 } },
      { mode: 'peer' as const, candidates: { use: 'always' as const } }, // the peer stream on the workers
    ];
    for (const cfg of configs) {
      const plain = match(people, cfg);
      expect(plain.search.certificate?.certified).toBe(true);
      expect(match(people, { ...cfg, pool: pools.get(n)! })).toEqual(plain);
    }
  });
});

/** A dense job over the sample cohort, with `patch` applied. */
function job(patch: Partial<RowJob>): RowJob {
  const { mentees, mentors } = sampleCohort();
  const R = mentees.length;
  const C = mentors.length;
  return {
    kind: 'bipartite',
    rows: R,
    rowParticipants: mentees,
    colParticipants: mentors,
    config: resolveConfig({}),
    pass: 'dense',
    params: [],
    buffers: { scores: new SharedArrayBuffer(R * C * 8), forbidden: new SharedArrayBuffer(R * C), checks: new SharedArrayBuffer(R * C) },
    ...patch,
  };
}

describe('pool.runRows(job): errors in a worker', () => {
  it('a MatchError thrown in a worker comes back as the same typed error, and the pool still works', () => {
    const pool = pools.get(2)!;
    const e = expectMatchError(() => pool.runRows(job({ config: resolveConfig({ rules: { bannedPairs: [['nobody', 'none']] } }) })), 'INVALID_CONFIG');
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).issues.map((i) => i.message).join('\n')).toMatch(/nobody/u);
    expect(expectMatchError(() => pool.runRows(job({ pass: 'no-such-pass' })), 'INVALID_INPUT')).toBeInstanceOf(InvalidInputError);
    const { mentees, mentors } = sampleCohort();
    expect(bytesOf(buildCompatibility(mentees, mentors, {}, undefined, { pool }))).toEqual(bytesOf(buildCompatibility(mentees, mentors, {})));
  });

  it('anything else thrown in a worker is a WorkerError naming it', () => {
    const e = expectMatchError(() => pools.get(2)!.runRows(job({ rowParticipants: [{ id: 'x' } as never], rows: 1 })), 'WORKER_FAILED');
    expect(e.details).toMatchObject({ name: 'TypeError' });
  });

  it('a job that cannot be cloned is an InvalidInputError', () => {
    expectMatchError(() => pools.get(1)!.runRows(job({ params: [() => 1] as never })), 'INVALID_INPUT');
  });

  it('a worker that dies is a WorkerError (not a hang), for this job and every later one', async () => {
    const pool = createWorkerPool({ size: 2, minPairs: 0, script: new URL('./_dying-worker.ts', import.meta.url) });
    try {
      const e = expectMatchError(() => pool.runRows(job({})), 'WORKER_FAILED');
      expect(e).toBeInstanceOf(WorkerError);
      expect(e.details).toMatchObject({ exitCode: 3 });
      expectMatchError(() => pool.runRows(job({})), 'WORKER_FAILED');
    } finally {
      await pool.close();
    }
  });

  it('a missing worker script is a WorkerError at once', () => {
    expectMatchError(() => createWorkerPool({ size: 1, script: new URL('./no-such-worker.mjs', import.meta.url) }), 'WORKER_FAILED');
  });

  it('workers that cannot start are a WorkerError after startTimeout', async () => {
    const pool = createWorkerPool({ size: 1, minPairs: 0, startTimeout: 3000, script: new URL('./_broken-worker.mjs', import.meta.url) });
    try {
      expectMatchError(() => pool.runRows(job({})), 'WORKER_FAILED');
    } finally {
      await pool.close();
    }
  });

  it('a closed pool refuses jobs; createWorkerPool refuses a bad size', async () => {
    const pool = createWorkerPool({ size: 1, minPairs: 0 });
    await pool.close();
    await pool.close(); // twice is fine
    expectMatchError(() => pool.runRows(job({})), 'WORKER_FAILED');
    for (const size of [0, -1, 1.5, Number.NaN]) expectMatchError(() => createWorkerPool(size), 'INVALID_INPUT');
  });
});
