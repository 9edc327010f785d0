/**
 * Canonical JSON: object keys sorted, so that equal data gives equal text whatever the
 * key order it was written in. Arrays keep their order; Dates become ISO strings.
 */
export function canonicalJson(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x === undefined ? null : x) ?? 'null';
  if (x instanceof Date) return JSON.stringify(x.toISOString());
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(x as object).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`).join(',')}}`;
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
