/**
 * Case 1: dense LSAP on seeded uniform matrices. Ours (`linearSumAssignment` from
 * src/index.ts) vs the scipy anchor and the npm peers, all on the same .f64 file.
 */
import { scipyLsap, type AnchorResult } from './anchors.js';
import { checkLsap } from './checks.js';
import { ensureMatrix, pythonAvailable, readF64, type Dense, type MatrixKind } from './data.js';
import { LSAP_PEERS, pkgVersion, type LsapPeer } from './peers.js';
import { srcModule } from './paths.js';
import { cellMs, cellRatio, fmtMs, type Section } from './report.js';
import { measure, sameTotal, type Outcome } from './timing.js';

interface LsapCase {
  readonly kind: MatrixKind;
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
}

const FULL: readonly LsapCase[] = [
  { kind: 'float', rows: 200, cols: 200, seed: 11 },
  { kind: 'float', rows: 1000, cols: 1000, seed: 12 },
  { kind: 'float', rows: 2000, cols: 2000, seed: 13 },
  { kind: 'float', rows: 5000, cols: 5000, seed: 14 },
  { kind: 'float', rows: 1000, cols: 5000, seed: 15 },
  { kind: 'int', rows: 1000, cols: 1000, seed: 16 },
  { kind: 'int', rows: 2000, cols: 2000, seed: 17 },
];

const QUICK: readonly LsapCase[] = [
  { kind: 'float', rows: 200, cols: 200, seed: 11 },
  { kind: 'float', rows: 1000, cols: 1000, seed: 12 },
  { kind: 'float', rows: 300, cols: 1500, seed: 18 },
  { kind: 'int', rows: 1000, cols: 1000, seed: 16 },
];

type Lsa = (cost: Dense) => { rowIndices: Int32Array; colIndices: Int32Array; total: number };

async function loadOurs(): Promise<Lsa | string> {
  const m = srcModule('index.ts');
  try {
    const mod = (await import(m.url)) as { linearSumAssignment?: Lsa };
    return typeof mod.linearSumAssignment === 'function' ? mod.linearSumAssignment : 'src/index.ts has no linearSumAssignment';
  } catch (e) {
    return `cannot import src/index.ts: ${(e as Error).message}`;
  }
}

function caseName(c: LsapCase): string {
  return `${c.kind === 'int' ? 'int [0,100)' : 'float'} ${c.rows}×${c.cols}`;
}

export async function runLsap(opts: { quick: boolean; log: (s: string) => void }): Promise<Section> {
  const cases = opts.quick ? QUICK : FULL;
  const py = pythonAvailable();
  const ours = await loadOurs();
  const peers: ReadonlyArray<LsapPeer<unknown>> = LSAP_PEERS as unknown as ReadonlyArray<LsapPeer<unknown>>;
  const headers = ['case', 'ours (ms)', 'scipy (ms)', 'scipy/ours', ...peers.flatMap((p) => [`${p.label} (ms)`, `${p.label}/ours`]), 'totals'];
  const rows: string[][] = [];
  const notes: string[] = [];
  const budget: string[] = [];

  for (const c of cases) {
    const name = caseName(c);
    opts.log(`[lsap] ${name}: data`);
    const { path } = ensureMatrix(c.kind, c.rows, c.cols, c.seed);

    let scipy: Outcome = { kind: 'na', detail: `no scipy for ${'/usr/bin/python3'}: ${py.why}` };
    let ref: number | undefined;
    if (py.ok) {
      opts.log(`[lsap] ${name}: scipy`);
      try {
        const a: AnchorResult = scipyLsap(path, c.rows, c.cols, { runs: Math.max(c.rows, c.cols) >= 5000 && c.rows === c.cols ? 3 : 5 });
        scipy = { kind: 'ok', ms: a.median_ms, runs: a.runs, cold: false, total: a.total };
        ref = a.total;
      } catch (e) {
        scipy = { kind: 'error', detail: (e as Error).message };
        notes.push(`${name}: scipy anchor failed: ${(e as Error).message}`);
      }
    }

    const cost = readF64(path, c.rows, c.cols);
    opts.log(`[lsap] ${name}: ours`);
    let our: Outcome;
    if (typeof ours === 'string') our = { kind: 'na', detail: ours };
    else {
      const solve = ours;
      our = measure({
        prepare: () => cost,
        run: (m) => solve(m),
        check: (r) => {
          const assign = new Int32Array(c.rows).fill(-1);
          for (let k = 0; k < r.rowIndices.length; k++) assign[r.rowIndices[k]] = r.colIndices[k];
          const v = checkLsap(cost, assign, ref);
          if (v.ok && !sameTotal(r.total, v.total)) return { ok: false, detail: `reported total ${r.total} != recomputed ${v.total}` };
          return v;
        },
      });
    }
    // Without scipy, our (checked-valid) total is the reference the peers are compared to.
    const peerRef = ref ?? (our.kind === 'ok' ? our.total : undefined);

    const outs: Outcome[] = [];
    for (const p of peers) {
      const gate = p.gate(c.rows, c.cols, c.kind);
      if (gate) {
        outs.push({ kind: 'skipped', detail: gate });
        continue;
      }
      opts.log(`[lsap] ${name}: ${p.label}`);
      const next = p.setup(cost);
      outs.push(measure({ prepare: next, run: (i) => p.solve(i), check: (a) => checkLsap(cost, a, peerRef) }));
    }

    const bad = [['ours', our] as const, ['scipy', scipy] as const, ...peers.map((p, k) => [p.label, outs[k]] as const)].filter(
      ([, o]) => o.kind === 'wrong' || o.kind === 'error',
    );
    for (const [who, o] of bad) if (o.kind === 'wrong' || o.kind === 'error') notes.push(`${name}: ${who}: ${o.detail}`);
    const checked = [our, ...outs].filter((o) => o.kind === 'ok').length;
    const agree = bad.length ? `✗ ${bad.map(([w]) => w).join(', ')}` : ref === undefined ? `✓ ${checked} (vs ours, no scipy)` : `✓ ${checked}/${checked}`;
    rows.push([
      name,
      cellMs(our),
      cellMs(scipy),
      cellRatio(scipy, our),
      ...outs.flatMap((o) => [cellMs(o), cellRatio(o, our)]),
      agree,
    ]);
    // DESIGN.md budgets: faster than scipy and munkres on float 1000², 2000², 5000², 1000×5000;
    // never slower than scipy on integer costs.
    const budgetCase = c.kind === 'int' || (c.rows >= 1000 && (c.rows === c.cols ? [1000, 2000, 5000].includes(c.rows) : c.cols === 5000));
    if (!opts.quick && budgetCase && our.kind === 'ok') {
      const vs = c.kind === 'int' ? ([['scipy', scipy]] as const) : ([['scipy', scipy], ['munkres', outs[0]]] as const);
      const parts = vs.map(([label, o]) => (o.kind === 'ok' ? `${o.ms / our.ms >= 1 ? 'met' : 'NOT met'} vs ${label} (${(o.ms / our.ms).toFixed(2)}×)` : `vs ${label}: not measured`));
      budget.push(`${name}: ${parts.join(', ')}`);
    }
    for (const [label, o] of [['scipy', scipy] as const, ...peers.map((p, k) => [p.label, outs[k]] as const)]) {
      if (o.kind === 'ok' && our.kind === 'ok' && o.ms < our.ms) {
        notes.push(`${name}: ours (${fmtMs(our.ms)} ms) is SLOWER than ${label} (${fmtMs(o.ms)} ms).`);
      }
    }
    opts.log(`[lsap] ${name}: ${rows[rows.length - 1].join(' | ')}`);
  }

  const versions = peers.map((p) => `${p.pkg} ${pkgVersion(p.pkg)}`).join(', ');
  return {
    id: 'lsap',
    title: 'Dense LSAP (uniform random costs)',
    env: `Peers: ${versions}. Times are medians in ms (lower is better); a ratio is peer/ours, so > 1× means ours is faster.`,
    tables: [{ headers, rows }],
    notes: [
      `"totals": ✓ n/n = ours and every timed JS peer returned a valid assignment whose cost equals scipy's within 1e-9 relative (checked once, before timing).`,
      `scipy times come from shared/anchors/scipy_lsap.py (its own warm-up + median of 5 runs, 3 at 5000×5000); ours and the JS peers: one checked run, then warm-up + median of 5 (< 1 s), 3 (< 5 s), 1 (< 20 s), or * = the checked run itself (a single cold run).`,
      ...(budget.length ? [`Budget (DESIGN.md: faster than scipy and munkres on uniform floats; never > 1.0× scipy's time on integer costs): ${budget.join('; ')}.`] : []),
      ...notes,
    ],
  };
}
