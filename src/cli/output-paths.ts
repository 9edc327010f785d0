/**
 * The one rule on output paths (node-only): no output may be an input of the run or
 * another output of it, so `match in.csv --out in.csv` cannot replace the cohort and
 * `--out x --json x` cannot keep only one of the two.
 *
 * @module
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import { CliError } from './cli-error.js';

/** A file named on the command line, with how it was named (`--out`, `the cohort argument`). */
export interface NamedPath {
  readonly name: string;
  readonly path: string;
}

/** A file as the system knows it: its real path, and device + inode when it exists. */
interface Identity {
  readonly real: string;
  readonly inode: string | undefined;
}

/**
 * The real path of `path`: symbolic links resolved, for an existing file; for a new
 * one, the real path of its nearest existing folder and the rest of the path.
 */
function identify(path: string): Identity {
  const absolute = resolve(path);
  try {
    const st = statSync(absolute);
    return { real: realpathSync(absolute), inode: `${st.dev}:${st.ino}` };
  } catch {
    let folder = dirname(absolute);
    let rest = basename(absolute);
    for (;;) {
      try {
        return { real: join(realpathSync(folder), rest), inode: undefined };
      } catch {
        const up = dirname(folder);
        if (up === folder) return { real: absolute, inode: undefined };
        rest = join(basename(folder), rest);
        folder = up;
      }
    }
  }
}

/** `a.csv`, or `a.csv and ./link.csv` when the two were named differently. */
function paths(a: NamedPath, b: NamedPath): string {
  return a.path === b.path ? a.path : `${a.path} and ${b.path}`;
}

function same(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.inode !== undefined && a.inode === b.inode);
}

/**
 * Refuses a command line whose outputs overlap: an output that is the same file as an
 * input or as another output. Two paths are the same file when their real paths are
 * equal (symbolic links and `..` resolved; for a file that does not exist yet, the real
 * path of its folder and its name) or, when both exist, when they share device and
 * inode (hard links). Call it before reading or writing anything.
 *
 * @param inputs - Every file the run reads (undefined entries are options not given).
 * @param outputs - Every file the run writes.
 * @throws `CliError` `USAGE` (exit 2), one line naming both options and the path.
 *
 * @example
 * ```ts
 * checkOutputPaths([{ name: 'the cohort argument', path: 'in.csv' }], [{ name: '--out', path: 'in.csv' }]);
 * // throws: --out and the cohort argument are the same file (in.csv): an output would overwrite an input; choose another --out
 * ```
 */
export function checkOutputPaths(inputs: readonly (NamedPath | undefined)[], outputs: readonly (NamedPath | undefined)[]): void {
  const ins = inputs.filter((x): x is NamedPath => x !== undefined).map((x) => ({ ...x, id: identify(x.path) }));
  const outs = outputs.filter((x): x is NamedPath => x !== undefined).map((x) => ({ ...x, id: identify(x.path) }));
  outs.forEach((out, k) => {
    const input = ins.find((i) => same(i.id, out.id));
    if (input) {
      throw new CliError('USAGE', `${out.name} and ${input.name} are the same file (${paths(out, input)}): an output would overwrite an input; choose another ${out.name}`);
    }
    const other = outs.slice(0, k).find((o) => same(o.id, out.id));
    if (other) {
      throw new CliError('USAGE', `${other.name} and ${out.name} are the same file (${paths(other, out)}): one output would overwrite the other; give each output its own path`);
    }
  });
}
