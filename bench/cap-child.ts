/**
 * Child process of the capacitated case, so that its peak RSS can be measured on its own
 * (`/usr/bin/time -f %M node --import tsx bench/cap-child.ts …`).
 *
 *   cap-child.ts baseline FILE ROWS COLS CAP        load the module and the data, exit
 *   cap-child.ts memory   FILE ROWS COLS CAP        load, solve once, exit (peak RSS of one solve)
 *   cap-child.ts solve    FILE ROWS COLS CAP [REF]  also check once against REF, then time
 *
 * Prints one JSON line: an {@link Outcome} (plus `assignedCount` when solved).
 *
 * The solver is `src/solve/capacitated.ts`, or the module at the file URL in
 * `BENCH_CAP_MODULE` (case-cap.ts points it at an esbuild bundle of that file and runs a
 * bundle of this script with plain `node`, so that no TypeScript loader sits in the
 * measured process).
 */
import { existsSync } from 'node:fs';
import { checkLsap } from './checks.js';
import { readF64, type Dense } from './data.js';
import { srcModule } from './paths.js';
import { measure, sameTotal, type Outcome, type Verdict } from './timing.js';

type Cap = (cost: Dense, o: { capacity: number }) => { assignment: Int32Array; total: number; assignedCount?: number };

const [mode, file, rowsS, colsS, capS, refS] = process.argv.slice(2);
const rows = Number(rowsS), cols = Number(colsS), capacity = Number(capS);
const ref = refS !== undefined && refS !== '' ? Number(refS) : undefined;

async function main(): Promise<Outcome & { assignedCount?: number }> {
  const m = process.env.BENCH_CAP_MODULE ? { url: process.env.BENCH_CAP_MODULE, path: '' } : srcModule('solve/capacitated.ts');
  if (m.path && !existsSync(m.path)) return { kind: 'na', detail: 'src/solve/capacitated.ts does not exist (yet)' };
  let solve: Cap;
  try {
    const mod = (await import(m.url)) as { capacitatedAssignment?: Cap };
    if (typeof mod.capacitatedAssignment !== 'function') return { kind: 'na', detail: 'no capacitatedAssignment export' };
    solve = mod.capacitatedAssignment;
  } catch (e) {
    return { kind: 'na', detail: `cannot import src/solve/capacitated.ts: ${(e as Error).message}` };
  }
  const cost = readF64(file, rows, cols);
  if (mode === 'baseline') return { kind: 'skipped', detail: `baseline (data[0] = ${cost.data[0]})` };
  if (mode === 'memory') {
    const r = solve(cost, { capacity });
    return { kind: 'skipped', detail: `memory (total = ${r.total})` };
  }
  let assignedCount: number | undefined;
  const out = measure({
    prepare: () => cost,
    run: (c) => solve(c, { capacity }),
    check: (r): Verdict => {
      const v = checkLsap(cost, r.assignment, ref, capacity);
      if (!v.ok) return v;
      if (!sameTotal(r.total, v.total)) return { ok: false, detail: `reported total ${r.total} != recomputed ${v.total}` };
      let count = 0;
      for (let i = 0; i < rows; i++) if (r.assignment[i] >= 0) count++;
      if (r.assignedCount !== undefined && r.assignedCount !== count) {
        return { ok: false, detail: `assignedCount ${r.assignedCount} != ${count} assigned rows` };
      }
      assignedCount = count;
      return v;
    },
  });
  return { ...out, assignedCount };
}

main().then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (e: unknown) => {
    process.stdout.write(`${JSON.stringify({ kind: 'error', detail: String(e) })}\n`);
  },
);
