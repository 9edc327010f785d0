/**
 * Sparse weighted matching: `maxWeightMatching` on seeded random graphs of average degree
 * `--deg` (default 6) against LEMON 1.3 `MaxWeightedMatching` (`lemon_mwm`, built from
 * ../shared/anchors/native into bench/.data/native), on the same `.mmb` edge-list file.
 *
 *   npx tsx bench/blossom-sparse.ts [--n 10000,20000,40000,100000] [--deg 6] [--seed 1]
 *       [--runs 5] [--weights dyadic|int] [--kernel auto|stages]
 *
 * Graphs: mulberry32(seed), n·deg/2 distinct random pairs; weights k / 2³⁰ (`dyadic`, exact
 * in float64 sums, LEMON solves them as double) or integers 1..1000 (`int`, LEMON as int).
 * Ours runs in a fresh child process: cold = the first call of that process, warm = the
 * median of the next `--runs - 1` calls; every result is checked (a valid matching whose
 * recomputed total equals the reported one) and its total compared exactly with LEMON's.
 * `--kernel stages` times the stage-based kernel (the pre-heap path) for before/after tables.
 *
 * `--dense 1000,2000`: the no-regression check of the dense path instead — complete graphs
 * (seeded uniform symmetric k / 2³⁰ weights) through `maxWeightMatchingDense`, against
 * LEMON (`FullGraph`) and, for n ≤ 1000, npm `edmonds-blossom-fixed` (one run).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureNative, readMmb, runNative, writeMmbDense } from './native.js';
import { DATA_DIR, ensureDataDir, srcModule } from './paths.js';
import { mulberry32 } from './cohort.js';

const SELF = fileURLToPath(import.meta.url);


/** Writes a seeded random simple graph as an edge-list `.mmb` (kind 2). Skipped when it exists. */
function writeGraph(path: string, n: number, deg: number, seed: number, weights: 'dyadic' | 'int'): string {
  if (existsSync(path)) return path;
  const rnd = mulberry32(seed);
  const m = Math.floor((n * deg) / 2);
  const U = new Int32Array(m);
  const V = new Int32Array(m);
  const W = new Float64Array(m);
  const seen = new Set<number>();
  let k = 0;
  while (k < m) {
    let u = Math.floor(rnd() * n);
    let v = Math.floor(rnd() * n);
    if (u === v) continue;
    if (u > v) [u, v] = [v, u];
    const key = u * n + v;
    if (seen.has(key)) continue;
    seen.add(key);
    U[k] = u;
    V[k] = v;
    W[k] = weights === 'int' ? 1 + Math.floor(rnd() * 1000) : Math.floor(rnd() * 2 ** 30) / 2 ** 30;
    k++;
  }
  const h = Buffer.alloc(32);
  h.write('MMB1', 0, 'latin1');
  h.writeUInt32LE(2, 4);
  h.writeBigInt64LE(BigInt(n), 8);
  h.writeBigInt64LE(BigInt(m), 16);
  h.writeBigUInt64LE(BigInt(seed), 24);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, h);
    writeSync(fd, new Uint8Array(U.buffer));
    writeSync(fd, new Uint8Array(V.buffer));
    writeSync(fd, new Uint8Array(W.buffer));
  } finally {
    closeSync(fd);
  }
  return path;
}

interface ChildOut {
  readonly times: number[];
  readonly total: number;
  readonly ok: boolean;
  readonly detail?: string;
}

async function childDense(file: string, runs: number, who: string): Promise<void> {
  const f = readMmb(file);
  if (f.kind !== 'dense') throw new Error('dense matrix expected');
  const { rows: n, data } = f.dense;
  const times: number[] = [];
  let total = 0;
  if (who === 'edmonds') {
    const edmonds = createRequire(import.meta.url)('edmonds-blossom-fixed') as (e: number[][]) => number[];
    const edges: number[][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j, data[i * n + j]]);
    const t0 = performance.now();
    const mate = edmonds(edges);
    times.push(performance.now() - t0);
    for (let i = 0; i < n; i++) if (mate[i] > i) total += data[i * n + mate[i]];
  } else {
    const api = (await import(srcModule('solve/blossom.ts').url)) as typeof import('../src/solve/blossom.js');
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      total = api.maxWeightMatchingDense({ rows: n, cols: n, data }).total;
      times.push(performance.now() - t0);
    }
  }
  process.stdout.write(`${JSON.stringify({ times, total, ok: true })}\n`);
}

function denseMain(ns: number[], runs: number, seed: number): void {
  const native = ensureNative();
  ensureDataDir();
  console.log(`| n (complete) | ours cold (ms) | ours warm (ms) | LEMON warm (ms) | LEMON/ours | edmonds-blossom-fixed (ms) | edmonds/ours | totals |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
  for (const n of ns) {
    const rnd = mulberry32(seed * 7919 + n);
    const W = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i * n + j] = W[j * n + i] = Math.floor(rnd() * 2 ** 30) / 2 ** 30;
    const file = writeMmbDense(resolve(DATA_DIR, `blossom-dense-${n}-s${seed}.mmb`), n, n, seed, (i, out) => out.set(W.subarray(i * n, (i + 1) * n)));
    const go = (who: string): ChildOut => {
      const r = spawnSync(process.execPath, [...process.execArgv, SELF, '--child-dense', file, String(runs), who], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`${who} child failed: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
    };
    const ours = go('ours');
    const warm = median(ours.times.slice(1));
    const lemon = native.ok ? runNative('lemon_mwm', file, [], { runs }) : undefined;
    const ed = n <= 1000 ? go('edmonds') : undefined;
    const eq = [lemon && lemon.total !== ours.total ? `LEMON ${lemon.total}` : '', ed && ed.total !== ours.total ? `edmonds ${ed.total}` : ''].filter(Boolean);
    console.log(
      `| ${n} | ${ours.times[0].toFixed(0)} | ${warm.toFixed(0)} | ${lemon ? lemon.warmMs.toFixed(0) : 'n/a'} | ${lemon ? (lemon.warmMs / warm).toFixed(1) + '×' : ''} | ${ed ? ed.times[0].toFixed(0) : '—'} | ${ed ? (ed.times[0] / warm).toFixed(0) + '×' : ''} | ${eq.length ? 'DIFFER: ours ' + ours.total + ' ' + eq.join(' ') : 'equal'} |`,
    );
  }
}

async function child(file: string, runs: number, kernel: string): Promise<void> {
  const f = readMmb(file);
  if (f.kind !== 'edges') throw new Error('edge list expected');
  const { n, u, v, w } = f;
  const m = u.length;
  let run: () => { mate: Int32Array; total: number };
  if (kernel === 'stages') {
    const core = (await import(srcModule('solve/_internal/blossom-core.ts').url)) as typeof import('../src/solve/_internal/blossom-core.js');
    run = () => {
      const offsets = new Int32Array(n + 1);
      for (let k = 0; k < m; k++) {
        offsets[u[k] + 1]++;
        offsets[v[k] + 1]++;
      }
      for (let x = 0; x < n; x++) offsets[x + 1] += offsets[x];
      const fill = offsets.slice(0, n);
      const adjVertex = new Int32Array(2 * m);
      const adjWeight = new Float64Array(2 * m);
      for (let k = 0; k < m; k++) {
        let p = fill[u[k]]++;
        adjVertex[p] = v[k];
        adjWeight[p] = w[k];
        p = fill[v[k]]++;
        adjVertex[p] = u[k];
        adjWeight[p] = w[k];
      }
      const integral = w.every((x) => Number.isInteger(x));
      const mate = core.solveBlossom({ kind: 'sparse', n, offsets, adjVertex, adjWeight }, { maxCardinality: false, integral, kernel: 'stages' });
      let total = 0;
      for (let k = 0; k < m; k++) if (mate[u[k]] === v[k]) total += w[k];
      return { mate, total };
    };
  } else {
    const api = (await import(srcModule('solve/blossom.ts').url)) as typeof import('../src/solve/blossom.js');
    const list: [number, number, number][] = Array.from({ length: m }, (_, k) => [u[k], v[k], w[k]]);
    run = () => api.maxWeightMatching(list, { vertexCount: n });
  }
  const times: number[] = [];
  let res: { mate: Int32Array; total: number } | undefined;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    res = run();
    times.push(performance.now() - t0);
    if (r === 0 && times[0] > 120_000) break;
  }
  // Check: symmetric, only graph edges, total recomputed (float64 sums of k/2^30 are exact).
  const { mate, total } = res!;
  let ok = true;
  let detail: string | undefined;
  const weight = new Map<number, number>();
  for (let k = 0; k < m; k++) weight.set(Math.min(u[k], v[k]) * n + Math.max(u[k], v[k]), w[k]);
  let sum = 0;
  for (let a = 0; a < n && ok; a++) {
    const b = mate[a];
    if (b < 0) continue;
    if (mate[b] !== a) [ok, detail] = [false, `mate[mate[${a}]] != ${a}`];
    else if (a < b) {
      const x = weight.get(a * n + b);
      if (x === undefined) [ok, detail] = [false, `(${a}, ${b}) is not an edge`];
      else sum += x;
    }
  }
  if (ok && sum !== total) [ok, detail] = [false, `reported total ${total} != recomputed ${sum}`];
  const out: ChildOut = { times, total, ok, detail };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3], Number(process.argv[4]), process.argv[5]);
    return;
  }
  if (process.argv[2] === '--child-dense') {
    await childDense(process.argv[3], Number(process.argv[4]), process.argv[5]);
    return;
  }
  if (process.argv.includes('--dense')) {
    denseMain(arg('dense', '1000,2000').split(',').map(Number), Number(arg('runs', '5')), Number(arg('seed', '1')));
    return;
  }
  const ns = arg('n', '10000,20000,40000,100000').split(',').map(Number);
  const deg = Number(arg('deg', '6'));
  const seed = Number(arg('seed', '1'));
  const runs = Number(arg('runs', '5'));
  const weights = arg('weights', 'dyadic') as 'dyadic' | 'int';
  const kernel = arg('kernel', 'auto');
  const native = ensureNative();
  ensureDataDir();
  console.log(`| n | m | ours cold (ms) | ours warm (ms) | LEMON cold (ms) | LEMON warm (ms) | warm ours/LEMON | totals |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
  for (const n of ns) {
    const file = writeGraph(resolve(DATA_DIR, `blossom-sparse-${weights}-${n}-d${deg}-s${seed}.mmb`), n, deg, seed, weights);
    const r = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', file, String(runs), kernel], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      console.log(`| ${n} | child failed: ${(r.stderr || '').split('\n').slice(0, 3).join(' ')} |`);
      continue;
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
    const cold = out.times[0];
    const warm = out.times.length > 1 ? median(out.times.slice(1)) : cold;
    let lemonCold = NaN;
    let lemonWarm = NaN;
    let eq = out.ok ? '' : `INVALID: ${out.detail}`;
    if (native.ok) {
      const l = runNative('lemon_mwm', file, [], { runs });
      lemonCold = l.coldMs;
      lemonWarm = l.warmMs;
      if (out.ok) eq = l.total === out.total ? 'equal' : `DIFFER: ours ${out.total} LEMON ${l.total}`;
    } else if (out.ok) eq = `no LEMON (${native.why})`;
    const m = Math.floor((n * deg) / 2);
    console.log(
      `| ${n} | ${m} | ${cold.toFixed(0)} | ${warm.toFixed(0)} | ${lemonCold.toFixed(0)} | ${lemonWarm.toFixed(0)} | ${(warm / lemonWarm).toFixed(2)}× | ${eq} |`,
    );
  }
}

await main();
