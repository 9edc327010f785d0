/**
 * Runs the quality benchmark over its cohorts: shared by `bench/quality.ts` (its own CLI)
 * and `bench/run.ts --only quality`.
 */
import { basename, resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { csvCohort, generatedCohort, SHAPES, type Cohort } from './cohorts.js';
import { describeCohort, measure, type QualityRow } from './measure.js';
import { notes, sectionMarkdown, tableText } from './report.js';

/** The committed sample cohort. */
export const SAMPLE_CSV = resolve(REPO_ROOT, 'examples/data/cohort.csv');

/** Options of {@link runQuality}. */
export interface QualityOptions {
  readonly quick: boolean;
  readonly seed: number;
  /** Cohort CSVs to measure instead of the sample and the generated shapes. */
  readonly cohorts: readonly string[];
  /** Only these of `sample` and the shape names (all when undefined). */
  readonly shapes?: readonly string[];
  readonly log: (s: string) => void;
}

/** Names `--shapes` accepts. */
export const COHORT_NAMES: readonly string[] = ['sample', ...SHAPES.map((s) => s.name)];

/** What a run produced: the rows, the console text, and the RESULTS.md section. */
export interface QualityRun {
  readonly rows: readonly QualityRow[];
  readonly text: string;
  readonly markdown: string;
}

/** Measures every cohort, one after another (cohorts are built just before they are measured). */
export function runQuality(o: QualityOptions): QualityRun {
  const started = new Date();
  const t0 = Date.now();
  const wanted = (name: string): boolean => o.shapes === undefined || o.shapes.includes(name);
  const makers: (() => Cohort)[] = o.cohorts.length
    ? o.cohorts.map((f) => () => csvCohort(resolve(f), basename(f)))
    : [
        ...(wanted('sample') ? [() => csvCohort(SAMPLE_CSV, 'sample')] : []),
        ...SHAPES.filter((s) => wanted(s.name)).map((s) => () => generatedCohort(s, o.seed, o.quick)),
      ];
  const rows: QualityRow[] = [];
  const describe = new Map<string, string>();
  for (const make of makers) {
    const cohort = make();
    o.log(`quality: ${cohort.name} (${cohort.participants.length.toLocaleString('en')} people)`);
    const row = measure(cohort);
    describe.set(cohort.name, describeCohort(cohort.participants));
    o.log(`quality: ${cohort.name}: match ${Math.round(row.matchMs)} ms, references ${Math.round(row.referenceMs)} ms`);
    rows.push(row);
  }
  const text = ['Match quality (essential fit), default config', '', tableText(rows), '', ...notes(rows, describe).map((n) => n.replace(/\*\*|`/gu, ''))].join('\n');
  const markdown = sectionMarkdown(rows, describe, { started, seconds: Math.round((Date.now() - t0) / 1000), seed: o.seed, quick: o.quick });
  return { rows, text, markdown };
}
