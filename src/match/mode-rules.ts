/**
 * The hard rules a mode adds to the configuration's: the one place `match`, `recommend`
 * and `matchMatrix` take them from.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { ScoringConfig } from '../score/config.js';
import type { ResolvedMatchOptions } from './config.js';

type Rules = NonNullable<ScoringConfig['rules']>;

/**
 * The rules with the mode's own added: reverse mode turns the seniority direction on
 * (for the skills in `rules.reverseSkills` the junior mentors the senior).
 *
 * @param rules - The configuration's rules (not changed).
 * @param options - The resolved match options.
 * @returns A new rules object.
 * @throws ConfigError (`INVALID_CONFIG`) in reverse mode without `rules.reverseSkills`.
 *
 * @example
 * ```ts
 * withModeRules({ reverseSkills: ['tiktok'] }, options).seniorityDirection; // true in reverse mode
 * ```
 */
export function withModeRules(rules: Rules, options: Pick<ResolvedMatchOptions, 'mode'>): Rules {
  const out = { ...rules };
  if (options.mode === 'reverse') {
    if (!out.reverseSkills?.length) throw new ConfigError(["mode 'reverse': name the skills the juniors teach in rules.reverseSkills"]);
    out.seniorityDirection = true;
  }
  return out;
}
