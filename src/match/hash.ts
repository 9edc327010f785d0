/**
 * The config hash of a run: canonical JSON of its inputs, hashed with 64-bit FNV-1a.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';

/**
 * How deep {@link canonicalJson} follows nested objects and arrays. A validated config
 * or participant is a few levels deep; anything deeper is refused rather than allowed to
 * overflow the stack.
 *
 * @example
 * ```ts
 * MAX_JSON_DEPTH; // 100
 * ```
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Canonical JSON: object keys sorted, so that equal data gives equal text whatever the
 * key order it was written in. Arrays keep their order; Dates become ISO strings.
 *
 * @param x - Any JSON-like value.
 * @param what - What `x` is, for the error message (`config`, `participants`).
 * @returns The canonical text.
 * @throws {@link InvalidInputError} (code `INVALID_INPUT`) when `x` contains a cycle or is
 *   nested deeper than {@link MAX_JSON_DEPTH}, naming the path — never a stack overflow.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * const loop: Record<string, unknown> = {}; loop.self = loop;
 * canonicalJson(loop); // throws InvalidInputError: (value).self refers back to (value) (a cycle) …
 * ```
 */
export function canonicalJson(x: unknown, what = '(value)'): string {
  return write(x, what, new Set(), 0);
}

function write(x: unknown, path: string, open: Set<object>, depth: number): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x === undefined ? null : x) ?? 'null';
  if (x instanceof Date) return JSON.stringify(x.toISOString());
  if (open.has(x)) {
    throw new InvalidInputError(`${path} refers back to an object that contains it (a cycle); expected plain data (JSON) without cycles`, { path });
  }
  if (depth >= MAX_JSON_DEPTH) {
    throw new InvalidInputError(`${path} is nested more than ${MAX_JSON_DEPTH} levels deep; expected plain data a few levels deep`, { path, limit: MAX_JSON_DEPTH });
  }
  open.add(x);
  let out: string;
  if (Array.isArray(x)) out = `[${x.map((v, k) => write(v, `${path}[${k}]`, open, depth + 1)).join(',')}]`;
  else {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k], `${path}.${k}`, open, depth + 1)}`).join(',')}}`;
  }
  open.delete(x);
  return out;
}

/**
 * 64-bit FNV-1a hash of a string (UTF-16 code units), as 16 hex digits. Not
 * cryptographic: it identifies a run's inputs, so two runs can be compared.
 *
 * @example
 * ```ts
 * fnv1a64('mentor-match'); // '…16 hex digits…'
 * ```
 */
export function fnv1a64(text: string): string {
  // Two 32-bit halves of the 64-bit state; multiply by the FNV prime 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let k = 0; k < text.length; k++) {
    lo = (lo ^ text.charCodeAt(k)) >>> 0;
    // (hi, lo) * 0x100000001b3 = (hi, lo) * 0x1b3 + (lo << 40)
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x100000000);
    const newLo = loMul >>> 0;
    const newHi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    hi = newHi;
    lo = newLo;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
