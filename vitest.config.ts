import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run dist/briefing.mjs: built once from the current sources before they start.
    globalSetup: ['tests/support/build-cli.ts'],
    // CDK synth and the S3 end-to-end tests take seconds on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
