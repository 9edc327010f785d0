/**
 * Bundle budgets: what a browser bundle of mentor-match costs its user. esbuild bundles
 * the sources as a user's bundler would (browser platform, ESM, minified, tree-shaken);
 * the gzip size is deterministic for a given source tree, so this is not a timed test.
 *
 * - A solver imported on its own (`mentor-match/solve`, or the same name from the main
 *   entry) pulls in no validation library and no scoring: a few kilobytes.
 * - The main entry as a whole: zod is zod/mini (functions, not methods on classes, so
 *   what is not used is shaken out), imported as a namespace (`import * as z`), so its
 *   locale files are shaken out too.
 *
 * When a budget fails, the message lists the largest inputs of the bundle.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

interface Bundle {
  readonly minified: number;
  readonly gzip: number;
  /** Output bytes per package (node_modules) or top-level source folder, largest first. */
  readonly largest: string;
  /** Every input file that put bytes in the output. */
  readonly files: readonly string[];
}

/** Bundles `source` (module text resolved from the repository root) the way a browser app would. */
async function bundle(source: string): Promise<Bundle> {
  const r = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0].contents;
  const by = new Map<string, number>();
  const files: string[] = [];
  for (const output of Object.values(r.metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) files.push(file);
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : file.split('/').slice(0, 2).join('/');
      by.set(key, (by.get(key) ?? 0) + bytesInOutput);
    }
  }
  const largest = [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / KB).toFixed(1)} KB`).join(', ');
  return { minified: code.length, gzip: gzipSync(code).length, largest, files };
}

/** Fails with the bundle's largest inputs when its gzip size is over `budgetKB`. */
function withinBudget(what: string, b: Bundle, budgetKB: number): void {
  expect(b.gzip, `${what}: ${(b.gzip / KB).toFixed(1)} KB gzip (${(b.minified / KB).toFixed(0)} KB minified) > ${budgetKB} KB; largest inputs: ${b.largest}`).toBeLessThanOrEqual(budgetKB * KB);
}

describe('bundle budgets (esbuild, browser, minified, gzip)', () => {
  // Measured 2026-12-05: linearSumAssignment 3.6 KB, capacitatedAssignment 5.9 KB,
  // maxWeightMatching 10.1 KB (dense and sparse blossom), all solvers 29 KB, main entry 164 KB.
  // zod/mini (2026-12-05): main entry 94.6 KB gzip (269 KB minified; zod 30 KB of it, was 103 KB).
  it.each([
    ['linearSumAssignment', 'src/solve.ts', 8],
    ['linearSumAssignment', 'src/index.ts', 8],
    ['capacitatedAssignment', 'src/solve.ts', 8],
    ['bMatching', 'src/solve.ts', 8],
    ['peerCircles', 'src/solve.ts', 8],
    ['maxWeightMatching', 'src/solve.ts', 12],
  ])('%s alone from %s is at most %d KB', async (name, from, budget) => {
    withinBudget(`${name} from ${from}`, await bundle(`export { ${name} } from './${from}';`), budget);
  });

  it('no solver pulls in zod, ml-matrix or the scoring', async () => {
    const b = await bundle(`export * from './src/solve.ts';`);
    expect(b.files.filter((f) => /zod|ml-matrix|src\/(?:score|match|io|profile\/(?!issues))/.test(f))).toEqual([]);
    withinBudget('mentor-match/solve', b, 32);
  });

  it('the whole main entry is at most 100 KB (zod/mini shaken: no locales)', async () => {
    const b = await bundle(`export * from './src/index.ts';`);
    expect(b.files.filter((f) => /zod\/.*locales\/(?!en\.)/.test(f))).toEqual([]);
    withinBudget('mentor-match', b, 100);
  });
});
