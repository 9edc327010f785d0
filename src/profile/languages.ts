/**
 * Language names and codes: `EN`, `English`, `Englisch`, `anglais`, `英語` and `en-GB` are
 * one language. A lookup table from display names to language codes is built once, on
 * first use, from the runtime's own `Intl.DisplayNames` data (no word list is shipped):
 *
 * - every ISO 639-1 code ({@link ISO_639_1_CODES}), plus a few widespread languages that
 *   have no two-letter code ({@link EXTRA_LANGUAGE_CODES}: Cantonese, Hawaiian, Cebuano,
 *   Swiss German, Low German, Hmong, American Sign Language);
 * - named in English, in the language itself (`Deutsch`, `français`, `中文`) and in German,
 *   French, Spanish, Portuguese, Italian, Dutch, Japanese, Chinese, Russian, Polish, Turkish,
 *   Korean and Swedish ({@link LANGUAGE_DISPLAY_LOCALES});
 * - regional variants named the same way map to their base language (`British English`,
 *   `português (Brasil)`, `Traditional Chinese`, `Flemish`);
 * - a short list of common names that `Intl` does not give (`Mandarin`, `Farsi`,
 *   `Tagalog`, `Bengali`, `Bahasa Melayu`, …; {@link LANGUAGE_ALIASES}).
 *
 * Pure: imports nothing from Node, runs in a browser or a worker.
 *
 * @module
 */
import { memoize, tagOf } from './memo.js';

/**
 * The ISO 639-1 language codes (two letters), as the standard lists them.
 *
 * @example
 * ```ts
 * ISO_639_1_CODES.length;          // 184
 * ISO_639_1_CODES.includes('pt');  // true
 * ```
 */
export const ISO_639_1_CODES: readonly string[] = Object.freeze(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi ' +
    'fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv ' +
    'kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm ' +
    'rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa ' +
    'wo xh yi yo za zh zu'
  ).split(' '),
);

/**
 * Widespread languages without an ISO 639-1 code that are recognised too (ISO 639-2/3
 * codes): Cantonese, Hawaiian, Cebuano, Swiss German, Low German, Hmong, American Sign
 * Language.
 *
 * @example
 * ```ts
 * EXTRA_LANGUAGE_CODES; // ['yue', 'haw', 'ceb', 'gsw', 'nds', 'hmn', 'ase']
 * ```
 */
export const EXTRA_LANGUAGE_CODES: readonly string[] = Object.freeze(['yue', 'haw', 'ceb', 'gsw', 'nds', 'hmn', 'ase']);

/**
 * The locales whose names of languages are recognised, besides each language's name in
 * itself.
 *
 * @example
 * ```ts
 * LANGUAGE_DISPLAY_LOCALES.slice(0, 3); // ['en', 'de', 'fr']
 * ```
 */
export const LANGUAGE_DISPLAY_LOCALES: readonly string[] = Object.freeze(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ja', 'zh', 'ru', 'pl', 'tr', 'ko', 'sv']);

/**
 * Common names `Intl.DisplayNames` does not produce → the language code they mean.
 *
 * @example
 * ```ts
 * LANGUAGE_ALIASES.mandarin; // 'zh'
 * ```
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  mandarin: 'zh',
  'mandarin chinese': 'zh',
  putonghua: 'zh',
  普通话: 'zh',
  汉语: 'zh',
  漢語: 'zh',
  华语: 'zh',
  華語: 'zh',
  farsi: 'fa',
  tagalog: 'tl',
  bengali: 'bn',
  oriya: 'or',
  panjabi: 'pa',
  kirghiz: 'ky',
  uighur: 'ug',
  pushto: 'ps',
  sinhalese: 'si',
  slovene: 'sl',
  moldovan: 'ro',
  castilian: 'es',
  castellano: 'es',
  valencian: 'ca',
  maldivian: 'dv',
  ossetian: 'os',
  ojibwe: 'oj',
  fulah: 'ff',
  twi: 'ak',
  azeri: 'az',
  bokmål: 'nb',
  nynorsk: 'nn',
  kiswahili: 'sw',
  isizulu: 'zu',
  isixhosa: 'xh',
  sesotho: 'st',
  setswana: 'tn',
  'afaan oromo': 'om',
  'bahasa melayu': 'ms',
  'bahasa malaysia': 'ms',
  'bahasa indonesia': 'id',
  'gagana samoa': 'sm',
  asl: 'ase',
});

/** Regional and script variants whose display names are read as their base language. */
const VARIANT_TAGS = [
  'en-GB', 'en-US', 'en-AU', 'en-CA', 'es-MX', 'es-ES', 'es-419', 'fr-CA', 'fr-CH', 'pt-BR', 'pt-PT',
  'zh-Hans', 'zh-Hant', 'de-AT', 'de-CH', 'nl-BE', 'ro-MD', 'sw-CD', 'fa-AF', 'ar-001',
];

/**
 * A language value, resolved: `known` with its canonical tag (the English name, lower
 * case: `english`, `german`, `chinese`) and its language code, or `unknown` with the
 * value as an ordinary tag (`normalizeTag`).
 *
 * @example
 * ```ts
 * const m: LanguageMatch = resolveLanguage('Deutsch'); // { kind: 'known', tag: 'german', code: 'de' }
 * ```
 */
export type LanguageMatch =
  | { readonly kind: 'known'; readonly tag: string; readonly code: string }
  | { readonly kind: 'unknown'; readonly tag: string };

interface Tables {
  /** Canonical language subtag → canonical tag. */
  readonly tagByCode: ReadonlyMap<string, string>;
  /** Normalised display name → canonical language subtag. */
  readonly codeByName: ReadonlyMap<string, string>;
  /** The same keys without accents, where that is unambiguous. */
  readonly codeByFolded: ReadonlyMap<string, string>;
}

let tables: Tables | undefined;

/** The canonical language subtag of a BCP 47 tag (`iw` → `he`, `tl` → `fil`, `pt-BR` → `pt`), or undefined. */
function canonicalLanguage(tag: string): string | undefined {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(tag)[0]!).language;
  } catch {
    return undefined;
  }
}

/** Removes accents and other combining marks: `français` → `francais`. */
function fold(key: string): string {
  return key.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Builds the tables once (about 20 ms; 2,000+ names). */
function buildTables(): Tables {
  const tagByCode = new Map<string, string>();
  const codeByName = new Map<string, string>();
  const folded = new Map<string, string | null>(); // null: two languages fold to the same key
  const namer = (locale: string): Intl.DisplayNames | undefined => {
    try {
      // A runtime without Intl.DisplayNames (or its data) still knows the codes.
      return typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }) : undefined;
    } catch {
      return undefined;
    }
  };
  const put = (name: string | undefined, code: string): void => {
    if (name === undefined) return;
    const key = tagOf(name);
    if (key === '') return;
    if (!codeByName.has(key)) codeByName.set(key, code); // first writer wins: English, aliases, own names, then the rest
    const f = fold(key);
    const seen = folded.get(f);
    if (seen === undefined) folded.set(f, code);
    else if (seen !== null && seen !== code) folded.set(f, null);
  };

  const english = namer('en');
  const codes: string[] = [];
  for (const raw of [...ISO_639_1_CODES, ...EXTRA_LANGUAGE_CODES]) {
    const code = canonicalLanguage(raw) ?? raw;
    if (tagByCode.has(code)) continue;
    codes.push(code);
    tagByCode.set(code, tagOf(english?.of(code) ?? code));
  }
  for (const code of codes) put(english?.of(code), code);
  for (const [alias, raw] of Object.entries(LANGUAGE_ALIASES)) put(alias, canonicalLanguage(raw) ?? raw);
  for (const code of codes) {
    const own = namer(code);
    // Skip a runtime that falls back to another locale: its names are not the language's own.
    if (own !== undefined && canonicalLanguage(own.resolvedOptions().locale) === code) put(own.of(code), code);
  }
  const others = LANGUAGE_DISPLAY_LOCALES.map(namer);
  for (const d of others) for (const code of codes) put(d?.of(code), code);
  for (const d of [english, ...others]) {
    for (const variant of VARIANT_TAGS) {
      const base = canonicalLanguage(variant);
      if (base !== undefined && tagByCode.has(base)) put(d?.of(variant), base);
    }
  }
  const codeByFolded = new Map<string, string>();
  for (const [k, code] of folded) if (code !== null) codeByFolded.set(k, code);
  return { tagByCode, codeByName, codeByFolded };
}

const CODE_LIKE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/u;
const PARENTHESIS = /^(.*\S)\s*[([（［].*$/su;

function lookup(raw: string): LanguageMatch {
  const t = (tables ??= buildTables());
  const value = raw.normalize('NFKC').trim();
  const known = (code: string | undefined): LanguageMatch | undefined => {
    const tag = code === undefined ? undefined : t.tagByCode.get(code);
    return tag === undefined || code === undefined ? undefined : { kind: 'known', tag, code };
  };
  if (CODE_LIKE.test(value)) {
    const hit = known(canonicalLanguage(value.replace(/_/gu, '-')));
    if (hit) return hit;
  }
  const key = tagOf(value);
  const byName = known(t.codeByName.get(key)) ?? known(t.codeByFolded.get(fold(key)));
  if (byName) return byName;
  const bare = PARENTHESIS.exec(value);
  if (bare) {
    const inner = lookup(bare[1]!);
    if (inner.kind === 'known') return inner;
  }
  return { kind: 'unknown', tag: key };
}

/**
 * Resolves a language given as a name in a common language or as a code. The canonical
 * tag of a known language is its English name in lower case (so reports read "both speak
 * german"); codes, names in other languages, regional variants (`pt-BR`, `British
 * English`, `Englisch (Kanada)`) and spellings without accents (`Francais`) map to it.
 * Anything else is `unknown`, with the value as an ordinary tag (`normalizeTag`).
 *
 * Lookup order: a code (`EN`, `de`, `pt-BR`, `zh_Hant`, `deu`; canonicalised by `Intl`, so
 * `iw` is Hebrew), then a display name, then the name without accents, then the value
 * without a trailing parenthesis (`English (fluent)`). The table is built on first use,
 * from `Intl.DisplayNames` (about 20 ms once); lookups are memoised.
 *
 * @param value - What the profile says, e.g. `'Englisch'`.
 * @returns The match; `tag` is never empty unless `value` is blank.
 *
 * @example
 * ```ts
 * resolveLanguage('EN');       // { kind: 'known', tag: 'english', code: 'en' }
 * resolveLanguage('Deutsch');  // { kind: 'known', tag: 'german', code: 'de' }
 * resolveLanguage('pt-BR');    // { kind: 'known', tag: 'portuguese', code: 'pt' }
 * resolveLanguage('中文');      // { kind: 'known', tag: 'chinese', code: 'zh' }
 * resolveLanguage('Klingon');  // { kind: 'unknown', tag: 'klingon' }
 * ```
 */
export const resolveLanguage: (value: string) => LanguageMatch = memoize((value: string): LanguageMatch => Object.freeze(lookup(value)));

/**
 * The canonical tag of a language value: {@link resolveLanguage}'s `tag` (`EN`,
 * `Englisch`, `anglais` → `english`; an unknown value → its normalised tag).
 *
 * @param value - A language name or code.
 * @returns The tag to compare.
 *
 * @example
 * ```ts
 * ['EN', 'English', 'Englisch', 'de', 'Deutsch', 'German'].map(normalizeLanguage);
 * // ['english', 'english', 'english', 'german', 'german', 'german']
 * normalizeLanguage('Klingon'); // 'klingon'
 * ```
 */
export function normalizeLanguage(value: string): string {
  return resolveLanguage(value).tag;
}
