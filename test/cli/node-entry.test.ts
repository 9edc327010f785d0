/**
 * `mentor-match/node` as shipped (dist/node.js, built by the global setup next to
 * dist/score-worker.js): its pool works with the main bundle (dist/index.js), and errors
 * from its workers are the main bundle's own classes.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { ROOT } from '../_helpers/cli-sandbox.js';
import { sampleCohort } from '../score/_pool-cases.js';

type Index = typeof import('../../src/index.js');
type Node = typeof import('../../src/node.js');

describe('mentor-match/node (dist/node.js)', () => {
  it('createWorkerPool scores for dist/index.js: the same match; a worker ConfigError is dist/index.js\'s ConfigError', async () => {
    const core = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Index;
    const node = (await import(pathToFileURL(join(ROOT, 'dist/node.js')).href)) as Node;
    expect(node.PARALLEL_MIN_PAIRS).toBe(2_000_000);
    const { people, mentees, mentors } = sampleCohort();
    const pool = node.createWorkerPool({ size: 2, minPairs: 0 });
    try {
      expect(core.match(people, { mode: 'peer', pool })).toEqual(core.match(people, { mode: 'peer' }));
      const m = core.buildCompatibility(mentees, mentors, {}, undefined, { pool });
      expect(m.scores).toEqual(core.buildCompatibility(mentees, mentors, {}).scores);
      // A job the workers refuse (a banned pair naming nobody), through a pool that rewrites the job.
      const bad = core.resolveConfig({ rules: { bannedPairs: [['nobody', 'none']] } });
      const rewriting = { size: 2, minPairs: 0, runRows: (job: Parameters<typeof pool.runRows>[0]) => pool.runRows({ ...job, config: bad }) };
      let thrown: unknown;
      try {
        core.buildCompatibility(mentees, mentors, {}, undefined, { pool: rewriting });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(core.ConfigError);
      expect((thrown as InstanceType<Index['ConfigError']>).issues.join('\n')).toMatch(/nobody/u);
    } finally {
      await pool.close();
    }
  });
});
