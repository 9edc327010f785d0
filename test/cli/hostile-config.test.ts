/**
 * The built CLI on hostile configs and cohorts (issue 12): `__proto__` in a config file
 * and weights that overflow are exit 4; a count that would wrap is exit 3 naming row and
 * column; a cohort over the memory limit is exit 6 with the estimate and what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sandbox, type CliRun, type Sandbox } from '../_helpers/cli-sandbox.js';

import { EXIT } from '../../src/cli/exit-codes.js';
import { memoryLimit } from '../../src/cli/commands/options.js';

let box: Sandbox;
const cli = (args: string[], env: Record<string, string> = {}): CliRun => box.cli(args, env);
const file = (name: string, text: string): string => box.file(name, text);

beforeAll(() => {
  box = sandbox('mentor-match-hostile-');
  file('cohort.csv', 'id,role,skills_offered,skills_wanted,capacity\nm1,mentor,go,,2\ne1,mentee,,go,\ne2,mentee,,go,\n');
});
afterAll(() => box.remove());

describe('mentor-match match on hostile input', () => {
  it('a config file with "__proto__" → exit 4 naming the key', () => {
    const r = cli(['match', 'cohort.csv', '--no-progress', '--config', file('proto.json', '{"__proto__": {"mode": "peer"}, "weights": {"skills": 1}}')]);
    expect(r.code).toBe(EXIT.invalidConfig);
    expect(r.err).toContain('__proto__');
  });

  it('weights that overflow → exit 4 naming the weights (match and recommend)', () => {
    const cfg = file('overflow.json', '{"weights":{"skills":1e308,"goals":8e307}}');
    const m = cli(['match', 'cohort.csv', '--no-progress', '--config', cfg]);
    expect(m.code).toBe(EXIT.invalidConfig);
    expect(m.err).toMatch(/weights:.*skills/);
    expect(cli(['recommend', 'cohort.csv', '--for', 'e1', '--config', cfg]).code).toBe(EXIT.invalidConfig);
  });

  it('capacity 4294967297 is an error on its row and column, not 1 seat', () => {
    const r = cli(['validate', file('big.csv', 'id,role,capacity\nm1,mentor,4294967297\ne1,mentee,\n')]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out + r.err).toMatch(/row 2, column 'capacity'.*2147483647/);
  });

  it('--memory-limit below the estimate → exit 6 with the estimate and advice; enough memory runs', () => {
    const r = cli(['match', 'cohort.csv', '--no-progress', '--memory-limit', '1'], {});
    expect(r.code).toBe(EXIT.ok);
    file('wide.csv', ['id,role', ...Array.from({ length: 300 }, (_, j) => `m${j},mentor`), ...Array.from({ length: 300 }, (_, i) => `e${i},mentee`)].join('\n'));
    const big = cli(['match', 'wide.csv', '--no-progress', '--memory-limit', '1']);
    expect(big.code).toBe(EXIT.tooLarge);
    expect(big.err).toMatch(/cohort too large: 300 mentees × 300 mentors/);
    expect(big.err).toMatch(/raise the limit/);
    expect(cli(['match', 'wide.csv', '--no-progress'], { MENTOR_MATCH_MEMORY_LIMIT: '1' }).code).toBe(EXIT.tooLarge);
    expect(cli(['match', 'wide.csv', '--no-progress', '--memory-limit', '0']).code).toBe(EXIT.usage);
  });
});

describe('memoryLimit(flag, config, env)', () => {
  it('flag (MB) first, then the config (bytes), then MENTOR_MATCH_MEMORY_LIMIT (MB), then 70% of the machine', () => {
    expect(memoryLimit(2, { memoryLimit: 5 }, { MENTOR_MATCH_MEMORY_LIMIT: '3' })).toBe(2 * 2 ** 20);
    expect(memoryLimit(undefined, { memoryLimit: 5 }, { MENTOR_MATCH_MEMORY_LIMIT: '3' })).toBe(5);
    expect(memoryLimit(undefined, {}, { MENTOR_MATCH_MEMORY_LIMIT: '3' })).toBe(3 * 2 ** 20);
    expect(memoryLimit(undefined, {}, {})).toBeGreaterThan(0);
    expect(() => memoryLimit(undefined, {}, { MENTOR_MATCH_MEMORY_LIMIT: 'lots' })).toThrow(/MENTOR_MATCH_MEMORY_LIMIT/);
  });
});
