/**
 * Small bounded memo caches for the per-value work of profile parsing that is slow and
 * repeats across a cohort: tag normalisation (`toLocaleLowerCase` costs about 1 µs) and
 * time-zone lookups (an `Intl.DateTimeFormat` each, tens of µs). A cohort has few distinct
 * tags and zones, so the caches hit almost always; they are cleared when full, so junk
 * input cannot grow them without bound. Internal, not exported from the package.
 *
 * @module
 */
import { normalizeTag } from './normalize.js';

const LIMIT = 4096;

/**
 * Memoises a pure function of a string, keeping at most 4096 entries.
 *
 * @example
 * ```ts
 * const slowLength = memoize((s) => s.length);
 * slowLength('abc'); // 3 (computed), then served from the cache
 * ```
 */
export function memoize<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = f(s);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/**
 * {@link normalizeTag}, memoised.
 *
 * @example
 * ```ts
 * tagOf(' Machine-Learning '); // 'machine learning'
 * ```
 */
export const tagOf: (raw: string) => string = memoize(normalizeTag);
