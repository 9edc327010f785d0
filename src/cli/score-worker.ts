/**
 * The worker thread of `createWorkerPool` (built as `dist/score-worker.js`, next to the
 * CLI). One script, two roles, by `workerData.role`:
 *
 * - `scorer`: receives jobs on its port, rebuilds the job's `RowScorer`, claims blocks of
 *   rows from the job's shared counter and runs the job's row pass on them; an error is
 *   posted on the port as plain data, then flagged in the shared control words.
 * - `supervisor`: starts the scorers and watches them: the pool's thread is blocked in
 *   `Atomics.wait` while a job runs, so it cannot see a worker die; the supervisor can,
 *   and says so through the shared health words (and its report port).
 *
 * @module
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData, Worker, type MessagePort } from 'node:worker_threads';

import { WorkerError } from '../errors.js';
import { errorToPayload } from '../score/pool.js';
import { JOB_PASSES } from '../match/row-jobs.js';
import { jobScorer, rowPass } from '../score/row-passes.js';
import type { RowJob } from '../score/pool.js';
import type { RowScorer } from '../score/row-scorer.js';
import { CTRL, HEALTH, type ScorerData, type SupervisorData, type WorkerSpec } from './worker-protocol.js';

/** Starts a worker of the pool's script (the same file, or the tsx bootstrap when run from source). */
function spawn(spec: WorkerSpec, data: ScorerData, transfer: MessagePort[]): Worker {
  return new Worker(spec.eval ? spec.code : new URL(spec.code), { eval: spec.eval, workerData: data, transferList: transfer });
}

function supervise(d: SupervisorData): void {
  const health = new Int32Array(d.health);
  let online = 0;
  let failed = false;
  const fail = (worker: number, what: Record<string, unknown>): void => {
    if (failed || Atomics.load(health, HEALTH.closing) !== 0) return;
    failed = true;
    d.report.postMessage({ worker, ...what });
    Atomics.store(health, HEALTH.dead, worker + 1);
    Atomics.notify(health, HEALTH.dead);
    Atomics.notify(health, HEALTH.ready);
  };
  d.ports.forEach((port, index) => {
    const w = spawn(d.spec, { role: 'scorer', index, port }, [port]);
    let error: ReturnType<typeof errorToPayload> | undefined;
    w.on('online', () => {
      if (++online === d.ports.length) {
        Atomics.store(health, HEALTH.ready, 1);
        Atomics.notify(health, HEALTH.ready);
      }
    });
    w.on('error', (e) => {
      error = errorToPayload(e);
    });
    w.on('exit', (exitCode) => fail(index, { exitCode, ...(error ? { error } : {}) }));
  });
}

/** A job as posted: the sides (`payload`, null when they are the same as last time: `id`) and the rest. */
interface JobMessage {
  readonly id: number;
  readonly payload: Uint8Array | null;
  readonly pass: string;
  readonly params: readonly number[];
  readonly spec?: unknown;
  readonly rows: number;
  readonly buffers: RowJob['buffers'];
  readonly ctrl: SharedArrayBuffer;
}

function serve(d: ScorerData): void {
  // The last job's sides and scorer: the next job with the same sides reuses them.
  let last: { id: number; sides: Omit<RowJob, 'buffers' | 'pass' | 'params' | 'spec' | 'rows'>; scorer?: RowScorer } | undefined;
  d.port.on('message', (msg: JobMessage) => {
    const ctrl = new Int32Array(msg.ctrl);
    try {
      if (msg.payload) last = { id: msg.id, sides: deserialize(msg.payload) as NonNullable<typeof last>['sides'] };
      else if (last?.id !== msg.id) throw new WorkerError(`scoring worker ${d.index}: job ${msg.id} sent without its participants, and this worker holds ${last ? `job ${last.id}'s` : 'none'}`, { worker: d.index });
      if (Atomics.load(ctrl, CTRL.state) !== 0) return; // abandoned before it got here
      const job: RowJob = { ...last.sides, pass: msg.pass, params: msg.params, ...(msg.spec === undefined ? {} : { spec: msg.spec }), rows: msg.rows, buffers: msg.buffers };
      last.scorer ??= jobScorer(job);
      runJob(d, job, last.scorer, ctrl);
    } catch (e) {
      last = undefined;
      fail(d, ctrl, e);
    }
  });
}

/** Claims blocks of the job until none is left (or the job failed), then returns to the port. */
function runJob(d: ScorerData, job: RowJob, scorer: RowScorer, ctrl: Int32Array): void {
  const pass = rowPass(job.pass, JOB_PASSES);
  const blocks = ctrl[CTRL.blocks];
  const size = ctrl[CTRL.blockRows];
  for (;;) {
    if (Atomics.load(ctrl, CTRL.state) !== 0) return;
    const b = Atomics.add(ctrl, CTRL.next, 1);
    if (b >= blocks) return;
    const start = b * size;
    pass(scorer, start, Math.min(job.rows, start + size), job, d.index);
    Atomics.add(ctrl, CTRL.done, 1);
    Atomics.notify(ctrl, CTRL.done);
  }
}

/** Reports an error of this worker: the message first (the waiting thread reads it as soon as it sees the flag). */
function fail(d: ScorerData, ctrl: Int32Array, e: unknown): void {
  d.port.postMessage({ error: errorToPayload(e) });
  Atomics.compareExchange(ctrl, CTRL.state, 0, d.index + 1);
  Atomics.add(ctrl, CTRL.done, 1);
  Atomics.notify(ctrl, CTRL.done);
}

const data = workerData as SupervisorData | ScorerData | undefined;
if (parentPort && data?.role === 'supervisor') supervise(data);
else if (parentPort && data?.role === 'scorer') serve(data);
