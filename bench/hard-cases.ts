/**
 * `npm run bench:hard [-- --quick] [--no-write]`
 *
 * The hard cases of issue 13 against the native anchors (shared/anchors/native/: LEMON 1.3
 * NetworkSimplex and MaxWeightedMatching, a plain C++ LAPJV), on the very same `.mmb`
 * files, in one run:
 * - `capacitatedAssignment` with tied costs vs `lemon_mcf --algo ns --cap C`;
 * - `linearSumAssignment` on Machol–Wien c = i·j vs LEMON NS (`--cap 1`) and lapjv,
 *   uniform 1000×5000 and integer 2000² vs lapjv;
 * - `maxWeightMatching` on sparse random graphs (average degree 6) vs `lemon_mwm`.
 *
 * Ours runs in a fresh child process per case (this script with `--child`): the module is
 * imported and the file loaded first, then the first call is timed ("cold") and checked,
 * then a warm-up and the median of a few more ({@link measure}: "warm"). The anchors time
 * their own solves (`times_ms`); their warm figure is the median of the runs after the
 * first. Totals are compared exactly (===); a mismatch is a failure note under the table.
 *
 * Writes the section "Hard cases vs LEMON and LAPJV (issue 13)" of bench/RESULTS.md
 * (between `<!-- hard:start -->` and `<!-- hard:end -->`) unless `--no-write`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runProcess } from './anchors.js';
import { checkLsap, kahan } from './checks.js';
import { ensureNative, gen, readMmb, runNative, writeMmbDense, type NativeResult } from './native.js';
import { DATA_DIR, RESULTS_MD, ensureDataDir, srcModule } from './paths.js';
import { fmtMs } from './report.js';
import { measure, type Outcome, type Verdict } from './timing.js';

const SELF = fileURLToPath(import.meta.url);
/** Ours is killed past this (per case, cold + warm runs together) and reported as capped. */
const OURS_CAP_MS = 150_000;

type Solver = 'cap' | 'lsap' | 'mwm';
interface AnchorSpec {
  readonly name: string;
  readonly program: 'lapjv' | 'lemon_mcf' | 'lemon_mwm';
  readonly args: string[];
}
interface Case {
  readonly label: string;
  readonly solver: Solver;
  readonly capacity?: number;
  readonly file: () => string;
  readonly anchors: readonly AnchorSpec[];
}

const SEED = 13;
const f = (name: string): string => resolve(DATA_DIR, name);
const NS = (cap: number): AnchorSpec => ({ name: 'LEMON NS', program: 'lemon_mcf', args: ['--algo', 'ns', '--cap', String(cap)] });
const LAPJV: AnchorSpec = { name: 'lapjv', program: 'lapjv', args: [] };
const MWM: AnchorSpec = { name: 'LEMON MWM', program: 'lemon_mwm', args: [] };

function denseInt(r: number, c: number, lo: number, hi: number): () => string {
  return () => gen(f(`hard-int${lo}-${hi}-${r}x${c}-s${SEED}.mmb`), ['dense-int', String(r), String(c), String(SEED), String(lo), String(hi)]);
}
function denseUniform(r: number, c: number): () => string {
  return () => gen(f(`hard-uniform-${r}x${c}-s${SEED}.mmb`), ['dense-uniform', String(r), String(c), String(SEED)]);
}
/** Machol–Wien: c[i][j] = i·j with 1-based i, j (integers, exact everywhere). */
function macholWien(n: number): () => string {
  return () => writeMmbDense(f(`hard-macholwien-${n}.mmb`), n, n, 0, (i, out) => {
    for (let j = 0; j < n; j++) out[j] = (i + 1) * (j + 1);
  });
}
function edges(n: number, deg: number): () => string {
  return () => gen(f(`hard-edges-uniform-${n}-d${deg}-s${SEED}.mmb`), ['edges-uniform', String(n), String(deg), String(SEED)]);
}

function cases(quick: boolean): Case[] {
  const q = quick;
  const cap = (r: number, c: number, capacity: number, lo: number, hi: number, what: string): Case => ({
    label: `capacitated ${what} ${r}×${c} cap ${capacity}`,
    solver: 'cap',
    capacity,
    file: denseInt(r, c, lo, hi),
    anchors: [NS(capacity)],
  });
  const n1 = q ? 300 : 1000;
  return [
    q ? cap(300, 30, 10, 0, 0, 'all zero') : cap(750, 75, 10, 0, 0, 'all zero'),
    q ? cap(600, 60, 10, 0, 2, 'ints 0..2') : cap(1500, 150, 10, 0, 2, 'ints 0..2'),
    q ? cap(1200, 120, 8, 0, 2, 'ints 0..2') : cap(3000, 300, 8, 0, 2, 'ints 0..2'),
    q ? cap(1200, 120, 20, 0, 2, 'ints 0..2') : cap(3000, 300, 20, 0, 2, 'ints 0..2'),
    { label: `LSAP Machol–Wien c = i·j ${n1}²`, solver: 'lsap', file: macholWien(n1), anchors: [NS(1), LAPJV] },
    { label: `LSAP uniform ${q ? '300×1500' : '1000×5000'}`, solver: 'lsap', file: q ? denseUniform(300, 1500) : denseUniform(1000, 5000), anchors: [LAPJV] },
    { label: `LSAP ints 0..99 ${q ? '500²' : '2000²'}`, solver: 'lsap', file: q ? denseInt(500, 500, 0, 99) : denseInt(2000, 2000, 0, 99), anchors: [LAPJV] },
    ...(q ? [2000, 4000] : [10_000, 20_000]).map((n): Case => ({
      label: `matching sparse n = ${n.toLocaleString('en')}, degree 6`,
      solver: 'mwm',
      file: edges(n, 6),
      anchors: [MWM],
    })),
  ];
}

// ---------------------------------------------------------------- child: ours, one case

interface ChildOut {
  readonly coldMs?: number;
  readonly outcome: Outcome;
}

async function child(solver: Solver, file: string, capacity: number): Promise<ChildOut> {
  const mmb = readMmb(file);
  let run: () => unknown;
  let check: (r: unknown) => Verdict;
  if (solver === 'cap' || solver === 'lsap') {
    if (mmb.kind !== 'dense') throw new Error('dense input expected');
    const cost = mmb.dense;
    if (solver === 'cap') {
      const m = (await import(srcModule('solve/capacitated.ts').url)) as {
        capacitatedAssignment: (c: typeof cost, o: { capacity: number }) => { assignment: Int32Array; total: number };
      };
      run = () => m.capacitatedAssignment(cost, { capacity });
      check = (r) => {
        const x = r as { assignment: Int32Array; total: number };
        const v = checkLsap(cost, x.assignment, undefined, capacity);
        if (v.ok && v.total !== x.total) return { ok: false, detail: `reported total ${x.total} != recomputed ${v.total}` };
        return v;
      };
    } else {
      const m = (await import(srcModule('solve/lsap.ts').url)) as {
        linearSumAssignment: (c: typeof cost) => { rowIndices: Int32Array; colIndices: Int32Array; total: number };
      };
      run = () => m.linearSumAssignment(cost);
      check = (r) => {
        const x = r as { rowIndices: Int32Array; colIndices: Int32Array; total: number };
        const a = new Int32Array(cost.rows).fill(-1);
        for (let k = 0; k < x.rowIndices.length; k++) a[x.rowIndices[k]] = x.colIndices[k];
        const v = checkLsap(cost, a, undefined, 1);
        if (v.ok && v.total !== x.total) return { ok: false, detail: `reported total ${x.total} != recomputed ${v.total}` };
        return v;
      };
    }
  } else {
    if (mmb.kind !== 'edges') throw new Error('edge list expected');
    const { n, u, v, w } = mmb;
    const list: [number, number, number][] = Array.from({ length: u.length }, (_, k) => [u[k], v[k], w[k]]);
    const weight = new Map<number, number>();
    for (let k = 0; k < u.length; k++) weight.set(Math.min(u[k], v[k]) * n + Math.max(u[k], v[k]), w[k]);
    const m = (await import(srcModule('solve/blossom.ts').url)) as {
      maxWeightMatching: (e: typeof list, o: { vertexCount: number }) => { mate: Int32Array; total: number };
    };
    run = () => m.maxWeightMatching(list, { vertexCount: n });
    check = (r) => {
      const x = r as { mate: Int32Array; total: number };
      const picked: number[] = [];
      for (let a = 0; a < n; a++) {
        const b = x.mate[a];
        if (b < 0) continue;
        if (x.mate[b] !== a) return { ok: false, detail: `mate[mate[${a}]] != ${a}` };
        if (a < b) {
          const wt = weight.get(a * n + b);
          if (wt === undefined) return { ok: false, detail: `matched pair (${a}, ${b}) is not an edge` };
          picked.push(wt);
        }
      }
      const total = kahan(picked.length, (k) => picked[k]);
      if (total !== x.total) return { ok: false, detail: `reported total ${x.total} != recomputed ${total}` };
      return { ok: true, total };
    };
  }
  // The checked run of measure() is the process's first call: time it as the cold run.
  let coldMs: number | undefined;
  const outcome = measure({
    prepare: () => undefined,
    run: () => {
      if (coldMs !== undefined) return run();
      const t0 = performance.now();
      const r = run();
      coldMs = performance.now() - t0;
      return r;
    },
    check,
  });
  return { coldMs, outcome };
}

// ---------------------------------------------------------------- parent

interface Row {
  readonly label: string;
  readonly oursCold: string;
  readonly oursWarm: string;
  readonly anchor: string;
  readonly anchorWarm: string;
  readonly ratio: string;
  readonly equal: string;
}

function ours(c: Case, file: string): { cold: string; warm: string; ms?: number; total?: number; note?: string } {
  const args = [...process.execArgv, SELF, '--child', c.solver, file, String(c.capacity ?? 1)];
  let out: ChildOut;
  try {
    const { stdout } = runProcess(process.execPath, args, false, OURS_CAP_MS);
    out = JSON.parse(stdout.trim().split('\n').pop()!) as ChildOut;
  } catch (e) {
    const msg = (e as Error).message;
    if (/SIGTERM|ETIMEDOUT/.test(msg)) {
      return { cold: `> ${OURS_CAP_MS / 1000} s (capped)`, warm: '–', note: `ours killed after ${OURS_CAP_MS / 1000} s (cold + warm runs)` };
    }
    return { cold: '✗ error', warm: '–', note: msg.split('\n').slice(0, 3).join(' ') };
  }
  const o = out.outcome;
  const cold = out.coldMs !== undefined ? fmtMs(out.coldMs) : '–';
  if (o.kind !== 'ok') return { cold: o.kind === 'wrong' ? '✗ wrong' : '✗ error', warm: '–', note: `ours: ${o.detail}` };
  if (o.cold) return { cold, warm: `${fmtMs(o.ms)}* (cold only)`, ms: o.ms, total: o.total };
  return { cold, warm: `${fmtMs(o.ms)} (${o.runs})`, ms: o.ms, total: o.total };
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b <= 0) return '–';
  const r = a / b;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const out = await child(argv[1] as Solver, argv[2], Number(argv[3]));
    console.log(JSON.stringify(out));
    return;
  }
  for (const a of argv) if (a !== '--quick' && a !== '--no-write') throw new Error(`unknown argument ${a} (use --quick, --no-write)`);
  const quick = argv.includes('--quick');
  const write = !argv.includes('--no-write');
  const started = new Date();
  const load0 = loadavg()[0];
  const t0 = Date.now();
  const log = (s: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  ensureDataDir();

  const native = ensureNative();
  const rows: Row[] = [];
  const notes: string[] = [];
  if (!native.ok) {
    notes.push(`Skipped: the native anchors are not available (${native.why}).`);
    log(notes[0]);
  } else {
    for (const c of cases(quick)) {
      log(`${c.label}: input`);
      const file = c.file();
      log(`${c.label}: ours`);
      const o = ours(c, file);
      if (o.note) notes.push(`${c.label}: ${o.note}`);
      for (const a of c.anchors) {
        log(`${c.label}: ${a.name}`);
        let r: NativeResult | undefined;
        try {
          r = runNative(a.program, file, a.args);
        } catch (e) {
          notes.push(`${c.label}, ${a.name}: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
        }
        let equal = '–';
        if (r && o.total !== undefined) {
          equal = r.total === o.total ? 'yes' : '**no**';
          if (r.total !== o.total) notes.push(`FAILURE ${c.label}: ours total ${o.total} != ${a.name} total ${r.total} (${r.solver})`);
        }
        rows.push({
          label: c.label,
          oursCold: o.cold,
          oursWarm: o.warm,
          anchor: a.name,
          anchorWarm: r ? `${fmtMs(r.warmMs)} (${r.times_ms.length - (r.times_ms.length > 1 ? 1 : 0)})` : '✗',
          ratio: ratio(o.ms, r?.warmMs),
          equal,
        });
      }
    }
  }

  const table = [
    '| case | ours cold (ms) | ours warm (ms) | anchor | anchor warm (ms) | ours / anchor | totals equal |',
    '| --- | ---: | ---: | --- | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.label} | ${r.oursCold} | ${r.oursWarm} | ${r.anchor} | ${r.anchorWarm} | ${r.ratio} | ${r.equal} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  for (const n of notes) console.log(`- ${n}`);

  const load1 = loadavg()[0];
  const cpu = cpus();
  const shared = Math.max(load0, load1) > 1.5;
  const section = [
    '<!-- hard:start -->',
    '## Hard cases vs LEMON and LAPJV (issue 13) (`npm run bench:hard`)',
    '',
    `Measured ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC${quick ? ' (--quick)' : ''}, ${((Date.now() - t0) / 1000) | 0} s; ` +
      `${cpu[0]?.model ?? '?'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, LEMON 1.3 (liblemon-dev), g++ -O2. ` +
      `Load average ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at the end` +
      (shared ? ': **the machine was shared with other jobs**, so times are noisy (ratios from the same run are the figure to read).' : '.'),
    '',
    'Same seeded `.mmb` file for ours and the anchor (bench/.data/, `gen` of shared/anchors/native/ or bench/native.ts for Machol–Wien c = i·j, 1-based). ' +
      'Ours: a fresh child process per case; "cold" = the first call in that process (module imported and input loaded beforehand), "warm" = median of the runs after a warm-up (count in parentheses; `*` = the first run was the only one). ' +
      'Anchor warm = median of its solves after the first (solve only, graph build excluded). Ratio = ours warm / anchor warm (> 1× means ours is slower). Totals compared exactly.',
    '',
    table,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '<!-- hard:end -->',
  ].join('\n');

  if (write) {
    const old = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Benchmark results\n';
    const re = /<!-- hard:start -->[\s\S]*?<!-- hard:end -->/u;
    writeFileSync(RESULTS_MD, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
    log(`wrote ${RESULTS_MD}`);
  } else log('RESULTS.md not updated (--no-write)');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
