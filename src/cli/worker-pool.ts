/**
 * A {@link ScoringPool} on Node's `worker_threads`: `createWorkerPool(size)`. Node only
 * (exported from `mentor-match/node`; the CLI uses it for large cohorts).
 *
 * How a job runs: the calling thread posts the job (participants, resolved config, the
 * shared output buffers and a small shared control block) to each worker once; the workers
 * claim blocks of rows with `Atomics.add` and count the blocks done; the caller sleeps in
 * `Atomics.wait` until every block is done. The caller cannot see a worker die while it
 * waits, so a supervisor thread (with an event loop of its own) starts the workers,
 * watches them and raises a shared flag when one exits.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

import { InvalidInputError, WorkerError, type MatchError } from '../errors.js';
import { JOB_PASSES } from '../match/row-jobs.js';
import { blockRows, errorFromPayload, PARALLEL_MIN_PAIRS, type RowJob, type ScoringPool, type WorkerErrorPayload } from '../score/pool.js';
import { rowPass } from '../score/row-passes.js';
import type { RowScorer } from '../score/row-scorer.js';
import { CTRL, HEALTH, type SupervisorData, type WorkerSpec } from './worker-protocol.js';

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * Worker threads. The thread that calls `buildCompatibility` (or `match`) scores blocks
   * of rows too while it waits, so `size + 1` threads score together.
   *
   * @defaultValue `os.availableParallelism() - 1` (at least 1): every core busy
   */
  readonly size?: number;
  /**
   * The smallest matrix (rows × columns) scored on the pool; smaller ones are scored on
   * the calling thread.
   *
   * @defaultValue `PARALLEL_MIN_PAIRS` (2 million)
   */
  readonly minPairs?: number;
  /**
   * Milliseconds the first job waits for the workers to start before it fails with a
   * `WorkerError`.
   *
   * @defaultValue 60000
   */
  readonly startTimeout?: number;
  /**
   * The worker script (a file URL or path). Default: `score-worker.js` next to this
   * module (`score-worker.ts` under tsx, started through tsx's loader). For custom
   * bundles and tests.
   */
  readonly script?: URL | string;
}

/** A {@link ScoringPool} of worker threads; `close()` it when done. */
export interface WorkerPool extends ScoringPool {
  readonly size: number;
  readonly minPairs: number;
  /** Stops every worker; the pool can no longer run jobs. Resolves when they are gone. */
  close(): Promise<void>;
}

/** How long the waiting thread sleeps before it looks at the pool's health again (ms). */
const POLL_MS = 50;

/**
 * Starts `size` worker threads that score blocks of rows (see {@link ScoringPool}), and
 * a supervisor thread that watches them. While a job runs, the calling thread claims
 * blocks too (when it has the job's scorer, as `buildCompatibility` does), so a pool of
 * `size` workers scores on `size + 1` threads. The threads do not keep the process alive
 * (they are `unref`ed), but `close()` the pool when done to free them.
 *
 * @param options - The number of workers, or {@link WorkerPoolOptions}.
 * @returns The pool: pass it as `pool` to `match`, `buildCompatibility`, ….
 * @throws InvalidInputError (`INVALID_INPUT`) for a size that is not a positive integer.
 * @throws WorkerError (`WORKER_FAILED`) when the worker script is missing, or from source
 *   (a `.ts` module) without tsx installed.
 *
 * @example
 * ```ts
 * import { createWorkerPool } from 'mentor-match/node';
 * const pool = createWorkerPool(3); // 3 workers + the calling thread: 4 cores
 * try {
 *   const result = match(people, { pool });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function createWorkerPool(options: number | WorkerPoolOptions = {}): WorkerPool {
  const o: WorkerPoolOptions = typeof options === 'number' ? { size: options } : options;
  const size = o.size ?? Math.max(1, availableParallelism() - 1);
  if (!Number.isInteger(size) || size < 1 || size > 1024) throw new InvalidInputError(`createWorkerPool: size: expected a whole number of workers from 1 to 1024; found ${String(size)}`, { argument: 'size' });
  const minPairs = o.minPairs ?? PARALLEL_MIN_PAIRS;
  if (typeof minPairs !== 'number' || !(minPairs >= 0)) throw new InvalidInputError(`createWorkerPool: minPairs: expected a number ≥ 0; found ${String(minPairs)}`, { argument: 'minPairs' });
  return new NodeWorkerPool(size, minPairs, o.startTimeout ?? 60_000, workerSpec(o.script ?? new URL('./score-worker.js', import.meta.url)));
}

/**
 * How to start `script`: as is for JavaScript; a TypeScript file (the sources, under tsx
 * or vitest) through tsx's ESM loader, registered in the worker before the import.
 */
function workerSpec(script: URL | string): WorkerSpec {
  let url = script instanceof URL ? script : script.startsWith('file:') ? new URL(script) : pathToFileURL(script);
  // Running from source: this module is score-worker's sibling .ts.
  if (url.pathname.endsWith('/score-worker.js') && import.meta.url.endsWith('.ts')) url = new URL(url.href.replace(/\.js$/u, '.ts'));
  // A missing script would only show as a start timeout (the waiting thread cannot see the supervisor fail).
  if (!existsSync(fileURLToPath(url))) throw new WorkerError(`createWorkerPool: the worker script ${url.href} does not exist`, { script: url.href });
  if (!url.pathname.endsWith('.ts')) return { eval: false, code: url.href };
  let api: string;
  try {
    const req = createRequire(import.meta.url);
    const pkg = req('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
    api = new URL(pkg.exports['./esm/api'].import.default, pathToFileURL(req.resolve('tsx/package.json'))).href;
  } catch (e) {
    throw new WorkerError(`createWorkerPool: the worker script is TypeScript (${url.href}) and tsx, needed to run it, was not found: ${(e as Error).message}`, { script: url.href });
  }
  return { eval: true, code: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })` };
}

class NodeWorkerPool implements WorkerPool {
  readonly size: number;
  readonly minPairs: number;
  private readonly startTimeout: number;
  private readonly supervisor: Worker;
  private readonly ports: MessagePort[];
  private readonly report: MessagePort;
  private readonly health: Int32Array;
  /** The sides (participants, config) last sent: their bytes, and the shared copy workers read. */
  private sides: { readonly id: number; readonly bytes: Buffer; readonly payload: Uint8Array } | undefined;
  /** Per worker: the id of the sides it holds (0: none). */
  private readonly held: Int32Array;
  /** Set once a worker died or the pool closed: every later job fails with it. */
  private broken: MatchError | undefined;

  constructor(size: number, minPairs: number, startTimeout: number, spec: WorkerSpec) {
    this.size = size;
    this.minPairs = minPairs;
    this.startTimeout = startTimeout;
    this.health = new Int32Array(new SharedArrayBuffer(HEALTH.length * 4));
    this.held = new Int32Array(size);
    const channels = Array.from({ length: size }, () => new MessageChannel());
    const report = new MessageChannel();
    this.ports = channels.map((c) => c.port1);
    this.report = report.port1;
    const data: SupervisorData = { role: 'supervisor', spec, ports: channels.map((c) => c.port2), health: this.health.buffer as SharedArrayBuffer, report: report.port2 };
    this.supervisor = new Worker(spec.eval ? spec.code : new URL(spec.code), { eval: spec.eval, workerData: data, transferList: [...data.ports, data.report] });
    // A supervisor that cannot start (bad script) never says "ready": the first job's start timeout reports it;
    // its 'error' event only needs a listener so that it is not an uncaught exception.
    this.supervisor.on('error', () => {});
    this.supervisor.unref();
    for (const p of [...this.ports, this.report]) p.unref();
  }

  runRows(job: RowJob, here?: () => RowScorer): void {
    if (this.broken) throw this.broken;
    if (job.rows <= 0) return;
    for (const p of this.ports) while (receiveMessageOnPort(p)) {} // stale errors of an abandoned job
    const rowsEach = blockRows(job.rows, this.size + (here ? 1 : 0));
    const blocks = Math.ceil(job.rows / rowsEach);
    const ctrl = new Int32Array(new SharedArrayBuffer(CTRL.length * 4));
    ctrl[CTRL.blocks] = blocks;
    ctrl[CTRL.blockRows] = rowsEach;
    const workers = Math.min(this.size, here ? blocks - 1 : blocks);
    try {
      if (workers > 0) this.post(job, ctrl, workers);
      if (here) this.scoreHere(job, here(), ctrl);
      this.wait(ctrl, here !== undefined);
    } catch (e) {
      Atomics.store(ctrl, CTRL.state, -1); // the workers stop at their next block
      this.held.fill(0); // a worker may have failed before it kept the job's sides
      throw e;
    }
  }

  /**
   * Sends the job to the first `workers` workers. What rebuilds the scorer (the sides and
   * the config) is serialised once, into shared memory, and sent only to a worker that does
   * not hold the same bytes from its last job (each keeps its last scorer).
   */
  private post(job: RowJob, ctrl: Int32Array, workers: number): void {
    const { buffers, pass, params, spec, rows, ...sides } = job;
    let bytes: Buffer;
    try {
      bytes = serialize(sides);
    } catch (e) {
      throw new InvalidInputError(`scoring pool: the job cannot be sent to a worker (participants and config must be plain data): ${(e as Error).message}`, { pass: job.pass });
    }
    if (!this.sides || !bytes.equals(this.sides.bytes)) {
      const payload = new Uint8Array(new SharedArrayBuffer(bytes.length));
      payload.set(bytes);
      this.sides = { id: this.sides ? this.sides.id + 1 : 1, bytes, payload };
    }
    const { id, payload } = this.sides;
    const msg = { id, pass, params, spec, rows, buffers, ctrl: ctrl.buffer };
    for (let k = 0; k < workers; k++) {
      try {
        this.ports[k].postMessage({ ...msg, payload: this.held[k] === id ? null : payload });
      } catch (e) {
        throw new InvalidInputError(`scoring pool: the job cannot be sent to a worker: ${(e as Error).message}`, { pass: job.pass });
      }
      this.held[k] = id;
    }
  }

  /** The calling thread claims blocks too, with its own scorer, until none is left. */
  private scoreHere(job: RowJob, scorer: RowScorer, ctrl: Int32Array): void {
    const pass = rowPass(job.pass, JOB_PASSES);
    const blocks = ctrl[CTRL.blocks];
    const size = ctrl[CTRL.blockRows];
    for (;;) {
      if (Atomics.load(ctrl, CTRL.state) !== 0 || Atomics.load(this.health, HEALTH.dead) !== 0) return; // wait() says why
      const b = Atomics.add(ctrl, CTRL.next, 1);
      if (b >= blocks) return;
      const start = b * size;
      pass(scorer, start, Math.min(job.rows, start + size), job, this.size);
      Atomics.add(ctrl, CTRL.done, 1);
    }
  }

  /**
   * Sleeps until every block is done; throws a worker's error, or a WorkerError when a
   * worker died (or, when the caller scores no rows itself, the workers never started).
   */
  private wait(ctrl: Int32Array, scoring: boolean): void {
    const blocks = ctrl[CTRL.blocks];
    const t0 = Date.now();
    for (;;) {
      const done = Atomics.load(ctrl, CTRL.done);
      const state = Atomics.load(ctrl, CTRL.state);
      if (state > 0) throw this.jobError(state - 1);
      if (done >= blocks) return;
      if (Atomics.load(this.health, HEALTH.dead) !== 0) throw this.deathError();
      if (!scoring && Atomics.load(this.health, HEALTH.ready) === 0 && Date.now() - t0 > this.startTimeout) {
        this.broken = new WorkerError(`scoring pool: the ${this.size} worker thread${this.size === 1 ? '' : 's'} did not start within ${this.startTimeout} ms`, { size: this.size, startTimeout: this.startTimeout });
        throw this.broken;
      }
      Atomics.wait(ctrl, CTRL.done, done, POLL_MS);
    }
  }

  /** The error worker `k` posted (its MatchError as itself). */
  private jobError(k: number): MatchError {
    const msg = receiveMessageOnPort(this.ports[k])?.message as { error?: WorkerErrorPayload } | undefined;
    if (msg?.error) return errorFromPayload(msg.error, k);
    return new WorkerError(`scoring pool: worker ${k} failed without saying why`, { worker: k });
  }

  /** The pool is broken: a worker exited. */
  private deathError(): MatchError {
    const r = receiveMessageOnPort(this.report)?.message as { worker: number; exitCode: number; error?: WorkerErrorPayload } | undefined;
    const worker = r?.worker ?? Atomics.load(this.health, HEALTH.dead) - 1;
    const why = r?.error ? `: ${r.error.name}: ${r.error.message}` : r ? ` with exit code ${r.exitCode}` : '';
    this.broken = new WorkerError(`scoring pool: worker ${worker} of ${this.size} stopped${why} (out of memory, killed, or it could not start); the pool cannot run jobs any more`, {
      worker,
      ...(r ? { exitCode: r.exitCode } : {}),
      ...(r?.error ? { name: r.error.name, message: r.error.message } : {}),
    });
    return this.broken;
  }

  async close(): Promise<void> {
    if (Atomics.load(this.health, HEALTH.closing) === 1) return;
    Atomics.store(this.health, HEALTH.closing, 1);
    this.broken ??= new WorkerError('scoring pool: closed; create a new pool to run more jobs', { closed: true });
    for (const p of [...this.ports, this.report]) p.close();
    // Terminating the supervisor stops the scorers it started.
    await this.supervisor.terminate();
  }
}
