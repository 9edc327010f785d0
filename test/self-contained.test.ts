/**
 * The suite runs from a clone with nothing beside it: no test, helper or test config
 * reads the workplace's `../shared` (the anchors and the external cases there are where
 * the repository's copies in test/fixtures/external/ came from, not what the tests read).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_helpers/cli-sandbox.js';

/** Every .ts file below `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Ways a file could reach the shared folder beside the repository. */
const OUTSIDE = [/\.\.\/shared\b/, /'\.\.',\s*'shared'/, /shared\/(external-cases|anchors)/, /\bSHARED_DIR\b/, /\bANCHORS_DIR\b/, /bench\/(paths|native|anchors)\.js/];

describe('the test suite is self-contained', () => {
  it('no test file, helper or test config reads ../shared', () => {
    const files = [...tsFiles(join(ROOT, 'test')), join(ROOT, 'vitest.config.ts')].filter((f) => !f.endsWith('self-contained.test.ts'));
    const hits = files.flatMap((f) => {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        return [];
      }
      return OUTSIDE.filter((re) => re.test(text)).map((re) => `${relative(ROOT, f)}: ${re.source}`);
    });
    expect(hits).toEqual([]);
  });
});
