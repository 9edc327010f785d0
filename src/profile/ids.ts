/**
 * How ids compare: the one normalisation applied to every id and every reference to one
 * (`managerId`, locked, excluded and preferred partners, priority lists, banned and
 * required pairs, recommend's `for`), so that two spellings of one id never make two
 * people, and a reference always finds the person it names.
 *
 * @module
 */

/** Zero-width characters that are invisible in a cell: U+200B–U+200D, U+2060, U+FEFF. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * The canonical form of an id: Unicode NFC, without zero-width characters (U+200B
 * zero-width space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF byte-order mark),
 * trimmed; case is kept. Ids equal in this form are the same id (a second participant
 * with it is a `duplicate_id`); ids that differ only by case stay distinct, with an
 * `id_differs_by_case` warning.
 *
 * @param raw - An id as written.
 * @returns The id as stored and compared.
 *
 * @example
 * ```ts
 * normalizeId('Jose\u0301');      // 'José' (NFD → NFC)
 * normalizeId('ana\u200B ');      // 'ana'
 * normalizeId('Ana') === 'ana';   // false: case is kept
 * ```
 */
export function normalizeId(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').trim();
}

/**
 * The key two ids share when they differ only by case (after {@link normalizeId}):
 * lower case, locale-independent. Internal.
 *
 * @example
 * ```ts
 * caseKey('Ana') === caseKey('ANA'); // true
 * ```
 */
export function caseKey(id: string): string {
  return id.toLocaleLowerCase('und');
}
