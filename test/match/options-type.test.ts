/**
 * The option types of the API reference are written out by hand (src/match/options-type.ts,
 * src/score/config-type.ts); these compile-time checks keep each one exactly what its zod
 * schema accepts, so the documented fields can never drift from validation. `vitest run`
 * type-checks nothing, so the checks fail `tsc --noEmit` (npm run typecheck, CI); the test
 * body also runs them as ordinary assertions.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { MatchOptions as IndexMatchOptions, ScoringConfig as IndexScoringConfig, WeightInput as IndexWeightInput } from '../../src/index.js';
import type { MatchOptionsSchemaInput } from '../../src/match/config.js';
import type { MatchOptions } from '../../src/match/options-type.js';
import type { ScoringConfigSchemaInput, WeightSchemaInput } from '../../src/score/config.js';
import type { ScoringConfig, WeightInput } from '../../src/score/config-type.js';

describe('the documented option types are the schemas’ input types', () => {
  it('MatchOptions equals z.input of the match options schema', () => {
    expectTypeOf<MatchOptions>().toEqualTypeOf<MatchOptionsSchemaInput>();
    expectTypeOf<NonNullable<MatchOptions['group']>>().toEqualTypeOf<NonNullable<MatchOptionsSchemaInput['group']>>();
    expectTypeOf<NonNullable<MatchOptions['candidates']>>().toEqualTypeOf<NonNullable<MatchOptionsSchemaInput['candidates']>>();
  });

  it('ScoringConfig equals z.input of the scoring config schema', () => {
    expectTypeOf<ScoringConfig>().toEqualTypeOf<ScoringConfigSchemaInput>();
    expectTypeOf<NonNullable<ScoringConfig['rules']>>().toEqualTypeOf<NonNullable<ScoringConfigSchemaInput['rules']>>();
    expectTypeOf<NonNullable<ScoringConfig['personality']>>().toEqualTypeOf<NonNullable<ScoringConfigSchemaInput['personality']>>();
  });

  it('WeightInput equals z.input of the weight schema', () => {
    expectTypeOf<WeightInput>().toEqualTypeOf<WeightSchemaInput>();
  });

  it('the public entry exports these types under their old names', () => {
    expectTypeOf<IndexMatchOptions>().toEqualTypeOf<MatchOptions>();
    expectTypeOf<IndexScoringConfig>().toEqualTypeOf<ScoringConfig>();
    expectTypeOf<IndexWeightInput>().toEqualTypeOf<WeightInput>();
  });

  it('a drift is caught: a field the schema lacks makes the types differ', () => {
    // @ts-expect-error an extra documented field is not what the schema accepts
    expectTypeOf<MatchOptions & { extra?: number }>().toEqualTypeOf<MatchOptionsSchemaInput>();
    // @ts-expect-error a default documented as required is not what the schema accepts
    expectTypeOf<Required<Pick<ScoringConfig, 'weights'>> & Omit<ScoringConfig, 'weights'>>().toEqualTypeOf<ScoringConfigSchemaInput>();
  });
});
