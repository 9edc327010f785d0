/**
 * Compensated (Neumaier) sum of `term(0..count-1)`: the totals solvers report stay
 * accurate when costs of very different magnitudes are added.
 */
export function neumaierSum(count: number, term: (k: number) => number): number {
  let s = 0;
  let comp = 0;
  for (let k = 0; k < count; k++) {
    const x = term(k);
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) comp += s - t + x;
    else comp += x - t + s;
    s = t;
  }
  // An overflowing sum stays ±Infinity (the correction term would be Inf - Inf = NaN).
  return Number.isFinite(s) ? s + comp : s;
}
