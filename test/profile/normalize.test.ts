/**
 * normalizeTag: the documented normalisation (NFKC, lower case, whitespace / `-` / `_`
 * runs collapsed to one space, trimmed; accents kept), read as a specification, then
 * idempotence as a property over arbitrary Unicode.
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to the table below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { normalizeTag } from '../../src/profile/normalize.js';

describe('normalizeTag(raw)', () => {
  const cases: [string, string, string][] = [
    ['lower-cases', 'Python', 'python'],
    ['trims surrounding whitespace', '  sql\t\n', 'sql'],
    ['collapses inner whitespace runs', 'machine   learning', 'machine learning'],
    ['turns hyphens into spaces', 'Machine-Learning', 'machine learning'],
    ['turns underscores into spaces', 'machine_learning', 'machine learning'],
    ['collapses mixed separator runs', 'a -_ \t b', 'a b'],
    ['maps full-width letters (NFKC)', 'ＰＹＴＨＯＮ', 'python'],
    ['expands ligatures (NFKC)', 'ﬁnance', 'finance'],
    ['composes decomposed accents (NFKC)', 'Cafe\u0301', 'café'],
    ['keeps accents', 'Café', 'café'],
    ['maps a no-break space to a space', 'data\u00a0science', 'data science'],
    ['keeps emoji', '🎸 Guitar', '🎸 guitar'],
    ['keeps non-Latin scripts', '  日本語  ', '日本語'],
    ['lower-cases Greek', 'ΣΟΦΙΑ', 'σοφια'],
    ['keeps punctuation other than - and _', 'C++ / C#', 'c++ / c#'],
    ['returns the empty string for separators only', ' -_- ', ''],
    ['returns the empty string for the empty string', '', ''],
  ];

  it.each(cases)('normalizeTag %s: %j → %j', (_, raw, expected) => {
    expect(normalizeTag(raw)).toBe(expected);
  });

  it('normalizeTag keeps accented and unaccented spellings apart', () => {
    expect(normalizeTag('café')).not.toBe(normalizeTag('cafe'));
  });

  it('normalizeTag(x) spells variants of one tag identically', () => {
    const variants = ['Machine Learning', 'machine-learning', ' MACHINE_LEARNING ', 'ＭａｃｈｉｎｅＬｅａｒｎｉｎｇ'.replace('Ｌ', ' Ｌ')];
    expect(new Set(variants.map(normalizeTag))).toEqual(new Set(['machine learning']));
  });

  it('normalizeTag is idempotent on arbitrary Unicode (property)', () => {
    const unit = fc.constantFrom('grapheme', 'grapheme-composite', 'binary') as fc.Arbitrary<'grapheme' | 'grapheme-composite' | 'binary'>;
    fc.assert(
      fc.property(
        unit.chain((u) => fc.string({ unit: u, maxLength: 12 })),
        (raw) => {
          const once = normalizeTag(raw);
          expect(normalizeTag(once)).toBe(once);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizeTag output has no surrounding whitespace, no - or _, and no doubled spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), (raw) => {
        const t = normalizeTag(raw);
        expect(t).toBe(t.trim());
        expect(t).not.toMatch(/[-_]|\s\s/u);
      }),
      { numRuns: 1000 },
    );
  });
});
