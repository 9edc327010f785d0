import { describe, expect, it } from 'vitest';

import { calibrateWeights, type HistoryEntry } from '../../src/evaluate/calibrate.js';
import { pairFeatures } from '../../src/evaluate/_internal/features.js';
import { mulberry32 } from '../../src/evaluate/_internal/folds.js';
import type { Participant } from '../../src/profile/types.js';
import type { MatchConfig } from '../../src/match/config.js';
import { CRITERIA, resolveConfig, type ScoringConfig } from '../../src/score/config.js';
import { explainPair } from '../../src/score/explain.js';
import { buildCompatibility } from '../../src/score/matrix.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { person, slot } from '../score/_people.js';

// ---------------------------------------------------------------------------
// A seeded synthetic cohort where every criterion varies.
// ---------------------------------------------------------------------------

const SKILLS = ['python', 'sql', 'ml', 'design', 'sales', 'finance', 'go', 'rust', 'speaking', 'writing', 'ops', 'legal'];
const GOALS = ['promotion', 'leadership', 'career-change', 'network', 'technical-depth', 'visibility', 'balance', 'startup'];
const INTERESTS = ['chess', 'running', 'music', 'cooking', 'travel', 'film', 'hiking', 'games', 'art', 'books'];
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata'];
const LANGS = ['english', 'german', 'french', 'spanish'];
const PLACES = ['a', 'b', 'c', 'd'];
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

function cohort(mentees: number, mentors: number, seed: number): { mentees: Participant[]; mentors: Participant[] } {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[], k: number): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, k);
  };
  const slots = (): ReturnType<typeof slot>[] =>
    pick([0, 1, 2, 3, 4], int(1, 3)).map((d) => {
      const h = int(7, 18);
      return slot(d, `${String(h).padStart(2, '0')}:00`, `${String(h + int(1, 3)).padStart(2, '0')}:00`);
    });
  const common = (id: string, roles: ('mentor' | 'mentee')[]) => ({
    id,
    roles,
    goals: pick(GOALS, int(1, 3)),
    interests: pick(INTERESTS, int(1, 4)),
    languages: pick(LANGS, int(1, 2)),
    department: PLACES[int(0, 3)],
    location: PLACES[int(0, 3)],
    timeZone: ZONES[int(0, ZONES.length - 1)],
    availability: slots(),
    personality: Object.fromEntries(TRAITS.map((t) => [t, int(0, 100)])),
  });
  return {
    mentees: Array.from({ length: mentees }, (_, k) =>
      person({ ...common(`e${k}`, ['mentee']), wants: pick(SKILLS, int(1, 3)).map((s) => `${s}:${int(1, 4)}`), seniority: int(1, 3) }),
    ),
    mentors: Array.from({ length: mentors }, (_, k) =>
      person({ ...common(`m${k}`, ['mentor']), offers: pick(SKILLS, int(3, 6)).map((s) => `${s}:${int(2, 5)}`), seniority: int(2, 6) }),
    ),
  };
}

/** Standard normal (Box–Muller) from a seeded uniform stream. */
function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface Synthetic {
  readonly people: Participant[];
  readonly pairs: [string, string][];
  /** n × p criterion scores, missing scores replaced by the criterion's mean. */
  readonly X: number[][];
  readonly names: readonly string[];
}

function synthetic(n: number, seed: number): Synthetic {
  const { mentees, mentors } = cohort(n, Math.max(10, Math.round(n / 4)), seed);
  const rand = mulberry32(seed + 7);
  const idx: [number, number][] = mentees.map((_, i) => [i, Math.floor(rand() * mentors.length)]);
  const f = pairFeatures(mentees, mentors, idx, resolveConfig({}));
  const means = f.names.map((_, c) => {
    let s = 0;
    let k = 0;
    for (let r = 0; r < f.n; r++) {
      const v = f.values[r * f.p + c];
      if (v === v) {
        s += v;
        k++;
      }
    }
    return k ? s / k : 0;
  });
  const X = idx.map((_, r) => f.names.map((_, c) => (f.values[r * f.p + c] === f.values[r * f.p + c] ? f.values[r * f.p + c] : means[c])));
  return {
    people: [...mentees, ...mentors],
    pairs: idx.map(([i, j]) => [mentees[i].id, mentors[j].id]),
    X,
    names: f.names,
  };
}

/** Ratings 1.5 + 3 · Σ share_c · score_c + N(0, sd), clamped to 1–5. */
function ratings(s: Synthetic, shares: Record<string, number>, sd: number, seed: number): HistoryEntry[] {
  const rand = mulberry32(seed);
  return s.pairs.map(([e, m], r) => {
    let v = 1.5;
    s.names.forEach((name, c) => (v += 3 * (shares[name] ?? 0) * s.X[r][c]));
    v += sd * gauss(rand);
    return { menteeId: e, mentorId: m, outcome: Math.min(5, Math.max(1, v)) };
  });
}

const TRUE_SHARES: Record<string, number> = { skills: 0.35, goals: 0.2, availability: 0.15, personality: 0.1, languages: 0.1, seniority: 0.1 };
const ZERO = ['interests', 'timeZone', 'department', 'location'];

// ---------------------------------------------------------------------------

describe('calibrateWeights(history, participants) features', () => {
  it('scores each criterion exactly as buildCompatibility/explainPair do (also with skills.rarity)', () => {
    const { mentees, mentors } = cohort(12, 9, 3);
    for (const config of [{}, { skills: { rarity: true }, custom: [{ attribute: 'team' }] }] as ScoringConfig[]) {
      const everyOn = { ...config, weights: Object.fromEntries(CRITERIA.map((c) => [c, 1])) };
      const m = buildCompatibility(mentees, mentors, everyOn);
      const idx: [number, number][] = [];
      for (let i = 0; i < mentees.length; i++) for (let j = 0; j < mentors.length; j++) idx.push([i, j]);
      const f = pairFeatures(mentees, mentors, idx, resolveConfig(config));
      expect(f.names).toEqual(m.criteria.map((c) => c.name));
      idx.forEach(([i, j], r) => {
        const e = explainPair(m, i, j);
        e.criteria.forEach((c, k) => {
          const v = f.values[r * f.p + k];
          if (c.score === null) expect(v).toBeNaN();
          else expect(v).toBeCloseTo(c.score, 12);
        });
      });
    }
  });
});

describe('calibrateWeights(history, participants) on synthetic outcomes', () => {
  // Measured over 20 seeds (400 pairs, noise sd 0.1): the largest error of a normalised
  // share was 0.008–0.024 (max 0.024); the test allows 0.05.
  it('recovers known weights (400 pairs, noise sd 0.1: every share within 0.05)', () => {
    const s = synthetic(400, 11);
    const history = ratings(s, TRUE_SHARES, 0.1, 5);
    const fit = calibrateWeights(history, s.people);
    expect(fit.pairs).toBe(400);
    expect(fit.verdict).toBe('predictive');
    expect(fit.adopted).toBe(true);
    expect(fit.r2).toBeGreaterThan(0.8);
    expect(fit.cvRmse).toBeLessThan(0.5 * fit.baselineRmse);
    let worst = 0;
    for (const c of fit.criteria) {
      expect(c.status).not.toBe('not-fitted');
      const err = Math.abs(c.share - (TRUE_SHARES[c.name] ?? 0));
      worst = Math.max(worst, err);
      expect(err, c.name).toBeLessThan(0.05);
    }
    for (const name of ZERO) expect(fit.criteria.find((c) => c.name === name)!.status).toBe('not-predictive');
    for (const name of Object.keys(TRUE_SHARES)) expect(fit.criteria.find((c) => c.name === name)!.status).toBe('predictive');
    // Normalised like the config's current weights (defaults sum to 15) and written into config.
    const total = Object.values(fit.weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(15, 2);
    expect(fit.config.weights?.skills).toBe(fit.weights.skills);
    expect(worst).toBeLessThan(0.05);
  });

  it("does not invent structure from pure noise: R² near 0, verdict 'not-predictive', old weights kept", () => {
    const s = synthetic(400, 12);
    const rand = mulberry32(99);
    const history = s.pairs.map(([e, m]) => ({ menteeId: e, mentorId: m, outcome: 1 + Math.floor(rand() * 5) }));
    const config: ScoringConfig = { weights: { skills: 'must', goals: 4 } };
    const fit = calibrateWeights(history, s.people, config);
    expect(fit.r2).toBeLessThan(0.05);
    expect(fit.cvRmse).toBeGreaterThanOrEqual(fit.baselineRmse * 0.99);
    expect(fit.verdict).toBe('not-predictive');
    expect(fit.adopted).toBe(false);
    expect(fit.config).toBe(config);
    expect(fit.message).toMatch(/Not predictive/);
    expect(fit.criteria.every((c) => c.status === 'not-predictive')).toBe(true);
  });

  it('pure noise is judged not-predictive on (almost) every seed', () => {
    const s = synthetic(200, 13);
    let predictive = 0;
    const seeds = 30;
    for (let seed = 0; seed < seeds; seed++) {
      const rand = mulberry32(1000 + seed);
      const history = s.pairs.map(([e, m]) => ({ menteeId: e, mentorId: m, outcome: 1 + 4 * rand() }));
      const fit = calibrateWeights(history, s.people);
      expect(fit.r2).toBeLessThan(0.15);
      if (fit.adopted) predictive++;
    }
    expect(predictive).toBe(0);
  });

  it('works with boolean outcomes (goal achieved → 1 / 0)', () => {
    const s = synthetic(600, 14);
    const rand = mulberry32(8);
    const history = s.pairs.map(([e, m], r) => {
      const p = 0.1 + 0.8 * (0.6 * s.X[r][s.names.indexOf('skills')] + 0.4 * s.X[r][s.names.indexOf('goals')]);
      return { menteeId: e, mentorId: m, outcome: rand() < p };
    });
    const fit = calibrateWeights(history, s.people);
    expect(fit.outcome).toBe('goal');
    expect(fit.verdict).not.toBe('not-predictive');
    const top = [...fit.criteria].sort((a, b) => b.share - a.share).slice(0, 2).map((c) => c.name);
    expect(new Set(top)).toEqual(new Set(['skills', 'goals']));
  });

  it("lambda: 'cv' picks a ridge strength from the grid and still recovers the weights", () => {
    const s = synthetic(300, 15);
    const fit = calibrateWeights(ratings(s, TRUE_SHARES, 0.1, 6), s.people, {}, { lambda: 'cv', seed: 3 });
    expect([0.001, 0.01, 0.1, 1, 10]).toContain(fit.lambda);
    expect(fit.verdict).toBe('predictive');
    for (const c of fit.criteria) expect(Math.abs(c.share - (TRUE_SHARES[c.name] ?? 0)), c.name).toBeLessThan(0.07);
  });

  it('is deterministic: same input and seed → same numbers', () => {
    const s = synthetic(120, 16);
    const h = ratings(s, TRUE_SHARES, 0.3, 1);
    expect(calibrateWeights(h, s.people, {}, { seed: 4 })).toEqual(calibrateWeights(h, s.people, {}, { seed: 4 }));
  });

  it('keeps must criteria must, and leaves unlisted or non-varying criteria at their weights', () => {
    const s = synthetic(300, 17);
    const config: ScoringConfig = { weights: { skills: 'must', location: 7 } };
    const fit = calibrateWeights(ratings(s, TRUE_SHARES, 0.1, 2), s.people, config, {
      criteria: ['skills', 'goals', 'availability', 'personality', 'languages', 'seniority'],
    });
    expect(fit.adopted).toBe(true);
    expect(fit.config.weights?.skills).toEqual({ weight: fit.weights.skills, must: true });
    expect(fit.config.weights?.location).toBe(7);
    const loc = fit.criteria.find((c) => c.name === 'location')!;
    expect(loc.status).toBe('not-fitted');
    expect(loc.weight).toBe(7);
    // The six fitted criteria sum like their previous weights (3 + 2 + 2 + 1 + 2 + 1).
    const fitted = fit.criteria.filter((c) => c.status !== 'not-fitted').reduce((a, c) => a + c.weight, 0);
    expect(fitted).toBeCloseTo(11, 2);
    expect(() => resolveConfig(fit.config)).not.toThrow();
  });

  it('accepts a whole match config and returns it with its match options and rules', () => {
    const s = synthetic(200, 21);
    const config: MatchConfig = { mode: 'capacity', minScore: 10, rules: { bannedPairs: [['x', 'y']] } };
    const fit = calibrateWeights(ratings(s, TRUE_SHARES, 0.1, 2), s.people, config);
    expect(fit.adopted).toBe(true);
    expect(fit.config).toMatchObject({ mode: 'capacity', minScore: 10, rules: { bannedPairs: [['x', 'y']] } });
    expect(config.weights).toBeUndefined();
  });

  it('imputes a missing criterion score with its mean and counts how often', () => {
    const s = synthetic(200, 18);
    // Ten mentees lose their languages: the criterion does not apply to their pairs.
    const dropped = new Set(s.pairs.slice(0, 10).map(([e]) => e));
    const people = s.people.map((q) => (dropped.has(q.id) ? { ...q, languages: [] } : q));
    const fit = calibrateWeights(ratings(s, TRUE_SHARES, 0.1, 3), people);
    const lang = fit.criteria.find((c) => c.name === 'languages')!;
    expect(lang.imputed).toBe(10);
    expect(lang.applies).toBe(190);
  });

  it('a criterion with no data is not fitted and does not count towards the minimum', () => {
    const s = synthetic(60, 19);
    const people = s.people.map((q) => ({ ...q, personality: {} }));
    const fit = calibrateWeights(ratings(s, TRUE_SHARES, 0.1, 3), people, {}, { criteria: ['skills', 'goals', 'personality'] });
    const pers = fit.criteria.find((c) => c.name === 'personality')!;
    expect(pers.status).toBe('not-fitted');
    expect(pers.applies).toBe(0);
    expect(pers.meanScore).toBeNull();
    expect(fit.minPairs).toBe(20);
  });
});

describe('calibrateWeights(history, participants) refuses', () => {
  const s = synthetic(100, 20);
  const h = ratings(s, TRUE_SHARES, 0.1, 1);

  it('too little history, saying how many pairs were given and how many are needed', () => {
    const e = expectMatchError(() => calibrateWeights(h.slice(0, 49), s.people), 'INSUFFICIENT_DATA');
    expect(e.message).toMatch(/49 pairs given; 50 needed/);
    expect(() => calibrateWeights(h.slice(0, 19), s.people, {}, { criteria: ['skills'] })).toThrow(/19 pairs given; 20 needed/);
    expect(() => calibrateWeights([], s.people)).toThrow(/0 pairs given/);
  });

  it('outcomes without variance', () => {
    expectMatchError(() => calibrateWeights(h.map((x) => ({ ...x, outcome: 4 })), s.people), 'INSUFFICIENT_DATA');
    expect(() => calibrateWeights(h.map((x) => ({ ...x, outcome: true })), s.people)).toThrow(/all 100 outcomes are true/);
  });

  it('unknown ids, wrong roles, self pairs, bad or mixed outcomes', () => {
    const menteeId = h[0].menteeId;
    const mentorId = h[0].mentorId;
    const cases: [HistoryEntry, RegExp][] = [
      [{ menteeId: 'nobody', mentorId, outcome: 3 }, /unknown mentee id 'nobody'/],
      [{ menteeId, mentorId: 'ghost', outcome: 3 }, /unknown mentor id 'ghost'/],
      [{ menteeId: mentorId, mentorId, outcome: 3 }, /given as the mentee but has roles \[mentor\]/],
      [{ menteeId, mentorId: menteeId, outcome: 3 }, /given as the mentor but has roles \[mentee\]/],
      [{ menteeId, mentorId, outcome: 6 }, /rating 1–5 or a boolean; found 6/],
      [{ menteeId, mentorId, outcome: Number.NaN }, /rating 1–5/],
      [{ menteeId, mentorId, outcome: true }, /boolean but earlier outcomes are ratings/],
    ];
    for (const [bad, msg] of cases) {
      const e = expectMatchError(() => calibrateWeights([...h.slice(0, 60), bad, ...h.slice(60)], s.people), 'INVALID_INPUT');
      expect(e.message).toMatch(msg);
      expect(e.message).toMatch(/history\[60\]/);
    }
    const both = person({ id: 'both', roles: ['mentee', 'mentor'] });
    expect(() => calibrateWeights([...h, { menteeId: 'both', mentorId: 'both', outcome: 3 }], [...s.people, both])).toThrow(/paired with themself/);
  });

  it('bad options', () => {
    for (const o of [{ lambda: -1 }, { lambda: 0 }, { folds: 1 }, { folds: 2.5 }, { criteria: ['skils'] }, { scale: 0 }]) {
      expectMatchError(() => calibrateWeights(h, s.people, {}, o as never), 'INVALID_INPUT');
    }
  });

  it('an invalid config with ConfigError', () => {
    expectMatchError(() => calibrateWeights(h, s.people, { weights: { skills: -1 } } as never), 'INVALID_CONFIG');
  });
});

