import { defineConfig } from 'vitest/config';

// One run for the whole repo: tests sit next to the code they test.
export default defineConfig({
  resolve: { conditions: ['@tend/source'] },
  ssr: { resolve: { conditions: ['@tend/source'], externalConditions: ['@tend/source'] } },
  test: {
    include: ['{apps,packages}/*/src/**/*.test.ts', 'workflows/src/**/*.test.ts', 'e2e/src/**/*.test.ts', 'docker/**/*.test.ts', 'examples/**/*.test.ts'],
    // Temporal's native bridge is happiest in child processes, not worker threads.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
