import { defineConfig } from 'vitest/config';

// Pure functions, no servers or databases: one module graph per test process, not one per file.
const unitTests = ['apps/web/src/**/*.test.ts', 'packages/journey/src/**/*.test.ts'];

// One run for the whole repo: tests sit next to the code they test.
export default defineConfig({
  resolve: { conditions: ['@tend/source'] },
  ssr: { resolve: { conditions: ['@tend/source'], externalConditions: ['@tend/source'] } },
  test: {
    // Temporal's native bridge is happiest in child processes, not worker threads.
    pool: 'forks',
    // A directory the run's files share: one migrated database to copy and one workflow bundle, made once per run.
    globalSetup: ['packages/db/src/testing/test-run.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // Importing a file's modules afresh cost these more than their tests (23 s → 5 s for the console's).
      { extends: true, test: { name: 'unit', include: unitTests, isolate: false } },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['{apps,packages}/*/src/**/*.test.ts', 'workflows/src/**/*.test.ts', 'e2e/src/**/*.test.ts', 'docker/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...unitTests],
        },
      },
    ],
  },
});
