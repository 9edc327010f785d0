/**
 * The native (C++) anchors of shared/anchors/native/: LEMON 1.3 (`lemon_mcf`, `lemon_mwm`),
 * a plain C++ LAPJV (`lapjv`) and the seeded generator (`gen`), built with its build.sh into
 * bench/.data/native/ (gitignored) when missing. Also the `.mmb` input format (read and
 * write), so that ours and the anchor solve the very same file.
 *
 * `.mmb` (little-endian, see common.hpp): 32-byte header — "MMB1", uint32 kind
 * (1 = dense float64 row-major, 2 = edge list), int64 a (rows | n), int64 b (cols | m),
 * uint64 seed — then the payload: dense a*b float64, or m int32 u, m int32 v, m float64 w.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { runProcess } from './anchors.js';
import type { Dense } from './data.js';
import { ANCHORS_DIR, DATA_DIR, ensureDataDir } from './paths.js';

export const NATIVE_SRC = resolve(ANCHORS_DIR, 'native');
export const NATIVE_BIN = resolve(DATA_DIR, 'native');
const PROGRAMS = ['gen', 'lapjv', 'lemon_mwm', 'lemon_mcf'] as const;
export type NativeProgram = (typeof PROGRAMS)[number];

/** One JSON line printed by an anchor (common.hpp `printResult`). */
export interface NativeResult {
  readonly solver: string;
  /** Every timed solve, in order (the first is the process's first call). */
  readonly times_ms: number[];
  readonly build_ms: number;
  readonly total: number;
  readonly count: number;
  readonly rss_load_kb: number;
  readonly rss_peak_kb: number;
  /** Median of the runs after the first (the first alone when there was one run). */
  readonly warmMs: number;
  readonly coldMs: number;
}

/**
 * Builds the anchors when a binary is missing (build.sh also rebuilds stale ones).
 * Returns `{ ok: false, why }` when g++ or the LEMON headers are missing, or the build fails.
 */
export function ensureNative(): { ok: true } | { ok: false; why: string } {
  if (!existsSync(resolve(NATIVE_SRC, 'build.sh'))) return { ok: false, why: `${NATIVE_SRC}/build.sh not found` };
  const have = PROGRAMS.every((p) => existsSync(resolve(NATIVE_BIN, p)));
  if (have) return { ok: true };
  if (spawnSync('g++', ['--version'], { encoding: 'utf8' }).status !== 0) {
    return { ok: false, why: 'g++ not found (apt-get install -y g++ liblemon-dev)' };
  }
  if (!existsSync('/usr/include/lemon')) return { ok: false, why: '/usr/include/lemon missing (apt-get install -y liblemon-dev)' };
  ensureDataDir();
  try {
    runProcess('bash', [resolve(NATIVE_SRC, 'build.sh'), NATIVE_BIN], false, 10 * 60_000);
  } catch (e) {
    return { ok: false, why: `build failed: ${(e as Error).message.split('\n')[0]}` };
  }
  return { ok: true };
}

export function nativePath(p: NativeProgram): string {
  return resolve(NATIVE_BIN, p);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs one anchor on an `.mmb` file (`--runs` / `--budget-ms` as in common.hpp) and parses its JSON line. */
export function runNative(
  program: Exclude<NativeProgram, 'gen'>,
  file: string,
  args: string[] = [],
  opts: { runs?: number; budgetMs?: number; timeoutMs?: number } = {},
): NativeResult {
  const argv = [file, ...args, '--runs', String(opts.runs ?? 5), '--budget-ms', String(opts.budgetMs ?? 20_000)];
  const { stdout } = runProcess(nativePath(program), argv, false, opts.timeoutMs ?? 15 * 60_000);
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`${program}: no JSON line in output: ${stdout.slice(0, 200)}`);
  const r = JSON.parse(line) as Omit<NativeResult, 'warmMs' | 'coldMs'>;
  const t = r.times_ms;
  return { ...r, coldMs: t[0], warmMs: t.length > 1 ? median(t.slice(1)) : t[0] };
}

/** `gen ARGS…` (seeded inputs; see the header of gen.cpp). Skipped when `out` exists. */
export function gen(out: string, args: string[]): string {
  if (!existsSync(out)) runProcess(nativePath('gen'), [...args, out], false);
  return out;
}

function header(kind: number, a: number, b: number, seed: number): Buffer {
  const h = Buffer.alloc(32);
  h.write('MMB1', 0, 'latin1');
  h.writeUInt32LE(kind, 4);
  h.writeBigInt64LE(BigInt(a), 8);
  h.writeBigInt64LE(BigInt(b), 16);
  h.writeBigUInt64LE(BigInt(seed), 24);
  return h;
}

/** Writes a dense `.mmb` row by row (`fillRow(i, out)` fills row i). Skipped when `path` exists. */
export function writeMmbDense(path: string, rows: number, cols: number, seed: number, fillRow: (i: number, out: Float64Array) => void): string {
  if (existsSync(path)) return path;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header(1, rows, cols, seed));
    const row = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      fillRow(i, row);
      writeSync(fd, new Uint8Array(row.buffer));
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

export type MmbFile =
  | { readonly kind: 'dense'; readonly seed: number; readonly dense: Dense }
  | { readonly kind: 'edges'; readonly seed: number; readonly n: number; readonly u: Int32Array; readonly v: Int32Array; readonly w: Float64Array };

/** Reads an `.mmb` file (copies the payload into aligned typed arrays). */
export function readMmb(path: string): MmbFile {
  const buf = readFileSync(path);
  if (buf.length < 32 || buf.toString('latin1', 0, 4) !== 'MMB1') throw new Error(`${path}: not an MMB1 file`);
  const kind = buf.readUInt32LE(4);
  const a = Number(buf.readBigInt64LE(8));
  const b = Number(buf.readBigInt64LE(16));
  const seed = Number(buf.readBigUInt64LE(24));
  const slice = (from: number, bytes: number): ArrayBuffer => {
    if (from + bytes > buf.length) throw new Error(`${path}: short payload`);
    return buf.buffer.slice(buf.byteOffset + from, buf.byteOffset + from + bytes) as ArrayBuffer;
  };
  if (kind === 1) return { kind: 'dense', seed, dense: { rows: a, cols: b, data: new Float64Array(slice(32, a * b * 8)) } };
  if (kind === 2) {
    const u = new Int32Array(slice(32, b * 4));
    const v = new Int32Array(slice(32 + b * 4, b * 4));
    const w = new Float64Array(slice(32 + b * 8, b * 8));
    return { kind: 'edges', seed, n: a, u, v, w };
  }
  throw new Error(`${path}: unknown kind ${kind}`);
}
