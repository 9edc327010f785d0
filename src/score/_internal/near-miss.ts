/**
 * "Did you mean …?" for a mistyped key or value: the nearest known word by edit distance.
 * Private to the config checks.
 *
 * @module
 */

/**
 * The known word nearest to `word`, when it is a near miss: at most one edit (an
 * insertion, deletion, substitution or swap of two neighbours) for words of up to four
 * letters, two for longer ones, ignoring case and `_`/`-`/space (`timezone` → `timeZone`,
 * `skils` → `skills`). The first of equally near words wins.
 *
 * @param word - What was written.
 * @param known - The words that would have been valid.
 * @returns The suggestion, or `undefined` when nothing is near (or `word` is itself known).
 *
 * @example
 * ```ts
 * nearMiss('skils', ['skills', 'goals']);    // 'skills'
 * nearMiss('colour', ['skills', 'goals']);   // undefined
 * ```
 */
export function nearMiss(word: string, known: readonly string[]): string | undefined {
  if (known.includes(word) || word.length > 64) return undefined;
  const w = fold(word);
  const limit = w.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = editDistance(w, fold(k), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Lower case without `_`, `-` and spaces. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/gu, '');
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of neighbours), or `cap` when
 * it is at least `cap`. O(|a|·|b|); the words are short keys.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, cap);
}
