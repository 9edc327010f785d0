import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/cli.js once, for the tests that run the command line (test/cli/).
    globalSetup: ['test/cli/build-cli.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
