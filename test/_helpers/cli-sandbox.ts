/**
 * The attack suite's way to run the command line: the built binary (`node dist/cli.js`,
 * built by the vitest global setup, test/cli/build-cli.ts) in a temporary folder, or the
 * same program in-process (`runCli` with a collecting context: ~50× faster, for the fuzz
 * test). Both return the exit code and what was printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CliContext } from '../../src/cli/context.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../../src/cli/program.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const COHORT = join(ROOT, 'examples/data/cohort.csv');
export const HISTORY = join(ROOT, 'examples/data/history.csv');

/** What a run of the command line gave. */
export interface CliRun {
  /** The exit status (`null` when the process died of a signal). */
  readonly code: number | null;
  /** The signal that ended the process, if any. */
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

/** Every exit code the README and `--help` document (EXIT) plus 130 and 143 (signals). */
export const DOCUMENTED_EXITS: ReadonlySet<number> = new Set([...Object.values(EXIT), 130, 143]);

/** A stack trace or a plain JS error on the output: the sign of an uncaught failure. */
export const STACK_TRACE = /^\s+at |\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|unexpected error/mu;

/** Anything a terminal would act on: C0 but the line feed, DEL, C1, bidi controls. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A temporary folder with small helpers; `remove()` deletes it. */
export interface Sandbox {
  readonly dir: string;
  /** Absolute path of `name` in the folder. */
  path(name: string): string;
  /** Writes `name` (creating its folders) and returns `name`. */
  file(name: string, content: string | Uint8Array): string;
  read(name: string): string;
  bytes(name: string): Buffer;
  /** Every file under the folder, relative, sorted. */
  files(): string[];
  /** Runs the built binary with the folder as working directory. */
  cli(args: readonly string[], env?: Readonly<Record<string, string>>): CliRun;
  /** Starts the built binary (for tests that signal it); resolves when it ends. */
  start(args: readonly string[]): { readonly pid: number; readonly done: Promise<CliRun> };
  remove(): void;
}

/**
 * A fresh temporary folder.
 *
 * @param prefix - Folder name prefix.
 * @returns The sandbox.
 */
export function sandbox(prefix = 'mentor-match-attack-'): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string): string => resolve(dir, name);
  const env = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', ...extra });
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(at, e.name)) : [relative(dir, join(at, e.name))]));
  return {
    dir,
    path,
    file(name, content) {
      mkdirSync(dirname(path(name)), { recursive: true });
      writeFileSync(path(name), content);
      return name;
    },
    read: (name) => readFileSync(path(name), 'utf8'),
    bytes: (name) => readFileSync(path(name)),
    files: () => walk(dir).sort(),
    cli(args, extra) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: env(extra), timeout: 120_000, maxBuffer: 64 * 2 ** 20 });
      return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
    },
    start(args) {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: env() });
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const done = new Promise<CliRun>((ok) => child.on('close', (code, signal) => ok({ code, signal, out, err })));
      return { pid: child.pid!, done };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A progress stream that is not a terminal (the bar stays off) and swallows writes. */
const quietStream = { isTTY: false, write: () => true, columns: 80 } as unknown as NodeJS.WriteStream;

/**
 * Runs the command line in-process (`runCli`, as `dist/cli.js` does), collecting what it
 * prints. Paths in `args` should be absolute (the process's working directory is not the
 * sandbox).
 *
 * @param args - Arguments after `mentor-match`.
 * @returns The exit code and the printed lines.
 */
export async function runInProcess(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { out: (l) => out.push(l), err: (l) => err.push(l), progressStream: quietStream };
  const code = await runCli(args, ctx);
  return { code, signal: null, out: out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
}
