/**
 * Writing a run's output files all or nothing (node-only): each file is written to a
 * temporary file in its own folder and flushed to disk, and only when every one of them
 * is written are they renamed over their targets. An interrupted run (Ctrl-C, `kill`, a
 * full disk, a folder in the way) leaves the old files as they were, never a truncated
 * file or outputs of two different runs.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { writeError } from './io-error.js';

/** One output of a run. */
export interface OutputFile {
  /** The option that named it (`--out`), for messages. */
  readonly option: string;
  /** The path as given on the command line. */
  readonly path: string;
  /** The whole contents. */
  readonly text: string;
}

/** Outputs written to temporary files, waiting to replace their targets. */
export interface StagedOutputs {
  /** Renames every temporary file over its target (one rename each, in order). */
  commit(): void;
  /** Removes the temporary files; the targets stay as they were. */
  abort(): void;
  /** The temporary files (while neither committed nor aborted). */
  readonly temporaries: readonly string[];
}

/** Exit codes after a signal: 128 + its number, as shells report them. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Temporary files of every batch not yet committed or aborted (removed on a signal or exit). */
const live = new Set<string>();
/** Batches between stage and commit or abort: the handlers are installed while there is one. */
let active = 0;

function removeLive(): void {
  for (const tmp of live) removeQuietly(tmp);
  live.clear();
}

function onSignal(signal: keyof typeof SIGNAL_EXIT): void {
  removeLive();
  process.exit(SIGNAL_EXIT[signal]);
}

/** Installs the signal and exit handlers while temporaries exist; removes them after. */
function guard(on: boolean): void {
  if (on) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', removeLive);
  } else {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', removeLive);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Writes each output to a temporary file next to its target (`.<name>.<random>.tmp`,
 * created exclusively, with the target's permissions when it exists) and flushes it to
 * disk. A target that exists and is no regular file (`/dev/stdout`, a named pipe) is
 * written as it is at commit, after the renames. While the temporaries exist, SIGINT and
 * SIGTERM remove them and end the process with 130 and 143, and an exit removes them too
 * (only SIGKILL can leave one behind). Missing folders are created.
 *
 * @param files - The outputs.
 * @returns The staged outputs: `commit()` them, or `abort()`.
 * @throws `CliError` `IO` (exit 7) naming the option and the path when a file
 *   cannot be written; the temporaries written so far are removed, no target changed.
 *
 * @example
 * ```ts
 * const staged = await stageOutputs([{ option: '--out', path: 'out/m.csv', text: csv }]);
 * staged.commit();
 * ```
 */
export async function stageOutputs(files: readonly OutputFile[]): Promise<StagedOutputs> {
  const mine: { tmp: string; to: string; file: OutputFile }[] = [];
  // Existing targets that are no regular file (/dev/stdout, a named pipe) are written as they are, at commit.
  const direct: OutputFile[] = [];
  if (active++ === 0) guard(true);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    for (const m of mine) {
      removeQuietly(m.tmp);
      live.delete(m.tmp);
    }
    mine.length = 0;
    if (--active === 0) guard(false);
  };
  try {
    for (const file of files) {
      const target = targetOf(file);
      if (target === 'direct') direct.push(file);
      else await stageOne(file, target, mine);
    }
  } catch (e) {
    release();
    throw e;
  }
  return {
    get temporaries() {
      return mine.map((m) => m.tmp);
    },
    commit(): void {
      const done: string[] = [];
      if (released) throw new Error('stageOutputs: commit() after commit() or abort()');
      for (const m of mine) {
        try {
          renameSync(m.tmp, m.to);
        } catch (e) {
          const left = done.length ? `; already replaced: ${done.join(', ')}` : '; no output was changed';
          release();
          throw writeError(e, m.file.option, m.file.path, left);
        }
        live.delete(m.tmp);
        done.push(m.file.path);
        syncFolder(dirname(m.to));
      }
      release();
      for (const file of direct) {
        try {
          writeFileSync(file.path, file.text);
        } catch (e) {
          throw writeError(e, file.option, file.path, done.length ? `; already replaced: ${done.join(', ')}` : '');
        }
        done.push(file.path);
      }
    },
    abort: release,
  };
}

/**
 * Where an output goes: its real path (through a symbolic link, so the link is kept) and
 * the permissions of the file it replaces; `direct` for an existing target that is no
 * regular file (/dev/stdout, a named pipe), written as it is at commit.
 */
function targetOf(file: OutputFile): { to: string; mode: number | undefined } | 'direct' {
  try {
    const st = statSync(file.path);
    if (st.isDirectory()) throw Object.assign(new Error(`${file.path} is a directory`), { code: 'EISDIR' });
    if (!st.isFile()) return 'direct';
    return { to: realpathSync(file.path), mode: st.mode & 0o777 };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(e, file.option, file.path);
    return { to: file.path, mode: undefined };
  }
}

/** Writes one output to a new temporary file beside its target (fsynced, the replaced file's permissions), recorded in `mine` and `live`. */
async function stageOne(file: OutputFile, target: { to: string; mode: number | undefined }, mine: { tmp: string; to: string; file: OutputFile }[]): Promise<void> {
  const { to, mode } = target;
  try {
    mkdirSync(dirname(to), { recursive: true });
    const tmp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx');
    live.add(tmp);
    mine.push({ tmp, to, file });
    try {
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(file.text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw writeError(e, file.option, file.path);
  }
}

/** Flushes a folder's entries (the rename) to disk where the system allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here (e.g. Windows): the rename is still atomic
  }
}

/**
 * Writes a run's outputs all or nothing: {@link stageOutputs}, then `commit()`.
 *
 * @param files - The outputs.
 * @throws `CliError` `IO` (exit 7) when a file cannot be written.
 *
 * @example
 * ```ts
 * await writeOutputs([{ option: '--out', path: 'm.csv', text: csv }, { option: '--json', path: 'r.json', text: json }]);
 * ```
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  (await stageOutputs(files)).commit();
}
