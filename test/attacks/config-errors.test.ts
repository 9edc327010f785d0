/**
 * Issue 12, item 14d: `{"weights":{"skils":3,"goals":-1}}` reported only `goals`, and
 * `skils` only after that was fixed. Every problem of a config is now listed at once —
 * unknown keys anywhere with a "did you mean" for near misses, values in words with what
 * was found — in one ConfigError, from `resolveConfig`, `match`, `recommend` and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import type { ConfigError } from '../../src/errors.js';
import { match, recommend, type MatchConfig } from '../../src/index.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { nearMiss } from '../../src/score/_internal/near-miss.js';
import { resolveConfig, type ScoringConfig } from '../../src/score/config.js';
import { expectMatchError } from '../_helpers/expect-error.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const CRITERIA_LIST = "expected one of skills, goals, interests, availability, timeZone, personality, languages, department, location, seniority; custom attributes go in 'custom'";
const people = parseParticipants([
  { id: 'm1', roles: ['mentor'], skillsOffered: ['go'], capacity: 2 },
  { id: 'e1', roles: ['mentee'], skillsWanted: ['go'] },
]);
const issuesOf = (f: () => unknown): readonly string[] => (expectMatchError(f, 'INVALID_CONFIG') as ConfigError).issues.map((i) => i.message);
/** zod's own wording, which must not reach a user. */
const RAW_ZOD = /Too small|Too big|Invalid input|Invalid option|Unrecognized key|received|expected number to be|>=|<=/;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-config-errors-'));
  writeFileSync(join(dir, 'cohort.csv'), 'id,role,skills_offered,skills_wanted,capacity\nm1,mentor,go,,2\ne1,mentee,,go,\n');
  writeFileSync(join(dir, 'config.json'), '{"mode":"pear","weights":{"skils":3,"goals":-1},"group":{"minSize":3,"maxSize":2}}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveConfig(config) lists every problem at once', () => {
  it('{ weights: { skils: 3, goals: -1 } } → both, in words, with a did-you-mean', () => {
    expect(issuesOf(() => resolveConfig({ weights: { skils: 3, goals: -1 } }))).toEqual([
      'weights.goals: expected a number ≥ 0; found -1',
      `weights.skils: unknown criterion; did you mean 'skills'? (${CRITERIA_LIST})`,
    ]);
  });

  it('unknown keys at every depth, with near misses, next to bad values and checks across values', () => {
    const issues = issuesOf(() =>
      resolveConfig({
        skils: { rarity: true },
        model: { missin: 'ignore' },
        weights: { languages: { weight: 1, mus: true }, goals: 'hi' },
        seniority: { minGap: 3, maxGap: 1 },
        custom: [{ attribute: '', prefer: 'sam' }],
        referenceDate: '2026-13-45',
      } as unknown as ScoringConfig),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        "skils: unknown key; did you mean 'skills'?",
        "model.missin: unknown key; did you mean 'missing'? (expected one of missing, uninformative)",
        "weights.languages.mus: unknown key; did you mean 'must'? (expected one of weight, must)",
        "weights.goals: expected a weight: a number ≥ 0, 'low', 'medium', 'high', 'must' or { weight, must }; found \"hi\"",
        'custom[0].attribute: expected non-empty text; found ""',
        "custom[0].prefer: expected 'same' or 'different'; found \"sam\"; did you mean 'same'?",
        'seniority: expected maxGap ≥ minGap; found 3..1',
        'referenceDate: expected a valid date; found 2026-13-45',
      ]),
    );
    expect(issues).toHaveLength(8);
    for (const line of issues) expect(line).not.toMatch(RAW_ZOD);
  });

  it('a key with nothing near lists what is expected instead', () => {
    expect(issuesOf(() => resolveConfig({ model: { colour: 'red' } } as unknown as ScoringConfig))).toEqual(['model.colour: unknown key; expected one of missing, uninformative']);
  });
});

describe('match(people, config) and recommend: the match options and the scoring part in one error', () => {
  it('{ mode: "pear", weights: { skils: 3, goals: -1 }, group: { minSize: 3, maxSize: 2 } } → all four', () => {
    const issues = issuesOf(() => match(people, { mode: 'pear', weights: { skils: 3, goals: -1 }, group: { minSize: 3, maxSize: 2 } } as unknown as MatchConfig));
    expect(issues).toEqual([
      'weights.goals: expected a number ≥ 0; found -1',
      `weights.skils: unknown criterion; did you mean 'skills'? (${CRITERIA_LIST})`,
      "mode: expected one of 'one-to-one', 'capacity', 'group', 'peer' or 'reverse'; found \"pear\"; did you mean 'peer'?",
      'group: expected minSize ≤ maxSize; found 3 > 2',
    ]);
  });

  it('a top-level near miss of a match option is found from the scoring side too (mod → mode)', () => {
    expect(issuesOf(() => match(people, { mod: 'peer' } as unknown as MatchConfig))).toEqual(["mod: unknown key; did you mean 'mode'?"]);
  });

  it('recommend: a bad for/k and a bad config in one error', () => {
    const issues = issuesOf(() => recommend(people, { for: 'e1', k: -1, weights: { skils: 1 } } as never));
    expect(issues[0]).toMatch(/^k: expected an integer from 0/);
    expect(issues[1]).toMatch(/^weights\.skils: unknown criterion; did you mean 'skills'\?/);
  });

  it('a valid config still resolves as before', () => {
    expect(resolveConfig({ weights: { skills: 'must', goals: 5 } }).weights.goals).toEqual({ weight: 5, must: false });
    expect(match(people, { mode: 'one-to-one' }).pairs).toHaveLength(1);
  });
});

describe('mentor-match match --config with several problems', () => {
  it('exit 4, every problem on stderr at once', () => {
    const r = spawnSync(process.execPath, [CLI, 'match', 'cohort.csv', '--no-progress', '--config', 'config.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(EXIT.invalidConfig);
    expect(r.stderr).toContain('weights.goals: expected a number ≥ 0; found -1');
    expect(r.stderr).toContain("weights.skils: unknown criterion; did you mean 'skills'?");
    expect(r.stderr).toContain("found \"pear\"; did you mean 'peer'?");
    expect(r.stderr).toContain('group: expected minSize ≤ maxSize; found 3 > 2');
    expect(r.stderr).not.toMatch(RAW_ZOD);
  });
});

describe('nearMiss(word, known)', () => {
  it.each([
    ['skils', 'skills'],
    ['timezone', 'timeZone'],
    ['time_zone', 'timeZone'],
    ['goal', 'goals'],
    ['sklils', 'skills'],
    ['colour', undefined],
    ['skills', undefined],
  ])('%s → %s', (word, hint) => {
    expect(nearMiss(word, ['skills', 'goals', 'timeZone', 'location'])).toBe(hint);
  });
});
