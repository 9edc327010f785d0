/**
 * The progress bar: drawn on a terminal once a run has taken more than a second, never
 * when stderr is not a terminal or when disabled.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { createProgress } from '../../src/cli/progress.js';

/** A fake stderr that records what is written. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(w, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => out });
  return w;
}

describe('createProgress(total, stream, enabled, now)', () => {
  it('draws nothing during the first second, then a bar with the stage name', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = createProgress(3, s, true, () => t);
    p.stage('reading');
    expect(s.text()).toBe('');
    t = 1500;
    p.stage('matching');
    expect(s.text()).toContain('matching');
    expect(s.text()).toMatch(/1\/3/);
    p.done();
  });
  it('stays quiet when stderr is not a terminal, or when disabled', () => {
    let t = 0;
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const s = fakeStream(tty);
      const p = createProgress(3, s, enabled, () => t);
      t = 5000;
      p.stage('matching');
      p.done();
      expect(s.text()).toBe('');
    }
  });
});
