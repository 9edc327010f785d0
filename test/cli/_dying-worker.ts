/**
 * A worker script for the pool tests: the supervisor is the real one; a scorer exits
 * (code 3) as soon as it gets a job, as a worker killed or out of memory would.
 */
import { workerData } from 'node:worker_threads';

const data = workerData as { role: string; port?: { on(e: 'message', f: () => void): void } };
if (data.role === 'scorer') data.port?.on('message', () => process.exit(3));
else await import('../../src/cli/score-worker.js');
