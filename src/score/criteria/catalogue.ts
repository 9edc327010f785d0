/**
 * Every criterion a configuration names, each with its weight and a constructor: the one
 * list both the matrix build (weighted criteria only) and calibration (all of them) use.
 *
 * @module
 */
import { CRITERIA } from '../config.js';
import { AvailabilityCriterion } from './availability.js';
import { CategoryCriterion } from './categorical.js';
import { PersonalityCriterion, SeniorityCriterion, TimeZoneCriterion } from './numeric.js';
import { SetOverlap, SharedLanguage } from './sets.js';
import { SkillsCriterion } from './skills.js';
import type { Criterion, ScoringContext } from './types.js';

/** One criterion of the configuration, not yet built. */
export interface CriterionEntry {
  /** A built-in name (`skills`, …) or a custom criterion's name. */
  readonly name: string;
  readonly weight: number;
  readonly must: boolean;
  /** Builds the criterion over the context's encoded sides. */
  create(): Criterion;
}

/**
 * The built-in criteria in {@link CRITERIA} order, then the custom ones, whatever their
 * weight.
 *
 * @param ctx - The scoring context (encoded sides, dictionaries, resolved config).
 * @returns One entry per criterion.
 *
 * @example
 * ```ts
 * const live = criterionCatalogue(ctx).filter((c) => c.weight > 0 || c.must).map((c) => c.create());
 * ```
 */
export function criterionCatalogue(ctx: ScoringContext): CriterionEntry[] {
  const cfg = ctx.cfg;
  const builtIn: Record<(typeof CRITERIA)[number], () => Criterion> = {
    skills: () => new SkillsCriterion(ctx),
    goals: () => new SetOverlap('goals', ctx, cfg.goalsMeasure),
    interests: () => new SetOverlap('interests', ctx, cfg.interestsMeasure),
    availability: () => new AvailabilityCriterion(ctx),
    timeZone: () => new TimeZoneCriterion(ctx),
    personality: () => new PersonalityCriterion(ctx),
    languages: () => new SharedLanguage(ctx),
    department: () => new CategoryCriterion('department', ctx, 'dept', cfg.departmentPrefer, 'department'),
    location: () => new CategoryCriterion('location', ctx, 'loc', cfg.locationPrefer, 'location'),
    seniority: () => new SeniorityCriterion(ctx),
  };
  const entries: CriterionEntry[] = CRITERIA.map((name) => ({ name, weight: cfg.weights[name].weight, must: cfg.weights[name].must, create: builtIn[name] }));
  cfg.custom.forEach((cc, k) => {
    entries.push({ name: cc.name, weight: cc.weight.weight, must: cc.weight.must, create: () => new CategoryCriterion(cc.name, ctx, k, cc.prefer, cc.attribute) });
  });
  return entries;
}
