/**
 * Timing: one checked run first, then (depending on how long that took) a warm-up and
 * the median of N timed runs. Inputs are prepared outside the timed region.
 */
import { performance } from 'node:perf_hooks';

/** How a solver fared on one case. `ms` is a median over `runs` timed runs. */
export type Outcome =
  | { readonly kind: 'ok'; readonly ms: number; readonly runs: number; readonly cold: boolean; readonly total: number }
  | { readonly kind: 'wrong'; readonly detail: string }
  | { readonly kind: 'error'; readonly detail: string }
  | { readonly kind: 'skipped'; readonly detail: string }
  | { readonly kind: 'na'; readonly detail: string };

/** What a check returns: null when the answer is right, else what is wrong. */
export type Verdict = { ok: true; total: number } | { ok: false; detail: string };

export interface MeasureSpec<I, R> {
  /** Builds a fresh input; called before every run, never timed (e.g. a copy for a solver that mutates). */
  prepare: () => I;
  /** The timed call. */
  run: (input: I) => R;
  /** Validates the first result (untimed). */
  check: (result: R) => Verdict;
  /** Upper bound on timed runs (default from {@link plan}). */
  maxRuns?: number;
}

/**
 * Runs per case, from the duration of the checked run:
 * < 1 s: warm-up + 5 runs; < 5 s: warm-up + 3; < 20 s: 1 more run (the checked run was
 * the warm-up); otherwise the checked run itself is the measurement (one cold run).
 */
export function plan(checkMs: number): { warmup: boolean; runs: number } {
  if (checkMs < 1000) return { warmup: true, runs: 5 };
  if (checkMs < 5000) return { warmup: true, runs: 3 };
  if (checkMs < 20000) return { warmup: false, runs: 1 };
  return { warmup: false, runs: 0 };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Check once, then time adaptively. Exceptions become an `error` outcome. */
export function measure<I, R>(spec: MeasureSpec<I, R>): Outcome {
  let verdict: Verdict;
  let checkMs: number;
  try {
    const input = spec.prepare();
    const t0 = performance.now();
    const r = spec.run(input);
    checkMs = performance.now() - t0;
    verdict = spec.check(r);
  } catch (e) {
    return { kind: 'error', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  if (!verdict.ok) return { kind: 'wrong', detail: verdict.detail };
  const p = plan(checkMs);
  const runs = Math.min(p.runs, spec.maxRuns ?? Infinity);
  if (runs === 0) return { kind: 'ok', ms: checkMs, runs: 1, cold: true, total: verdict.total };
  if (p.warmup) spec.run(spec.prepare());
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const input = spec.prepare();
    const t0 = performance.now();
    spec.run(input);
    times.push(performance.now() - t0);
  }
  return { kind: 'ok', ms: median(times), runs, cold: false, total: verdict.total };
}

/** |a - b| <= tol * max(|b|, tiny) */
export function sameTotal(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300) || a === b;
}
