/**
 * `mentor-match/node` as shipped (dist/node.js, built by the global setup next to
 * dist/score-worker.js): its pool works with another copy of the core (here the sources,
 * as dist/index.js would be), and errors from its workers are that copy's own classes.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import * as core from '../../src/index.js';
import { ROOT } from '../_helpers/cli-sandbox.js';
import { sampleCohort } from '../score/_pool-cases.js';

type Node = typeof import('../../src/node.js');

describe('mentor-match/node (dist/node.js)', () => {
  it('createWorkerPool scores for another copy of the core: the same match; a worker ConfigError is that copy\'s ConfigError', async () => {
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
      expect((thrown as core.ConfigError).issues.map((i) => i.message).join('\n')).toMatch(/nobody/u);
    } finally {
      await pool.close();
    }
  });
});
