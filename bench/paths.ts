/**
 * Where things are: the repo root, the shared anchors, the data cache, the Python that
 * has scipy. Everything is resolved from this file's URL, never from the cwd.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** bench/ */
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
/** the repository root (parent of bench/) */
export const REPO_ROOT = resolve(BENCH_DIR, '..');
/** shared/ sits next to the repository (`../shared` from the repo root). */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const ANCHORS_DIR = resolve(SHARED_DIR, 'anchors');
/** Generated matrices (gitignored). */
export const DATA_DIR = resolve(BENCH_DIR, '.data');
export const RESULTS_MD = resolve(BENCH_DIR, 'RESULTS.md');
/** The interpreter that has scipy / numpy / networkx (NOT the python3 first on PATH). */
export const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
/** GNU time, for peak RSS (`-f %M` prints max RSS in KB). */
export const GNU_TIME = '/usr/bin/time';

export function ensureDataDir(): string {
  if (!existsSync(DATA_DIR)) mkdirSync(DATA_DIR, { recursive: true });
  return DATA_DIR;
}

/** A path under src/ as a file URL string, for dynamic `import()` of modules that may not exist yet. */
export function srcModule(rel: string): { url: string; path: string } {
  const path = resolve(REPO_ROOT, 'src', rel);
  return { url: pathToFileURL(path).href, path };
}
