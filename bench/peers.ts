/**
 * The JS peers, behind one small adapter shape each: how to feed them our seeded matrix
 * (conversion done once, outside the timing), how to call them, how to read their answer
 * back as row -> column (LSAP) or a mate array (matching), and a rough run-time estimate
 * (from shared/anchors/README.md) so a hopeless size is skipped instead of run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import munkres from 'munkres';
import { linearSumAssignment as mljsLsa } from 'linear-sum-assignment';
import { Matrix } from 'ml-matrix';
import type { Dense, MatrixKind } from './data.js';

const require = createRequire(import.meta.url);

/** Installed version of an npm package (from its package.json). */
export function pkgVersion(name: string): string {
  try {
    const p = require.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
  } catch {
    // packages without "./package.json" in their exports map
    try {
      const main = require.resolve(name);
      const root = main.slice(0, main.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length);
      return (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  }
}

/** Past this estimated single-run time a peer is not run for a size. */
export const SKIP_MS = 60_000;

export interface LsapPeer<I> {
  readonly id: string;
  /** Column header, e.g. `munkres`. */
  readonly label: string;
  readonly pkg: string;
  /** Why the peer is not run for this shape (null = run it). */
  gate(rows: number, cols: number, kind: MatrixKind): string | null;
  /** One-time conversion (untimed); returns the per-run input factory (also untimed). */
  setup(cost: Dense): () => I;
  /** The timed call; returns row -> column (-1 = unassigned). */
  solve(input: I): Int32Array;
}

function gateByEstimate(estimateMs: number): string | null {
  return estimateMs > SKIP_MS ? 'skipped (> 60 s, see anchors README)' : null;
}

function rowViews(cost: Dense): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < cost.rows; i++) out.push(cost.data.subarray(i * cost.cols, (i + 1) * cost.cols));
  return out;
}

function pairsToAssignment(rows: number, pairs: ReadonlyArray<readonly [number, number]>): Int32Array {
  const a = new Int32Array(rows).fill(-1);
  for (const [r, c] of pairs) a[r] = c;
  return a;
}

/**
 * npm `munkres` 2.0.4 (havelessbemore): `munkres(costMatrix)` on any MatrixLike (rows may
 * be typed arrays), rectangular supported, input not mutated; returns `[row, col][]`.
 * Fed zero-copy Float64Array row views (as fast as number[][] in a quick check).
 */
export const munkresPeer: LsapPeer<Float64Array[]> = {
  id: 'munkres',
  label: 'munkres',
  pkg: 'munkres',
  gate: (r, c) => gateByEstimate(3300 * (Math.min(r, c) / 5000) ** 2 * (Math.max(r, c) / 5000)),
  setup(cost) {
    const m = rowViews(cost);
    return () => m;
  },
  solve(m) {
    return pairsToAssignment(m.length, munkres(m) as Array<[number, number]>);
  },
};

/**
 * npm `linear-sum-assignment` 1.0.9 (mljs): takes an ml-matrix `Matrix`, MAXIMISES unless
 * `{ maximaze: false }` (sic), and subtracts the minimum from its input in place, so each
 * run gets a fresh `Matrix` copy built outside the timing. Result `rowAssignments` is a
 * Float64Array row -> column; `gain: -1` signals failure.
 */
export const mljsPeer: LsapPeer<Matrix> = {
  id: 'mljs',
  label: 'linear-sum-assignment',
  pkg: 'linear-sum-assignment',
  gate: (r, c, kind) => {
    const k = Math.min(r, c), m = Math.max(r, c);
    // README: 1000² 262 ms, 2000² 2.96 s, 5000² 36.5 s, 1000x5000 354 ms, ints 1000² 3.17 s
    const est = kind === 'int' ? 3170 * (k / 1000) ** 3 * (m / k) : 36500 * (k / 5000) ** 2 * (m / 5000);
    return gateByEstimate(est);
  },
  setup(cost) {
    const views = rowViews(cost);
    return () => new Matrix(views);
  },
  solve(m) {
    const rows = m.rows;
    const r = mljsLsa(m, { maximaze: false });
    if (r.gain === -1) throw new Error('linear-sum-assignment returned gain -1 (infeasible)');
    const a = new Int32Array(rows);
    for (let i = 0; i < rows; i++) a[i] = r.rowAssignments[i];
    return a;
  },
};

type MunkresJs = (m: number[][]) => Array<[number, number]>;

/**
 * npm `munkres-js` 1.2.2: classic O(n⁴)-ish Munkres on `number[][]` (copies and pads a
 * rectangular input to square). Only run for n <= 200 (n = 1000 takes ~68 s).
 */
export const munkresJsPeer: LsapPeer<number[][]> = {
  id: 'munkres-js',
  label: 'munkres-js',
  pkg: 'munkres-js',
  gate: (r, c) => (Math.max(r, c) <= 200 ? null : 'skipped (> 60 s, see anchors README)'),
  setup(cost) {
    const m = rowViews(cost).map((v) => Array.from(v));
    return () => m;
  },
  solve(m) {
    const fn = require('munkres-js') as MunkresJs;
    return pairsToAssignment(m.length, fn(m));
  },
};

export const LSAP_PEERS = [munkresPeer, mljsPeer, munkresJsPeer] as const;

type EdmondsFn = (edges: Array<[number, number, number]>, maxCardinality?: boolean) => number[];

/**
 * npm `edmonds-blossom-fixed` 1.0.1: a port of van Rantwijk's mwmatching.py; takes the
 * edge list `[u, v, w][]` (built once, outside the timing), returns `mate[]` (-1 = single).
 * README: n = 200 156 ms, 500 5.46 s, 1000 44.1 s.
 */
export const edmondsPeer = {
  id: 'edmonds',
  label: 'edmonds-blossom-fixed',
  pkg: 'edmonds-blossom-fixed',
  gate: (n: number): string | null => gateByEstimate(44100 * (n / 1000) ** 3),
  setup(w: Dense): () => Array<[number, number, number]> {
    const n = w.rows;
    const edges: Array<[number, number, number]> = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j, w.data[i * n + j]]);
    return () => edges;
  },
  solve(edges: Array<[number, number, number]>, n: number): Int32Array {
    const fn = require('edmonds-blossom-fixed') as EdmondsFn;
    const mate = fn(edges, false);
    const out = new Int32Array(n).fill(-1);
    for (let v = 0; v < mate.length; v++) out[v] = mate[v];
    return out;
  },
};

/** networkx.max_weight_matching estimate (README: n = 200 2.8 s, n = 500 45.7 s, 1000 ~500 s). */
export function networkxGate(n: number): string | null {
  return gateByEstimate(45700 * (n / 500) ** 3);
}
