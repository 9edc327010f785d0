/**
 * Seeded benchmark matrices, stored as raw little-endian float64 row-major files so that
 * the Node side and the Python anchors solve the very same numbers.
 *
 * Normal path: `shared/anchors/make_matrix.py` (numpy `default_rng(seed)`), run with
 * `/usr/bin/python3`. Fallback when that interpreter lacks numpy: a seeded JS PRNG of the
 * same kind (different numbers; anchors are then skipped by the caller).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { join, resolve } from 'node:path';
import { ANCHORS_DIR, PYTHON, ensureDataDir } from './paths.js';

export type MatrixKind = 'float' | 'int';

export interface Dense {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

if (endianness() !== 'LE') throw new Error('bench: the .f64 files are little-endian; this machine is not');

let pythonOk: boolean | undefined;
let pythonWhy = '';

/** Whether `/usr/bin/python3` can import numpy, scipy and networkx (checked once). */
export function pythonAvailable(): { ok: boolean; why: string } {
  if (pythonOk === undefined) {
    const r = spawnSync(PYTHON, ['-c', 'import numpy, scipy, networkx'], { encoding: 'utf8' });
    pythonOk = r.status === 0;
    pythonWhy = pythonOk ? '' : (r.error?.message ?? r.stderr.trim().split('\n').pop() ?? 'unknown error');
  }
  return { ok: pythonOk, why: pythonWhy };
}

/** Reads a raw float64 file into a fresh (aligned) Float64Array without a second copy. */
export function readF64(path: string, rows: number, cols: number): Dense {
  const n = rows * cols;
  const size = statSync(path).size;
  if (size !== n * 8) throw new Error(`${path}: expected ${n * 8} bytes for ${rows}x${cols}, found ${size}`);
  const data = new Float64Array(n);
  const bytes = new Uint8Array(data.buffer);
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    while (off < bytes.length) {
      const got = readSync(fd, bytes, off, Math.min(1 << 26, bytes.length - off), off);
      if (got <= 0) throw new Error(`${path}: short read at byte ${off}`);
      off += got;
    }
  } finally {
    closeSync(fd);
  }
  return { rows, cols, data };
}

/** Writes a Float64Array (or chunks produced by `fill`) as raw little-endian float64, atomically. */
export function writeF64(path: string, data: Float64Array): void {
  writeF64Rows(path, 1, (_, out) => out.set(data), data.length);
}

/**
 * Writes a `rows x cols` file row by row (`fillRow(i, out)` fills one row), so a huge
 * derived matrix never has to sit in memory at once. Written to a temp name, then renamed.
 */
export function writeF64Rows(path: string, rows: number, fillRow: (i: number, out: Float64Array) => void, cols: number): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const row = new Float64Array(cols);
  const bytes = new Uint8Array(row.buffer);
  const fd = openSync(tmp, 'w');
  try {
    for (let i = 0; i < rows; i++) {
      fillRow(i, row);
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function fileOk(path: string, bytes: number): boolean {
  return existsSync(path) && statSync(path).size === bytes;
}

/**
 * Returns the path of the seeded `kind` matrix `rows x cols`, generating it once
 * (cached in bench/.data/). `source` says which generator made it.
 */
export function ensureMatrix(kind: MatrixKind, rows: number, cols: number, seed: number): { path: string; source: 'numpy' | 'js' } {
  const dir = ensureDataDir();
  const py = pythonAvailable().ok;
  const source = py ? 'numpy' : 'js';
  const path = join(dir, `${source}-${kind}-${rows}x${cols}-s${seed}.f64`);
  if (fileOk(path, rows * cols * 8)) return { path, source };
  if (py) {
    const tmp = `${path}.tmp-${process.pid}`;
    const r = spawnSync(PYTHON, [resolve(ANCHORS_DIR, 'make_matrix.py'), kind, String(rows), String(cols), String(seed), tmp], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`make_matrix.py failed: ${r.stderr || r.error?.message}`);
    renameSync(tmp, path);
  } else {
    const next = xoshiro128ss(seed);
    writeF64Rows(path, rows, (_, out) => {
      for (let j = 0; j < cols; j++) out[j] = kind === 'float' ? next() : Math.floor(next() * 100);
    }, cols);
  }
  return { path, source };
}

/**
 * Symmetric complete-graph weights from an n x n matrix: W[i][j] = W[j][i] = M[min][max],
 * diagonal 0. Written next to the source as `<name>.sym.f64` (for the networkx anchor)
 * and returned.
 */
export function ensureSymmetric(srcPath: string, n: number): { path: string; w: Dense } {
  const { data } = readF64(srcPath, n, n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) data[j * n + i] = data[i * n + j];
  }
  const path = srcPath.replace(/\.f64$/, '.sym.f64');
  if (!fileOk(path, n * n * 8)) writeF64(path, data);
  return { path, w: { rows: n, cols: n, data } };
}

/**
 * The `rows x (cols * capacity)` slot matrix of a capacitated problem (column j repeated
 * `capacity` times, slot j*capacity + t), written row by row as `<name>.x<capacity>.f64`.
 */
export function ensureExpanded(src: Dense, srcPath: string, capacity: number): string {
  const { rows, cols, data } = src;
  const path = srcPath.replace(/\.f64$/, `.x${capacity}.f64`);
  if (fileOk(path, rows * cols * capacity * 8)) return path;
  writeF64Rows(path, rows, (i, out) => {
    const base = i * cols;
    for (let j = 0; j < cols; j++) out.fill(data[base + j], j * capacity, (j + 1) * capacity);
  }, cols * capacity);
  return path;
}

/** xoshiro128** seeded through splitmix32; returns doubles in [0, 1) with 53 random bits. */
function xoshiro128ss(seed: number): () => number {
  let z = seed >>> 0;
  const sm = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b) >>> 0;
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35) >>> 0;
    return (t ^ (t >>> 16)) >>> 0;
  };
  let a = sm(), b = sm(), c = sm(), d = sm();
  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return r;
  };
  return () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
