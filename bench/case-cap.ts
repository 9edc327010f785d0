/**
 * Case 3: capacitated assignment, mentees × mentors with capacity 5. Ours
 * (`capacitatedAssignment`, in a child Node process) vs scipy's LSAP on the EXPANDED
 * rows × (cols·capacity) slot matrix (each mentor column repeated `capacity` times).
 * Time, total, and peak RSS of both processes (GNU time `%M`), with idle baselines.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gnuTimeAvailable, pythonBaselineKB, runProcess, scipyLsap } from './anchors.js';
import { ensureExpanded, ensureMatrix, pythonAvailable, readF64 } from './data.js';
import { BENCH_DIR, ensureDataDir, srcModule } from './paths.js';
import { cellMs, cellRatio, fmtMs, type Section } from './report.js';
import type { Outcome } from './timing.js';

interface CapCase {
  readonly rows: number;
  readonly cols: number;
  readonly capacity: number;
  readonly seed: number;
}

const FULL: CapCase = { rows: 10_000, cols: 2_000, capacity: 5, seed: 31 };
const QUICK: CapCase = { rows: 2_000, cols: 400, capacity: 5, seed: 32 };

type ChildOut = Outcome & { assignedCount?: number };

/** How the child is launched: plain node on esbuild bundles, or (fallback) node + tsx on the sources. */
interface Launcher {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly how: string;
}

/**
 * Bundles cap-child.ts and src/solve/capacitated.ts with esbuild (a dependency of tsx and
 * tsup) into bench/.data/, so the measured process is plain `node` running JS, as users
 * run the library; a TypeScript loader would add ~40-50 MB of RSS that is not ours.
 * Falls back to `node --import tsx` when esbuild or the solver source is missing.
 */
async function launcher(): Promise<Launcher> {
  const tsx: Launcher = { argv: ['--import', 'tsx', resolve(BENCH_DIR, 'cap-child.ts')], env: process.env, how: '`node --import tsx bench/cap-child.ts` (tsx loader included in its RSS)' };
  const solver = srcModule('solve/capacitated.ts');
  if (!existsSync(solver.path)) return tsx;
  try {
    const esbuild = await import('esbuild');
    const dir = ensureDataDir();
    const childOut = resolve(dir, 'cap-child.bundle.mjs');
    const solverOut = resolve(dir, 'capacitated.bundle.mjs');
    const common = { bundle: true, format: 'esm' as const, target: 'node20', logLevel: 'silent' as const };
    await esbuild.build({ ...common, entryPoints: [resolve(BENCH_DIR, 'cap-child.ts')], outfile: childOut, platform: 'node' });
    await esbuild.build({ ...common, entryPoints: [solver.path], outfile: solverOut, platform: 'neutral' });
    return {
      argv: [childOut],
      env: { ...process.env, BENCH_CAP_MODULE: pathToFileURL(solverOut).href },
      how: '`node bench/.data/cap-child.bundle.mjs` (esbuild bundles of bench/cap-child.ts and src/solve/capacitated.ts, plain node, no TypeScript loader)',
    };
  } catch (e) {
    return { ...tsx, how: `${tsx.how}; esbuild bundling failed: ${(e as Error).message}` };
  }
}

function child(l: Launcher, args: string[], rss: boolean): { out: ChildOut; peakKB?: number } {
  const { stdout, peakKB } = runProcess(process.execPath, [...l.argv, ...args], rss, undefined, l.env);
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? '{"kind":"error","detail":"no output"}';
  return { out: JSON.parse(line) as ChildOut, peakKB };
}

const mb = (kb: number | undefined): string => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(0));
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b <= 0 ? '–' : `${(a / b).toFixed(2)}×`;

export async function runCap(opts: { quick: boolean; log: (s: string) => void }): Promise<Section> {
  const c = opts.quick ? QUICK : FULL;
  const name = `${c.rows.toLocaleString('en')} × ${c.cols.toLocaleString('en')}, capacity ${c.capacity}`;
  const slots = c.cols * c.capacity;
  const py = pythonAvailable();
  const rss = gnuTimeAvailable();
  const notes: string[] = [];
  if (!rss) notes.push('GNU time (/usr/bin/time) is missing: no memory figures (apt-get install -y time).');

  opts.log(`[cap] ${name}: data`);
  const { path } = ensureMatrix('float', c.rows, c.cols, c.seed);
  let xpath: string | undefined;
  {
    const cost = readF64(path, c.rows, c.cols); // only to write the expanded file; dropped after
    if (py.ok) xpath = ensureExpanded(cost, path, c.capacity);
  }

  let scipy: Outcome = { kind: 'na', detail: py.why };
  let scipyKB: number | undefined, pyBaseKB: number | undefined;
  let ref: number | undefined;
  if (py.ok && xpath) {
    opts.log(`[cap] ${name}: scipy on the expanded ${c.rows}×${slots} matrix (takes a while)`);
    try {
      const runs = c.rows >= 5000 ? 1 : 5;
      const a = scipyLsap(xpath, c.rows, slots, { runs, rss });
      scipy = { kind: 'ok', ms: a.median_ms, runs: a.runs, cold: false, total: a.total };
      scipyKB = a.peakKB;
      ref = a.total;
      if (rss) pyBaseKB = pythonBaselineKB(xpath, c.rows, slots);
    } catch (e) {
      scipy = { kind: 'error', detail: (e as Error).message };
      notes.push(`scipy anchor failed: ${(e as Error).message}`);
    }
  }

  opts.log(`[cap] ${name}: ours (child process)`);
  const args = [path, String(c.rows), String(c.cols), String(c.capacity)];
  let our: ChildOut, ourKB: number | undefined, nodeBaseKB: number | undefined;
  const l = await launcher();
  try {
    our = child(l, ['solve', ...args, ref === undefined ? '' : String(ref)], false).out;
    // Peak memory of a process that solves once (the timing child solves several times,
    // and garbage from earlier runs would count towards its peak).
    if (our.kind === 'ok' && rss) {
      ourKB = child(l, ['memory', ...args], true).peakKB;
      nodeBaseKB = child(l, ['baseline', ...args], true).peakKB;
    }
  } catch (e) {
    our = { kind: 'error', detail: (e as Error).message };
  }
  if (our.kind === 'wrong' || our.kind === 'error' || our.kind === 'na') notes.push(`ours: ${our.detail}`);
  if (our.kind === 'ok' && scipy.kind === 'ok' && scipy.ms < our.ms) notes.push(`ours (${fmtMs(our.ms)} ms) is SLOWER than scipy on the expanded matrix (${fmtMs(scipy.ms)} ms).`);

  const agree = our.kind === 'wrong' || our.kind === 'error' ? '✗ ours' : our.kind === 'ok' ? (ref === undefined ? '✓ valid (no scipy)' : '✓ ours = scipy') : '–';
  const timeTable = {
    headers: ['case', 'ours (ms)', `scipy on ${c.rows}×${slots} slots (ms)`, 'scipy/ours', 'assigned', 'totals'],
    rows: [[name, cellMs(our), cellMs(scipy), cellRatio(scipy, our), our.kind === 'ok' ? String(our.assignedCount ?? '?') : '–', agree]],
  };
  const ourSolver = ourKB !== undefined && nodeBaseKB !== undefined ? ourKB - nodeBaseKB : undefined;
  const pySolver = scipyKB !== undefined && pyBaseKB !== undefined ? scipyKB - pyBaseKB : undefined;
  const memTable = {
    headers: ['process', 'idle baseline: runtime + data loaded (MB)', 'peak RSS (MB)', 'solver memory = peak − baseline (MB)'],
    rows: [
      [`ours (Node ${process.version}, ${c.rows}×${c.cols} input)`, mb(nodeBaseKB), mb(ourKB), mb(ourSolver)],
      [`scipy (Python, ${c.rows}×${slots} expanded input)`, mb(pyBaseKB), mb(scipyKB), mb(pySolver)],
      ['scipy / ours', '–', ratio(scipyKB, ourKB), ratio(pySolver, ourSolver)],
    ],
  };
  if (!opts.quick && our.kind === 'ok' && scipy.kind === 'ok') {
    const t = scipy.ms / our.ms, m = scipyKB !== undefined && ourKB !== undefined ? scipyKB / ourKB : undefined;
    notes.unshift(
      `Budget (DESIGN.md): time ≤ 1/4 of scipy's → ${t >= 4 ? 'met' : 'NOT met'} (${t.toFixed(2)}×); peak memory ≤ 1/4 → ${m === undefined ? 'not measured' : m >= 4 ? 'met' : 'NOT met'}${m === undefined ? '' : ` (${m.toFixed(2)}×)`}.`,
    );
  }
  opts.log(`[cap] ${name}: ${timeTable.rows[0].join(' | ')}; peaks ours ${mb(ourKB)} MB, scipy ${mb(scipyKB)} MB`);

  return {
    id: 'cap',
    title: `Capacitated assignment vs scipy on the expanded slot matrix`,
    env: `Uniform [0,1) costs, ${c.rows} mentees × ${c.cols} mentors, capacity ${c.capacity}; scipy solves the ${c.rows}×${slots} matrix with each mentor column repeated ${c.capacity} times (same optimum). Times in ms; ratio = scipy/ours (> 1× = ours faster).`,
    tables: [timeTable, memTable],
    notes: [
      ...notes,
      `Ours runs in a child process, ${l.how}; scipy in shared/anchors/scipy_lsap.py (warm-up + ${c.rows >= 5000 ? '1 timed run' : 'median of 5'}); peak RSS by \`/usr/bin/time -f %M\` on each process (ours: a separate child that loads the data and solves once). Baselines: the same child loading the module and its input without solving, and bench/py_baseline.py (numpy + scipy.optimize + the expanded matrix).`,
      `Ours: one checked run, then warm-up + median of N (N by duration, see README); * = a single cold run. Our assignment is checked: every mentee assigned, ≤ ${c.capacity} per mentor, recomputed total = scipy's within 1e-9 relative.`,
    ],
  };
}
