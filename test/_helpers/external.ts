/**
 * Loaders for the external test cases in `test/fixtures/external/` (collected from
 * scipy, OR-Tools, OR-Library, …; see that directory's README for sources, licences,
 * formats and traps). The repository carries its own copy, so a clone passes its tests
 * with nothing beside it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { DenseMatrix } from '../../src/solve/types.js';

/** Absolute path of `test/fixtures/external`. */
export const EXTERNAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/external');

/** Reads and parses a JSON file of the external-case collection. */
export function loadJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(join(EXTERNAL_DIR, file), 'utf8')) as T;
}

/** A cell of a JSON matrix: a number, or `null` for a forbidden pair. */
export type Cell = number | null;

/** An `lsap` / `lsap-max` case as stored in scipy-lsap.json and ortools.json. */
export interface LsapCase {
  readonly name: string;
  readonly kind: 'lsap' | 'lsap-max';
  readonly matrix: Cell[][];
  readonly shape?: [number, number];
  readonly expected_status: 'optimal' | 'infeasible';
  readonly expected_total: number | null;
  readonly expected_assignment?: [number, number][];
  readonly expected_row_costs?: number[];
  readonly expected_sorted_costs?: number[];
  readonly derived_unique?: boolean;
  readonly derived_rectangular_total?: number;
  readonly semantics?: string;
  readonly notes?: string;
}

/** An invalid-input case: `matrix_with_specials` holds "nan", "inf", "-inf" strings. */
export interface InvalidLsapCase {
  readonly name: string;
  readonly kind: 'lsap' | 'lsap-max';
  readonly matrix_with_specials: (number | string)[][];
  readonly expected_status: 'error';
}

/** Any case of a JSON file (only `name` and `kind` are common to all). */
export interface AnyCase {
  readonly name: string;
  readonly kind: string;
  readonly variant?: string;
  readonly [key: string]: unknown;
}

interface CaseFile {
  readonly cases: AnyCase[];
  readonly invalid_input_cases?: InvalidLsapCase[];
}

/** Every case of `file` (any kind). */
export function loadCases(file: string): AnyCase[] {
  return loadJson<CaseFile>(file).cases;
}

/** The `lsap` and `lsap-max` cases of `file`. */
export function loadLsapCases(file: string): LsapCase[] {
  return loadCases(file).filter((c) => c.kind === 'lsap' || c.kind === 'lsap-max') as unknown as LsapCase[];
}

/** The `invalid_input_cases` of `file` (empty when it has none). */
export function loadInvalidCases(file: string): InvalidLsapCase[] {
  return loadJson<CaseFile>(file).invalid_input_cases ?? [];
}

/**
 * Converts a JSON matrix to a dense row-major matrix; `null` becomes `forbidden`
 * (`+Infinity` for a minimisation, `-Infinity` for a maximisation). `shape` gives the
 * size of empty matrices (`[]` with shape [0, 2]).
 */
export function toDenseCells(matrix: readonly (readonly Cell[])[], forbidden: number, shape?: readonly [number, number]): DenseMatrix {
  const rows = shape ? shape[0] : matrix.length;
  const cols = shape ? shape[1] : rows === 0 ? 0 : matrix[0].length;
  if (matrix.length !== rows) throw new Error(`matrix has ${matrix.length} rows, shape says ${rows}`);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = matrix[i];
    if (r.length !== cols) throw new Error(`row ${i} has ${r.length} cells, expected ${cols}`);
    for (let j = 0; j < cols; j++) {
      const x = r[j];
      data[i * cols + j] = x === null ? forbidden : x;
    }
  }
  return { rows, cols, data };
}

/** The dense matrix of an lsap / lsap-max case (`null` → the forbidden infinity of its kind). */
export function lsapCaseMatrix(c: LsapCase): DenseMatrix {
  return toDenseCells(c.matrix, c.kind === 'lsap-max' ? -Infinity : Infinity, c.shape);
}

/** Parses one cell of `matrix_with_specials`: a number or "nan" / "inf" / "-inf". */
export function parseSpecial(x: number | string): number {
  if (typeof x === 'number') return x;
  switch (x.toLowerCase()) {
    case 'nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      throw new Error(`unknown special value ${JSON.stringify(x)}`);
  }
}

/** `matrix_with_specials` as `number[][]`. */
export function specialsMatrix(c: InvalidLsapCase): number[][] {
  return c.matrix_with_specials.map((r) => r.map(parseSpecial));
}

// ---------------------------------------------------------------------------
// OR-Library (Beasley) assignment instances
// ---------------------------------------------------------------------------

/** Directory of the OR-Library files. */
export const OR_LIBRARY_DIR = join(EXTERNAL_DIR, 'or-library');

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => t.length > 0);
}

function toInt(t: string, what: string): number {
  const x = Number(t);
  if (!Number.isFinite(x)) throw new Error(`${what}: not a number: ${JSON.stringify(t)}`);
  return x;
}

/**
 * Parses a dense OR-Library file: first token n, then n·n costs row by row. Line
 * breaks carry no meaning, so the file is read as a stream of tokens.
 */
export function parseOrLibraryDense(text: string): DenseMatrix {
  const t = tokens(text);
  const n = toInt(t[0], 'n');
  if (t.length !== 1 + n * n) throw new Error(`dense OR-Library file: expected ${1 + n * n} tokens, found ${t.length}`);
  const data = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) data[k] = toInt(t[k + 1], `cell ${k}`);
  return { rows: n, cols: n, data };
}

/**
 * Parses a sparse OR-Library file (`assignp*`): first token n, then 1-based triples
 * `i j c`. Unlisted pairs are forbidden (`+Infinity`); a pair listed twice keeps its
 * cheaper cost.
 */
export function parseOrLibrarySparse(text: string): DenseMatrix & { readonly arcs: number } {
  const t = tokens(text);
  const n = toInt(t[0], 'n');
  if ((t.length - 1) % 3 !== 0) throw new Error(`sparse OR-Library file: ${t.length - 1} tokens after n is not a multiple of 3`);
  const data = new Float64Array(n * n).fill(Infinity);
  const arcs = (t.length - 1) / 3;
  for (let a = 0; a < arcs; a++) {
    const i = toInt(t[1 + 3 * a], 'i') - 1;
    const j = toInt(t[2 + 3 * a], 'j') - 1;
    const c = toInt(t[3 + 3 * a], 'c');
    if (!(i >= 0 && i < n && j >= 0 && j < n)) throw new Error(`arc ${a}: (${i + 1}, ${j + 1}) outside 1..${n}`);
    const k = i * n + j;
    if (c < data[k]) data[k] = c;
  }
  return { rows: n, cols: n, data, arcs };
}

/** Parses `assignopt.txt` ("name value" lines after a header) into a map. */
export function parseAssignOpt(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(assign\w+)\s+(-?\d+(?:\.\d+)?)\s*$/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** One OR-Library instance, with its expected optimum from index.json. */
export interface OrLibraryInstance {
  readonly name: string;
  readonly file: string;
  readonly n: number;
  readonly sparse: boolean;
  readonly expectedTotal: number;
  readonly arcs?: number;
  /** Reads and parses the instance file. */
  load(): DenseMatrix;
}

interface OrLibraryIndex {
  readonly instances: { name: string; file: string; n: number; expected_total: number; arcs?: number; format: string }[];
}

/** The OR-Library instances listed in `or-library/index.json`. */
export function orLibraryInstances(): OrLibraryInstance[] {
  const index = JSON.parse(readFileSync(join(OR_LIBRARY_DIR, 'index.json'), 'utf8')) as OrLibraryIndex;
  return index.instances.map((inst) => {
    const sparse = inst.format.startsWith('sparse');
    return {
      name: inst.name,
      file: inst.file,
      n: inst.n,
      sparse,
      expectedTotal: inst.expected_total,
      arcs: inst.arcs,
      load() {
        const text = readFileSync(join(OR_LIBRARY_DIR, inst.file), 'utf8');
        return sparse ? parseOrLibrarySparse(text) : parseOrLibraryDense(text);
      },
    };
  });
}

/** The optima stated in OR-Library's own `assignopt.txt`. */
export function orLibraryOptima(): Map<string, number> {
  return parseAssignOpt(readFileSync(join(OR_LIBRARY_DIR, 'assignopt.txt'), 'utf8'));
}
