/**
 * resolveConfig on hostile values (issue 12): an own `__proto__` key is an unknown key
 * wherever it is; weights whose sum overflows and trait ranges that overflow are
 * ConfigErrors naming them; ids in rules compare as participants' ids do.
 */
import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/errors.js';
import { resolveConfig, type ScoringConfig } from '../../src/score/config.js';
import { expectMatchError } from '../_helpers/expect-error.js';

const issuesOf = (config: unknown): readonly string[] => (expectMatchError(() => resolveConfig(config as ScoringConfig), 'INVALID_CONFIG') as ConfigError).issues.map((i) => i.message);

describe('resolveConfig(config): __proto__ keys', () => {
  it.each([
    ['top level', '{"__proto__": {"x": 1}}', '__proto__'],
    ['in weights (a record zod would drop it from)', '{"weights": {"__proto__": 5, "skills": 1}}', 'weights.__proto__'],
    ['in personality.traits', '{"personality": {"traits": {"__proto__": {"min": 0, "max": 1}}}}', 'personality.traits.__proto__'],
    ['in rules', '{"rules": {"__proto__": {"notOwnManager": false}}}', 'rules.__proto__'],
  ])('%s → ConfigError naming the key', (_, json, path) => {
    const issues = issuesOf(JSON.parse(json));
    expect(issues.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });
});

describe('resolveConfig(config): numbers that overflow', () => {
  it('weights whose sum is not finite → ConfigError naming the weights', () => {
    const issues = issuesOf({ weights: { skills: 1e308, goals: 8e307 } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^weights:/);
    expect(issues[0]).toContain('skills 1e+308');
    expect(issues[0]).toContain('goals 8e+307');
  });

  it('custom criteria count in the sum', () => {
    const issues = issuesOf({ weights: { skills: 1e308 }, custom: [{ attribute: 'site', weight: 1e308 }] });
    expect(issues[0]).toContain('custom:site 1e+308');
  });

  it('large weights whose sum is finite are accepted (only ratios matter)', () => {
    expect(resolveConfig({ weights: { skills: 1e300, goals: 1e300 } }).weights.skills.weight).toBe(1e300);
  });

  it('a personality range max − min that overflows → ConfigError naming the trait', () => {
    const issues = issuesOf({ personality: { traits: { openness: { min: -1e308, max: 1e308 } } } });
    expect(issues).toEqual([expect.stringMatching(/^personality\.traits\.openness:.*finite/)]);
  });
});

describe('resolveConfig(config): ids in rules', () => {
  it('banned and required pairs are normalised as ids are (NFC, zero-width characters removed)', () => {
    const c = resolveConfig({ rules: { bannedPairs: [['Jose\u0301', 'a\u200Bna']], requiredPairs: [[' b ', 7]] } });
    expect(c.rules.bannedPairs).toEqual([['Jos\u00e9', 'ana']]);
    expect(c.rules.requiredPairs).toEqual([['b', '7']]);
  });

  it('an id that is empty after normalisation → ConfigError', () => {
    issuesOf({ rules: { bannedPairs: [['\u200B', 'a']] } });
  });
});
