/**
 * Results are readonly at run time too.
 *
 * @module
 */

/**
 * Freezes an object graph in place (every object and array reachable from `x`) and
 * returns it; already frozen parts are not walked again.
 *
 * @example
 * ```ts
 * const r = deepFreeze({ pairs: [{ score: 1 }] });
 * Object.isFrozen(r.pairs[0]); // true
 * ```
 */
export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}
