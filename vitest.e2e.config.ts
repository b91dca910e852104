import { defineConfig } from 'vitest/config';

/**
 * End-to-end suite: real Chromium and Firefox ESR with the built extension
 * (npm run test:e2e builds first). Files run one at a time: each starts its
 * own browser, and these machines have two cores.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A flaky browser start should fail loudly, not be retried into a pass.
    retry: 0,
  },
});
