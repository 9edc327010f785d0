/**
 * Where a JSON text stops being JSON, and what was expected there, described without
 * quoting the text: a file given as `--columns /etc/shadow` must not end up on the screen.
 *
 * @module
 */

/** What {@link jsonSyntaxProblem} found. */
export interface JsonSyntaxProblem {
  /** 1-based line of the first character that is not valid JSON. */
  readonly line: number;
  /** 1-based column (in characters) on that line. */
  readonly column: number;
  /** What would have been valid there, in words. */
  readonly expected: string;
  /** What is there, as a kind of character ("a letter", "the end of the file"), never the text. */
  readonly found: string;
}

const VALUE = 'a value (an object, an array, a string in double quotes, a number, true, false or null)';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'after-value';

/**
 * The first syntax error of a JSON text (RFC 8259), or `undefined` when it is valid.
 * Iterative, so deep nesting cannot overflow the stack. `JSON.parse`'s own messages
 * quote the text ("Unexpected token 'r', \"root:x:0:0\"... is not valid JSON"), which is
 * why the command line reports this instead.
 *
 * @param text - The text (without a byte-order mark).
 * @returns Line, column, what was expected and what kind of character was found.
 *
 * @example
 * ```ts
 * jsonSyntaxProblem('{\n  "weights": {"skills" 3}\n}');
 * // { line: 2, column: 25, expected: "':' after the property name", found: 'a digit' }
 * jsonSyntaxProblem('{"a": 1}'); // undefined
 * ```
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (at: number, expected: string): JsonSyntaxProblem => problemAt(text, at, expected);
  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
    const c = text[i];
    if (expect === 'after-value') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= text.length ? undefined : fail(i, 'the end of the file (a JSON file holds one value)');
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) stack.pop();
      else return fail(i, top === '{' ? "',' or '}'" : "',' or ']'");
      i++;
    } else if (expect === 'colon') {
      if (c !== ':') return fail(i, "':' after the property name");
      expect = 'value';
      i++;
    } else if (expect === 'key' || expect === 'key-or-end') {
      if (c === '}' && expect === 'key-or-end') {
        stack.pop();
        expect = 'after-value';
        i++;
      } else if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.at, end.expected);
        i = end;
        expect = 'colon';
      } else return fail(i, expect === 'key' ? 'a property name in double quotes' : "a property name in double quotes or '}'");
    } else if (c === ']' && expect === 'value-or-end') {
      stack.pop();
      expect = 'after-value';
      i++;
    } else if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'key-or-end' : 'value-or-end';
      i++;
    } else {
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return fail(end.at, end.expected);
      i = end;
      expect = 'after-value';
    }
  }
}

/** The end of the string, number or literal at `i`, or where and what it lacks. */
function scanScalar(text: string, i: number): number | { at: number; expected: string } {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    return m !== null && m[0] !== '-' ? i + m[0].length : { at: i + 1, expected: 'a digit' };
  }
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  return { at: i, expected: VALUE };
}

/** The end of the string starting at `i` (a `"`), or where and what it lacks. */
function scanString(text: string, i: number): number | { at: number; expected: string } {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { at: j, expected: "a closing '\"' (a line break or control character inside a string is written \\n, \\t, …)" };
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return { at: j + 1, expected: 'an escape such as \\", \\\\, \\n or \\u00e9 after the backslash' };
    }
  }
  return { at: text.length, expected: "a closing '\"'" };
}

/** Line, column and the kind of character at `at`. */
function problemAt(text: string, at: number, expected: string): JsonSyntaxProblem {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: at - lineStart + 1, expected, found: describeCharacter(text, at) };
}

/** A character as a kind ("a letter"); JSON's own punctuation is shown, nothing else is. */
function describeCharacter(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const c = text[at]!;
  if ('{}[],:"'.includes(c)) return `'${c}'`;
  if (c === "'") return 'a single quote (JSON strings use double quotes)';
  if (/\p{L}/u.test(c)) return 'a letter';
  if (/\d/.test(c)) return 'a digit';
  if (c.charCodeAt(0) < 0x20 || c === '\u007f') return 'a control character';
  if (c.charCodeAt(0) < 0x80) return 'a symbol';
  return 'a non-ASCII character';
}
