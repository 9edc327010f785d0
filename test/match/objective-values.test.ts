import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { MatchConfig } from '../../src/match/config.js';
import { match } from '../../src/match/match.js';
import type { Participant } from '../../src/profile/types.js';
import { only, person } from '../score/_people.js';

const skillsOnly: MatchConfig = { weights: only({ skills: 1 }) as MatchConfig['weights'], rules: { notOwnManager: false } };
const mentor = (id: string, offers: string[], max = 1): Participant => ({ ...person({ id, roles: ['mentor'], offers }), capacity: { max, min: 0 } });
const mentee = (id: string, wants: string[]): Participant => person({ id, wants });

describe('match(…): every objective value is what its TSDoc says', () => {
  it('fairness: the floor is the lowest pair score, bonuses excluded (priority does not lift it)', () => {
    // a–x 1.0, b–y 0.5: the lowest pair is 50 whatever the priority bonus.
    const people = [mentee('a', ['p']), mentee('b', ['p', 'q']), mentor('x', ['p']), mentor('y', ['p'])];
    const r = match(people, { ...skillsOnly, mode: 'one-to-one', objective: 'fairness', priority: ['a', 'b'] });
    expect(r.stats.lowestScore).toBe(50);
    expect(r.objective.value).toBe(50);
  });

  it('peer mode honours fairness: a bottleneck search around the blossom, with the price of fairness', () => {
    // Skills: a and b teach each other (1.0); c and d each want what only a or b offers.
    const pool = ['a', 'b', 'c', 'd'].map((id) => person({ id }));
    const spec: Record<string, { offers: string[]; wants: string[] }> = {
      a: { offers: ['x'], wants: ['y'] },
      b: { offers: ['y'], wants: ['x'] },
      c: { offers: ['y'], wants: ['z'] },
      d: { offers: ['z'], wants: ['w'] },
    };
    const peers = pool.map((p) => person({ id: p.id, offers: spec[p.id].offers, wants: spec[p.id].wants }));
    const best = match(peers, { ...skillsOnly, mode: 'peer' });
    const fair = match(peers, { ...skillsOnly, mode: 'peer', objective: 'fairness' });
    expect(fair.objective.name).toBe('fairness');
    expect(fair.objective.value).toBeCloseTo(fair.stats.lowestScore, 9);
    expect(fair.stats.lowestScore).toBeGreaterThanOrEqual(best.stats.lowestScore);
    expect(fair.objective.priceOfFairness).toBeGreaterThanOrEqual(0);
    expect(fair.stats.pairs).toBe(best.stats.pairs);
  });

  it('peer circles with fairness are a ConfigError naming the combination', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person({ id }));
    expect(() => match(pool, { mode: 'peer', objective: 'fairness', peer: { circleSize: 3 } })).toThrow(ConfigError);
    expect(() => match(pool, { mode: 'peer', objective: 'fairness', peer: { circleSize: 3 } })).toThrow(/fairness.*circleSize/);
  });

  it('circles report their pairs in stats (not 0), and say the search was a heuristic', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person({ id, interests: ['chess'] }));
    const r = match(pool, { mode: 'peer', peer: { circleSize: 3 }, rules: { notOwnManager: false } });
    expect(r.groups).toHaveLength(2);
    expect(r.stats.pairs).toBe(6); // 3 pairs inside each circle of 3
    expect(r.stats.meanScore).toBeGreaterThan(0);
    expect(r.stats.totalScore).toBeCloseTo(r.objective.value, 9);
    expect(r.search).toMatchObject({ exact: false, converged: true });
  });

  it('stats name the lowest pair lowestScore (the option minScore forbids pairs); exact solvers say exact', () => {
    const r = match([mentee('a', ['p']), mentor('x', ['p'])], skillsOnly);
    expect(r.stats).toHaveProperty('lowestScore', 100);
    expect(r.stats).not.toHaveProperty('minScore');
    expect(r.search).toEqual({ exact: true, converged: true, moves: 0 });
  });

  it('group mode with cohesion says its search is a heuristic and how many moves it made', () => {
    const people = [
      { ...mentee('a', ['p']), goals: ['g1'] },
      { ...mentee('b', ['p']), goals: ['g2'] },
      { ...mentee('c', ['p']), goals: ['g1'] },
      { ...mentee('d', ['p']), goals: ['g2'] },
      mentor('x', ['p'], 2),
      mentor('y', ['p'], 2),
    ];
    const r = match(people, { ...skillsOnly, mode: 'group', group: { minSize: 2, maxSize: 2, cohesion: { weight: 1, on: 'goals' } } });
    expect(r.search.exact).toBe(false);
    expect(r.search.converged).toBe(true);
    expect(r.group).toEqual({ minSize: 2, maxSize: 2 });
  });
});
