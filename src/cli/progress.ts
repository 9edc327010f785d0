/**
 * Stage progress on stderr for long runs: a cli-progress bar that appears only when
 * stderr is a terminal and the run has taken more than a second (node-only).
 *
 * @module
 */
import cliProgress from 'cli-progress';

/** Reports stages of a run; a no-op unless stderr is a terminal. */
export interface Progress {
  /** Marks the start of stage `name` (stages are counted against `total`). */
  stage(name: string): void;
  /** Removes the bar. */
  done(): void;
}

/**
 * A progress reporter over `total` stages.
 *
 * @param total - Number of stages.
 * @param stream - Where the bar goes (stderr).
 * @param enabled - False for `--quiet` / `--no-progress`.
 * @param now - The clock (tests pass their own).
 * @returns The reporter.
 *
 * @example
 * ```ts
 * const p = createProgress(4, process.stderr, true);
 * p.stage('reading'); p.stage('matching'); p.done();
 * ```
 */
export function createProgress(total: number, stream: NodeJS.WriteStream, enabled: boolean, now: () => number = Date.now): Progress {
  const start = now();
  let bar: cliProgress.SingleBar | undefined;
  let step = 0;
  const tty = enabled && stream.isTTY === true;
  return {
    stage(name: string): void {
      step++;
      if (!tty) return;
      if (!bar && now() - start > SHOW_AFTER_MS) {
        bar = new cliProgress.SingleBar(
          { stream, format: ' {bar} {value}/{total} {stage}', hideCursor: true, clearOnComplete: true, synchronousUpdate: true, fps: 10 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, step - 1, { stage: name });
      }
      bar?.update(step - 1, { stage: `${name}…` });
      bar?.render();
    },
    done(): void {
      if (bar) {
        bar.update(total, { stage: 'done' });
        bar.stop();
      }
    },
  };
}

/** A bar appears only for runs longer than this. */
const SHOW_AFTER_MS = 1000;
