/**
 * Tag normalisation, applied to skills, goals, interests, languages (after
 * `resolveLanguage` has mapped names and codes to one language), departments, locations
 * and attribute keys so that spelling variants compare equal:
 *
 * 1. Unicode NFKC normalisation (full-width letters, ligatures and composed accents
 *    become their canonical forms: `ｐｙｔｈｏｎ` → `python`, `ﬁnance` → `finance`);
 * 2. lower case (`toLocaleLowerCase('und')`, locale-independent);
 * 3. surrounding whitespace trimmed, inner runs of whitespace, `_` and `-` collapsed to
 *    one space (`Machine-Learning`, `machine_learning`, ` machine  learning ` → `machine learning`).
 *
 * Accents are kept (`café` ≠ `cafe`): they carry meaning in many languages.
 *
 * @example
 * ```ts
 * normalizeTag('  Machine-Learning ');  // 'machine learning'
 * normalizeTag('ＰＹＴＨＯＮ');          // 'python'
 * ```
 */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[\s_\-]+/gu, ' ')
    .trim();
}
