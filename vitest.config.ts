import { defineConfig } from 'vitest/config';

// One run for the whole repo: tests sit next to the code they test.
export default defineConfig({
  resolve: { conditions: ['@tend/source'] },
  ssr: { resolve: { conditions: ['@tend/source'], externalConditions: ['@tend/source'] } },
  test: {
    include: ['{apps,packages}/*/src/**/*.test.ts', 'workflows/src/**/*.test.ts', 'e2e/src/**/*.test.ts', 'docker/**/*.test.ts', 'examples/**/*.test.ts'],
    // Temporal's native bridge is happiest in child processes, not worker threads.
    pool: 'forks',
    // A directory the run's files share: one migrated database to copy and one workflow bundle, made once per run.
    globalSetup: ['packages/db/src/testing/test-run.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
