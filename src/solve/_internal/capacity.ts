import { InvalidInputError } from '../../errors.js';

/**
 * One capacity per row or column as an Int32Array, validated at a solver's boundary: a
 * single non-negative integer for all `count` entries, or one per entry. Values above
 * 2³¹ − 1 are clamped (no solver can use more places than it has rows or columns).
 *
 * @param capacity - the option as the user gave it.
 * @param count - expected number of entries (rows or columns).
 * @param name - the option's name in messages, e.g. `capacity` or `rowCapacity`.
 * @param unit - what one entry is for, e.g. `column` or `row`.
 * @throws InvalidInputError naming the option (and the entry) when an entry is not a
 *   non-negative integer, the array has the wrong length, or the option is neither.
 */
export function normalizeCapacity(capacity: unknown, count: number, name: string, unit: string): Int32Array {
  const out = new Int32Array(count);
  const check = (x: unknown, where: string): number => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
      throw new InvalidInputError(`${where} must be a non-negative integer; found ${String(x)}`, { value: x });
    }
    return Math.min(x, 0x7fffffff);
  };
  if (typeof capacity === 'number') {
    out.fill(check(capacity, name));
  } else if (capacity !== null && typeof capacity === 'object' && typeof (capacity as ArrayLike<number>).length === 'number') {
    const c = capacity as ArrayLike<number>;
    if (c.length !== count) {
      throw new InvalidInputError(`${name} must have one entry per ${unit} (${count}); found ${c.length}`, {
        expected: count,
        found: c.length,
      });
    }
    for (let j = 0; j < count; j++) out[j] = check(c[j], `${name}[${j}]`);
  } else {
    throw new InvalidInputError(
      `${name} must be a number or one number per ${unit}; found ${capacity === null ? 'null' : typeof capacity}`,
    );
  }
  return out;
}
