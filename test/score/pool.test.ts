/**
 * The core of scoring on several threads, without threads: a pool that runs each block of
 * rows on a scorer rebuilt from a structured clone of the job (what a worker gets) gives
 * the single-threaded matrix bit for bit; errors cross as the same typed errors.
 * The real worker threads are tested in test/cli/worker-pool.test.ts.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ConfigError, CsvFileError, InfeasibleError, InvalidInputError, MatchError, ProfileError, TooLargeError, WorkerError } from '../../src/errors.js';
import { match, matchMatrix, matchWithMatrix } from '../../src/match/match.js';
import { resolveConfig, type ScoringConfig } from '../../src/score/config.js';
import { buildCompatibility, buildPeerCompatibility } from '../../src/score/matrix.js';
import { blockRows, errorFromPayload, errorToPayload, isScoringPool, PARALLEL_MIN_PAIRS, usePool, type RowJob, type ScoringPool } from '../../src/score/pool.js';
import { mentorPairs } from '../../src/match/result-shape.js';
import { JOB_PASSES } from '../../src/match/row-jobs.js';
import { densePass, jobScorer, ROW_PASSES, rowPass, runRowJob } from '../../src/score/row-passes.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { arbSide, bytesOf, sampleCohort } from './_pool-cases.js';
import { person } from './_people.js';

/** A pool on this thread: each block on a scorer rebuilt from a clone of the job, blocks in a shuffled order. */
function clonePool(size: number, order: (blocks: number) => number[] = (b) => [...Array(b).keys()].reverse()): ScoringPool & { jobs: number } {
  const pool = {
    size,
    minPairs: 0,
    jobs: 0,
    runRows(job: RowJob): void {
      pool.jobs++;
      const { buffers, ...data } = job;
      const rows = blockRows(job.rows, size);
      const blocks = Math.ceil(job.rows / rows);
      for (const b of order(blocks)) {
        const copy = { ...structuredClone(data), buffers } as RowJob; // the buffers are shared, not cloned
        const scorer = jobScorer(copy);
        rowPass(copy.pass, JOB_PASSES)(scorer, b * rows, Math.min(job.rows, (b + 1) * rows), copy, b % (size + 1)); // slots as a pool's threads: 0..size
      }
    },
  };
  return pool;
}

const CONFIGS: ScoringConfig[] = [{}, { skills: { rarity: true }, custom: [{ attribute: 'site', weight: 'low' }], weights: { goals: 'must' } }, { model: { missing: 'ignore', uninformative: 'keep' }, rules: { maxTimeZoneGapHours: 4 } }];

describe('resolveConfig(config) is plain data (a job carries it to the workers)', () => {
  it.each(CONFIGS.map((c, k) => [k, c] as const))('config %i survives structuredClone unchanged', (_k, c) => {
    const cfg = resolveConfig({ ...c, referenceDate: '2024-05-01' });
    expect(structuredClone(cfg)).toEqual(cfg);
  });
});

describe('buildCompatibility(mentees, mentors, config, cohort, { pool }) equals the single-threaded build', () => {
  it('on random cohorts, with 1, 2 and 3 workers and any block order (fast-check)', () => {
    fc.assert(
      fc.property(arbSide('e', 0, 9), arbSide('m', 0, 6), fc.constantFrom(...CONFIGS), fc.integer({ min: 1, max: 3 }), fc.boolean(), (mentees, mentors, config, size, shuffle) => {
        const plain = buildCompatibility(mentees, mentors, config);
        const pool = clonePool(size, shuffle ? (b) => [...Array(b).keys()].sort((x, y) => ((x * 7) % 5) - ((y * 7) % 5)) : undefined);
        const pooled = buildCompatibility(mentees, mentors, config, undefined, { pool });
        expect(bytesOf(pooled)).toEqual(bytesOf(plain));
        expect(pool.jobs).toBe(mentees.length > 0 && mentors.length > 0 ? 1 : 0);
        if (pool.jobs) expect(pooled.scores.buffer).toBeInstanceOf(SharedArrayBuffer);
      }),
      { numRuns: 60 },
    );
  });

  it('on random peer pools (buildPeerCompatibility)', () => {
    fc.assert(
      fc.property(arbSide('p', 0, 10), fc.constantFrom(...CONFIGS), fc.integer({ min: 1, max: 3 }), (peers, config, size) => {
        const pooled = buildPeerCompatibility(peers, config, { pool: clonePool(size) });
        expect(bytesOf(pooled)).toEqual(bytesOf(buildPeerCompatibility(peers, config)));
      }),
      { numRuns: 40 },
    );
  });

  it('with a cohort (part of the matrix, the model on the whole cohort)', () => {
    const { mentees, mentors } = sampleCohort();
    const cohort = { rows: mentees, cols: mentors };
    const part = mentees.slice(3, 5);
    expect(bytesOf(buildCompatibility(part, mentors, {}, cohort, { pool: clonePool(3) }))).toEqual(bytesOf(buildCompatibility(part, mentors, {}, cohort)));
  });

  it('on the sample cohort (examples/data/cohort.csv), bipartite and peer', () => {
    const { people, mentees, mentors } = sampleCohort();
    for (const size of [1, 2, 3]) {
      expect(bytesOf(buildCompatibility(mentees, mentors, {}, undefined, { pool: clonePool(size) }))).toEqual(bytesOf(buildCompatibility(mentees, mentors, {})));
      expect(bytesOf(buildPeerCompatibility(people, {}, { pool: clonePool(size) }))).toEqual(bytesOf(buildPeerCompatibility(people, {})));
    }
  });

  it('keeps a matrix below pool.minPairs (default PARALLEL_MIN_PAIRS) on the calling thread', () => {
    const { mentees, mentors } = sampleCohort();
    const pool = { ...clonePool(2), minPairs: undefined };
    const m = buildCompatibility(mentees, mentors, {}, undefined, { pool });
    expect(pool.jobs).toBe(0);
    expect(m.scores.buffer).toBeInstanceOf(ArrayBuffer);
    expect(PARALLEL_MIN_PAIRS).toBe(2_000_000);
    expect(usePool(pool, 2000, 1000)).toBe(true);
    expect(usePool(pool, 1999, 1000)).toBe(false);
  });
});

describe('without SharedArrayBuffer (a browser page without cross-origin isolation)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('buildCompatibility falls back to the single-threaded build, same bytes', () => {
    const { mentees, mentors } = sampleCohort();
    const expected = bytesOf(buildCompatibility(mentees, mentors, {}));
    const pool = clonePool(2);
    vi.stubGlobal('SharedArrayBuffer', undefined);
    const m = buildCompatibility(mentees, mentors, {}, undefined, { pool });
    vi.unstubAllGlobals();
    expect(pool.jobs).toBe(0);
    expect(bytesOf(m)).toEqual(expected);
  });
});

describe('match(participants, { pool }) and matchMatrix', () => {
  it('give the same result, config hash included, in capacity, group and peer mode', () => {
    const { people } = sampleCohort();
    for (const mode of ['capacity', 'group', 'peer'] as const) {
      const pool = clonePool(2);
      const plain = matchWithMatrix(people, { mode });
      const pooled = matchWithMatrix(people, { mode, pool });
      expect(pool.jobs).toBe(1);
      expect(pooled.result).toEqual(plain.result);
      expect(bytesOf(pooled.matrix)).toEqual(bytesOf(plain.matrix));
      expect(bytesOf(matchMatrix(people, { mode, pool }))).toEqual(bytesOf(plain.matrix));
    }
  });

  it('the candidate path (streamed pass on the pool) gives the single-threaded result, locked and excluded pairs included, on 1–3 workers', () => {
    const { people } = sampleCohort();
    const first = match(people, { candidates: { use: 'never' } });
    const [a, b, c] = mentorPairs(first).map((p) => [p.menteeId, p.mentorId] as [string, string]);
    const configs = [{}, { mode: 'one-to-one' as const }, { locked: [a, [b[0], c[1]]] as [string, string][], excludedPartners: [c], tiers: ['matched' as const] }];
    for (const cfg of configs) {
      const plain = match(people, { ...cfg, candidates: { use: 'always' } });
      expect(plain.search.certificate?.certified).toBe(true);
      for (const size of [1, 2, 3]) {
        const pool = clonePool(size);
        expect(match(people, { ...cfg, candidates: { use: 'always' }, pool })).toEqual(plain);
        expect(pool.jobs).toBe(1);
      }
    }
  });

  it('the peer candidate path (streamed pass on the pool) gives the single-threaded result, locked pairs and any block order included, on 1–3 workers', () => {
    const { people } = sampleCohort();
    const pool0 = people.slice(0, 60);
    const first = match(pool0, { mode: 'peer', candidates: { use: 'never' } });
    const [p, q] = first.pairs;
    const configs = [{}, { locked: [p!.peerIds] as [string, string][], excludedPartners: [q!.peerIds] as [string, string][] }, { peer: { odd: 'trio' as const }, candidates: { perMentee: 2 } }];
    for (const cfg of configs) {
      const plain = match(pool0, { mode: 'peer', ...cfg, candidates: { use: 'always', ...cfg.candidates } });
      expect(plain.search.certificate?.certified).toBe(true);
      for (const size of [1, 2, 3]) {
        const pool = clonePool(size, size === 2 ? (b) => [...Array(b).keys()].sort((x, y) => ((x * 7) % 5) - ((y * 7) % 5)) : undefined);
        expect(match(pool0, { mode: 'peer', ...cfg, candidates: { use: 'always', ...cfg.candidates }, pool })).toEqual(plain);
        expect(pool.jobs).toBe(1); // the streamed pass ran on the pool
      }
    }
  });

  it('the candidate path on a pool names the places locked pairs hold (the reason facts cross the threads)', () => {
    const mentee = (id: string) => ({ ...person({ id, roles: ['mentee'], wants: ['py'] }) });
    const people = [mentee('e1'), mentee('e2'), mentee('e3'), { ...person({ id: 'm1', roles: ['mentor'], offers: ['py'] }), capacity: { max: 2, min: 0 } }];
    const cfg = { rules: { notOwnManager: false }, locked: [['e2', 'm1'], ['e3', 'm1']] as [string, string][], candidates: { use: 'always' as const } };
    const dense = match(people, { ...cfg, candidates: { use: 'never' } });
    expect(dense.unmatched.find((u) => u.id === 'e1')?.reason.message).toMatch(/held by locked pairs: m1 \(e2, e3\)$/);
    const pool = clonePool(2);
    expect(match(people, { ...cfg, pool }).unmatched).toEqual(dense.unmatched);
    expect(pool.jobs).toBe(1);
  });

  it('refuses a pool that is not a ScoringPool with a ConfigError naming pool', () => {
    const { people } = sampleCohort();
    for (const pool of [{}, { size: 0, runRows() {} }, { size: 2 }, 3, { size: 2, runRows() {}, minPairs: -1 }]) {
      const e = expectMatchError(() => match(people, { pool: pool as never }), 'INVALID_CONFIG') as ConfigError;
      expect(e.issues.map((i) => i.message).join('\n')).toMatch(/^pool/mu);
    }
  });

  it('buildCompatibility refuses a bad options.pool with an InvalidInputError', () => {
    const { mentees, mentors } = sampleCohort();
    expectMatchError(() => buildCompatibility(mentees, mentors, {}, undefined, { pool: { size: 2 } as never }), 'INVALID_INPUT');
    expectMatchError(() => buildPeerCompatibility(mentees, {}, 5 as never), 'INVALID_INPUT');
  });

  it('a MatchError thrown by the pool comes out of match as itself', () => {
    const { people } = sampleCohort();
    const pool: ScoringPool = { size: 2, minPairs: 0, runRows: () => { throw errorFromPayload(errorToPayload(new TooLargeError('no room', { pairs: 3 }))); } };
    const e = expectMatchError(() => match(people, { pool }), 'TOO_LARGE');
    expect(e).toBeInstanceOf(TooLargeError);
    expect(e.details).toEqual({ pairs: 3 });
  });
});

describe('isScoringPool(x)', () => {
  it('wants a positive integer size, runRows, and minPairs ≥ 0 if given', () => {
    expect(isScoringPool({ size: 1, runRows() {} })).toBe(true);
    expect(isScoringPool({ size: 2, minPairs: 0, runRows() {} })).toBe(true);
    for (const x of [null, 1, {}, { size: 1.5, runRows() {} }, { size: 2, runRows: 1 }, { size: 2, runRows() {}, minPairs: Number.NaN }]) expect(isScoringPool(x)).toBe(false);
  });
});

describe('blockRows(rows, size)', () => {
  it('gives about eight blocks a worker, at least one row', () => {
    expect(blockRows(10_000, 2)).toBe(625);
    expect(blockRows(2, 3)).toBe(1);
    expect(blockRows(1, 1)).toBe(1);
  });
});

describe('ROW_PASSES and rowPass(name)', () => {
  it('has dense; an unknown name is an InvalidInputError', () => {
    expect(Object.keys(ROW_PASSES)).toEqual(['dense']);
    expect(rowPass('dense')).toBe(densePass);
    expectMatchError(() => rowPass('sparse'), 'INVALID_INPUT');
    expectMatchError(() => rowPass('toString'), 'INVALID_INPUT');
  });

  it('runRowJob(job) fills the buffers as buildCompatibility does', () => {
    const { mentees, mentors } = sampleCohort();
    const R = mentees.length;
    const C = mentors.length;
    const buffers = { scores: new SharedArrayBuffer(R * C * 8), forbidden: new SharedArrayBuffer(R * C), checks: new SharedArrayBuffer(R * C) };
    runRowJob({ kind: 'bipartite', rows: R, rowParticipants: mentees, colParticipants: mentors, config: resolveConfig({}), pass: 'dense', params: [], buffers });
    const m = buildCompatibility(mentees, mentors, {});
    expect(new Float64Array(buffers.scores)).toEqual(m.scores);
    expect(new Uint8Array(buffers.forbidden)).toEqual(m.forbidden);
    expect(new Uint8Array(buffers.checks)).toEqual(m.checks);
  });
});

describe('errorToPayload / errorFromPayload (a worker error, across threads)', () => {
  const cases: [string, MatchError][] = [
    ['ConfigError', new ConfigError(['weights.x: unknown criterion', 'mode: bad'])],
    ['ProfileError', new ProfileError([{ code: 'missing_field', field: 'id', message: 'row 2: id is missing', row: 2 } as never])],
    ['CsvFileError', new CsvFileError([{ code: 'missing_column', row: undefined, column: 'id', message: 'no id column' }], 'mentors CSV')],
    ['InvalidInputError', new InvalidInputError('bad', { argument: 'x' })],
    ['InfeasibleError', new InfeasibleError('none', { menteeId: 'a' })],
    ['WorkerError', new WorkerError('died', { worker: 1 })],
    ['MatchError', new MatchError('INSUFFICIENT_DATA', 'few', { needed: 50 })],
  ];
  it.each(cases)('%s comes back as the same class, code, message, details and issues', (_name, e) => {
    const back = errorFromPayload(structuredClone(errorToPayload(e)));
    expect(back.constructor).toBe(e.constructor);
    expect(back.name).toBe(e.name);
    expect(back.code).toBe(e.code);
    expect(back.message).toBe(e.message);
    expect(back.details).toEqual(e.details);
    expect((back as { issues?: unknown }).issues).toEqual((e as { issues?: unknown }).issues);
  });
  it('anything else becomes a WorkerError naming it', () => {
    const back = errorFromPayload(structuredClone(errorToPayload(new TypeError('x is not a function'))), 1);
    expect(back).toBeInstanceOf(WorkerError);
    expect(back.code).toBe('WORKER_FAILED');
    expect(back.details).toMatchObject({ worker: 1, name: 'TypeError', message: 'x is not a function' });
    expect(errorFromPayload(errorToPayload('boom')).code).toBe('WORKER_FAILED');
  });
});
