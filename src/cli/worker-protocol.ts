/**
 * What `worker-pool.ts` and its worker script (`score-worker.ts`) share: the layout of the
 * shared control words and the data each worker starts with.
 *
 * @module
 */
import type { MessagePort } from 'node:worker_threads';

/**
 * A job's control words (Int32Array over a SharedArrayBuffer, one per job).
 *
 * @example
 * ```ts
 * const b = Atomics.add(ctrl, CTRL.next, 1); // claim the next block
 * ```
 */
export const CTRL = Object.freeze({
  /** Next block to claim (Atomics.add). */
  next: 0,
  /** Blocks done (+1 for a failure, to wake the waiting thread). */
  done: 1,
  /** 0 while running; k > 0: worker k − 1 failed (its error is on its port); −1: stop (the job was abandoned). */
  state: 2,
  /** Number of blocks. */
  blocks: 3,
  /** Rows a block. */
  blockRows: 4,
  length: 5,
});

/**
 * The pool's health words (Int32Array over a SharedArrayBuffer, one per pool).
 *
 * @example
 * ```ts
 * if (Atomics.load(health, HEALTH.dead) !== 0) throw deathError(); // a worker exited
 * ```
 */
export const HEALTH = Object.freeze({
  /** 1 once every scorer is online. */
  ready: 0,
  /** k > 0: worker k − 1 exited (the supervisor's report port says how). */
  dead: 1,
  /** 1 while the pool closes (exits are expected then). */
  closing: 2,
  length: 3,
});

/** How to start a worker: a script URL, or code to evaluate (the tsx bootstrap when running from source). */
export interface WorkerSpec {
  readonly eval: boolean;
  /** A file URL (href) when `eval` is false, else the code. */
  readonly code: string;
}

export interface SupervisorData {
  readonly role: 'supervisor';
  readonly spec: WorkerSpec;
  /** One port per scorer (the pool holds the other ends). */
  readonly ports: MessagePort[];
  readonly health: SharedArrayBuffer;
  readonly report: MessagePort;
}

export interface ScorerData {
  readonly role: 'scorer';
  readonly index: number;
  readonly port: MessagePort;
}
