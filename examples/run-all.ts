/**
 * Runs every example in examples/ (except the cohort generator and this script), each in
 * its own Node process with the tsx loader, in alphabetical order; exits with 1 when any
 * of them fails. `npm run example` calls it.
 *
 * Run: npx tsx examples/run-all.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const skip = new Set(['generate-cohort.ts', 'run-all.ts']);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !skip.has(f))
  .sort();

const failed: string[] = [];
for (const file of scripts) {
  console.log(`\n$ npx tsx examples/${file}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed.push(file);
  console.log(`${ok ? '✓' : '✗'} examples/${file} (${Date.now() - started} ms${ok ? '' : `, ${r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit code ${r.status}`}`})`);
}
console.log(`\n${scripts.length - failed.length} of ${scripts.length} examples passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exitCode = failed.length > 0 ? 1 : 0;
