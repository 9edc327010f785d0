import { describe, expect, it } from 'vitest';
import { ConfigError, isMatchError } from '../../src/errors.js';
import { DEFAULT_WEIGHTS, resolveConfig } from '../../src/score/config.js';

function issues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect(isMatchError(e) && e.code).toBe('INVALID_CONFIG');
    return (e as ConfigError).issues.map((i) => i.message);
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig(config)', () => {
  it('fills every default: tiers, reference date, rule switches', () => {
    const c = resolveConfig({});
    expect(c.weights.skills).toEqual({ weight: 3, must: false });
    expect(c.weights.interests).toEqual({ weight: 1, must: false });
    expect(Object.keys(c.weights)).toEqual(Object.keys(DEFAULT_WEIGHTS));
    expect(c.referenceDate.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(c.rules.notOwnManager).toBe(true);
    expect(c.rules.maxTimeZoneGapHours).toBe(Infinity);
    expect(c.traits.map((t) => t.name)).toEqual(['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']);
  });

  it("reads weights as numbers, tiers, 'must' or { weight, must }", () => {
    const c = resolveConfig({ weights: { skills: 'must', goals: 5, interests: 'medium', languages: { weight: 'low', must: true }, location: 0 } });
    expect(c.weights.skills).toEqual({ weight: 3, must: true });
    expect(c.weights.goals).toEqual({ weight: 5, must: false });
    expect(c.weights.interests).toEqual({ weight: 2, must: false });
    expect(c.weights.languages).toEqual({ weight: 1, must: true });
    expect(c.weights.location).toEqual({ weight: 0, must: false });
  });

  it('lists every problem: unknown criterion, negative weight, unknown key, bad date, bad ranges', () => {
    const list = issues(() =>
      resolveConfig({ weights: { skils: 1, goals: -1 }, referenceDate: '2026-13-45', colour: 'red' } as never),
    );
    expect(list.some((l) => l.startsWith('weights.goals'))).toBe(true);
    expect(list.some((l) => l.includes('colour'))).toBe(true);
    const more = issues(() => resolveConfig({ weights: { skils: 1 }, seniority: { minGap: 3, maxGap: 1 }, personality: { traits: { d: { mode: 'similar' } } } }));
    expect(more).toEqual([
      "weights.skils: unknown criterion; did you mean 'skills'? (expected one of skills, goals, interests, availability, timeZone, personality, languages, department, location, seniority; custom attributes go in 'custom')",
      'personality.traits.d: expected min and max (not a default trait)',
      'seniority: expected maxGap ≥ minGap; found 3..1',
    ]);
  });

  it('custom attributes become criteria named custom:<attribute> (normalised); reverse skills are normalised', () => {
    const c = resolveConfig({ custom: [{ attribute: ' Site-Code ' }], rules: { reverseSkills: ['Social_Media'] } });
    expect(c.custom).toEqual([{ name: 'custom:site code', attribute: 'site code', prefer: 'same', weight: { weight: 2, must: false } }]);
    expect(c.rules.reverseSkills).toEqual(['social media']);
  });
});
