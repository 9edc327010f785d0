/**
 * vitest global setup: builds the `mentor-match` executable (dist/cli.js) with the same
 * tsup options as `npm run build`, so the CLI tests run the shipped binary, not the
 * sources.
 */
import { build } from 'tsup';

import { cliBuild } from '../../tsup.config.js';

export default async function setup(): Promise<void> {
  await build({ ...cliBuild, silent: true });
}
