/**
 * resolveLanguage / normalizeLanguage and the `languages` field: names in common
 * languages, ISO 639-1 codes and regional variants are one language; an unknown value is
 * kept as a tag with an `unknown_language` warning, never dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { EXTRA_LANGUAGE_CODES, ISO_639_1_CODES, LANGUAGE_ALIASES, normalizeLanguage, resolveLanguage } from '../../src/profile/languages.js';
import { normalizeTag } from '../../src/profile/normalize.js';
import { parseParticipants, safeParseParticipants } from '../../src/profile/parse.js';

describe('resolveLanguage(value): one canonical tag per language', () => {
  // One row per language: every spelling must give the same tag.
  const same: [tag: string, code: string, spellings: string[]][] = [
    ['english', 'en', ['EN', 'en', 'English', 'ENGLISH', 'Englisch', 'anglais', 'inglés', 'Inglês', 'inglese', 'Engels', '英語', '英语', 'en-GB', 'en_US', 'eng', 'British English', 'Englisch (Kanada)', 'English (fluent)']],
    ['german', 'de', ['de', 'DE', 'Deutsch', 'German', 'allemand', 'alemán', 'tedesco', 'Duits', 'ドイツ語', '德语', 'deu', 'ger', 'de-CH', 'Austrian German']],
    ['french', 'fr', ['fr', 'français', 'Francais', 'French', 'Französisch', 'francés', 'fr-CA', 'Canadian French']],
    ['spanish', 'es', ['es', 'Spanish', 'Español', 'espanol', 'Spanisch', 'espagnol', 'es-419', 'es-MX', 'Castellano']],
    ['chinese', 'zh', ['zh', 'Chinese', '中文', 'Chinesisch', 'chinois', 'chinês', 'Mandarin', 'zh-Hant', 'zh-Hans', 'Traditional Chinese', '普通话']],
    ['portuguese', 'pt', ['pt', 'Portuguese', 'português', 'Portugues', 'Portugiesisch', 'pt-BR', 'pt-PT', 'Brazilian Portuguese', 'português (Brasil)']],
    ['japanese', 'ja', ['ja', 'Japanese', '日本語', 'Japanisch']],
    ['dutch', 'nl', ['nl', 'Dutch', 'Nederlands', 'Niederländisch', 'Flemish', 'nl-BE']],
    ['hebrew', 'he', ['he', 'iw', 'Hebrew', 'עברית']],
    ['persian', 'fa', ['fa', 'Persian', 'Farsi', 'فارسی']],
    ['malay', 'ms', ['ms', 'Malay', 'Melayu', 'Bahasa Melayu']],
  ];
  it.each(same)('%s: every spelling gives the same tag and code', (tag, code, spellings) => {
    for (const s of spellings) expect(resolveLanguage(s), s).toEqual({ kind: 'known', tag, code });
  });

  it('EN, English, Englisch, de, Deutsch and German compare equal two by two', () => {
    const tags = ['EN', 'English', 'Englisch', 'de', 'Deutsch', 'German'].map(normalizeLanguage);
    expect(tags).toEqual(['english', 'english', 'english', 'german', 'german', 'german']);
  });

  it('every ISO 639-1 code (and each extra code) is a known language whose tag is its English name, a fixed point of normalizeTag', () => {
    expect(ISO_639_1_CODES).toHaveLength(184);
    expect(new Set(ISO_639_1_CODES).size).toBe(184);
    const english = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const code of [...ISO_639_1_CODES, ...EXTRA_LANGUAGE_CODES]) {
      const m = resolveLanguage(code);
      expect(m.kind, code).toBe('known');
      expect(m.tag).toBe(normalizeTag(english.of(code)!));
      expect(normalizeTag(m.tag)).toBe(m.tag);
      // The canonical tag resolves to itself (parsing the output again changes nothing).
      expect(resolveLanguage(m.tag)).toEqual(m);
      // A code in upper case and with a region is the same language.
      expect(resolveLanguage(`${code.toUpperCase()}-BR`).tag).toBe(m.tag);
    }
  });

  it('each alias names a language of the table', () => {
    for (const [alias, code] of Object.entries(LANGUAGE_ALIASES)) {
      const m = resolveLanguage(alias);
      expect(m.kind, alias).toBe('known');
      expect(m.tag).toBe(resolveLanguage(code).tag);
    }
  });

  it('an unknown value is kept as a normalised tag, never dropped', () => {
    expect(resolveLanguage('Klingon')).toEqual({ kind: 'unknown', tag: 'klingon' });
    expect(resolveLanguage(' Elvish-Sindarin ')).toEqual({ kind: 'unknown', tag: 'elvish sindarin' });
    expect(resolveLanguage('tlh')).toEqual({ kind: 'unknown', tag: 'tlh' }); // a valid BCP 47 subtag, but not in the table
    expect(resolveLanguage('')).toEqual({ kind: 'unknown', tag: '' });
    expect(resolveLanguage('__proto__')).toEqual({ kind: 'unknown', tag: 'proto' });
    expect(resolveLanguage('constructor')).toEqual({ kind: 'unknown', tag: 'constructor' });
  });

  it('never throws, and always returns a fixed point of normalizeTag (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), (s) => {
        const m = resolveLanguage(s);
        expect(normalizeTag(m.tag)).toBe(m.tag);
        if (m.kind === 'unknown') expect(m.tag).toBe(normalizeTag(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseParticipants: the languages field', () => {
  it('stores the canonical tags, de-duplicated, first occurrence kept', () => {
    const [p] = parseParticipants([{ id: 'a', role: 'mentor', languages: 'EN; Deutsch; English; de-AT; 中文' }]);
    expect(p.languages).toEqual(['english', 'german', 'chinese']);
  });

  it('mentees and mentors who write the same language differently share it', () => {
    const [a, b] = parseParticipants([
      { id: 'a', role: 'mentee', languages: ['Englisch', 'Spanish'] },
      { id: 'b', role: 'mentor', languages: ['en', 'español'] },
    ]);
    expect(a.languages).toEqual(b.languages);
  });

  it('an unknown language is kept as a tag with an unknown_language warning naming participant, field and value; the participant loads', () => {
    const r = safeParseParticipants([{ id: 'a', role: 'mentor', languages: ['English', 'Klingon'] }]);
    if (!r.success) return expect.fail('expected success');
    expect(r.data[0]!.languages).toEqual(['english', 'klingon']);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w).toMatchObject({ severity: 'warning', code: 'unknown_language', participant: 'a', index: 0, field: 'languages[1]', found: '"Klingon"' });
    expect(w.message).toContain('participant "a"');
    expect(w.message).toContain('languages[1]');
    expect(w.message).toContain('"Klingon"');
    expect(w.message).toContain('[unknown_language]');
  });

  it('a known language gives no warning; only the field given as the input spelt it is named', () => {
    expect(safeParseParticipants([{ id: 'a', role: 'mentor', languages: 'EN; Deutsch' }]).warnings).toEqual([]);
    const r = safeParseParticipants([{ id: 'a', role: 'mentor', languages: 'EN; Vulcan' }]);
    expect(r.warnings.map((w) => w.field)).toEqual(['languages[1]']);
  });

  it('warnings of a participant with errors are reported too (alongside its issues)', () => {
    const r = safeParseParticipants([{ id: 'a', role: 'boss', languages: 'Klingon' }]);
    expect(r.success).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown_language']);
  });

  it('the other tag fields are not language-resolved (a goal named "German" stays "german", "EN" stays "en")', () => {
    const [p] = parseParticipants([{ id: 'a', role: 'mentor', goals: 'EN; Deutsch' }]);
    expect(p.goals).toEqual(['en', 'deutsch']);
  });
});
