/**
 * Entry point of the `mentor-match` executable (package.json `bin` → dist/cli.js).
 *
 * @module
 */
import { processContext } from './context.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), processContext());
