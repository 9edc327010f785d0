/**
 * escapeControlChars and oneLine: what a terminal is shown of names and ids from a
 * cohort file. Control characters, DEL, C1 and bidirectional overrides become visible
 * `\uXXXX` escapes (JSON's, so JSON output stays JSON); the command line's line breaks stay.
 */
import { describe, expect, it } from 'vitest';

import { escapeControlChars, oneLine } from '../../src/cli/terminal-text.js';

describe('escapeControlChars(text)', () => {
  it.each([
    ['window title (OSC)', '\u001b]0;PWNED\u0007', '\\u001b]0;PWNED\\u0007'],
    ['clear screen (CSI)', 'Ana\u001b[2J', 'Ana\\u001b[2J'],
    ['carriage return and tab', 'a\rb\tc', 'a\\u000db\\u0009c'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\\u0000b\\u007f'],
    ['C1 (8-bit CSI)', 'a\u009b2J', 'a\\u009b2J'],
    ['bidi override and isolate', 'abc\u202egpj.exe\u2066', 'abc\\u202egpj.exe\\u2066'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
  ])('%s', (_, text, shown) => {
    expect(escapeControlChars(text)).toBe(shown);
  });

  it('keeps line feeds, printable text and non-Latin names as they are', () => {
    const text = 'Émile Roux\n佐藤 陽翔 — Zoë (E0001) «ok» 🙂';
    expect(escapeControlChars(text)).toBe(text);
  });

  it('keeps JSON valid with the same values', () => {
    const value = { name: 'Bo\u202e\u0085\u007f\u001b' };
    const printed = escapeControlChars(JSON.stringify(value, null, 2));
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u);
    expect(JSON.parse(printed)).toEqual(value);
  });
});

describe('oneLine(text)', () => {
  it('shows line breaks inside a value as \\n and \\r, and escapes other controls', () => {
    expect(oneLine('Ana\nerror: forged\r')).toBe('Ana\\nerror: forged\\r');
    expect(oneLine('Bo\u001b[2J')).toBe('Bo\\u001b[2J');
  });
});
