import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tend/**', 'apps/web/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['packages/db/drizzle.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten await loses errors and ordering; in a workflow it breaks determinism.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Configuration is read once, validated, in each app's env.ts.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration in env.ts and pass it down' }],
    },
  },
  {
    files: ['**/env.ts', '**/*.test.ts', '**/testing/**', 'packages/db/src/testing.ts', 'packages/dev/src/temporal-binaries.ts', 'packages/cli/src/main.ts', 'bench/**', '*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The determinism fence: workflow code runs in Temporal's sandbox and is replayed.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/path.ts', 'workflows/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`)].map((name) => ({
              name,
              message: 'workflow code must not do I/O: call an activity',
            })),
            { name: '@tend/journey', message: 'import the workflow-safe subpath @tend/journey/ir' },
          ],
          patterns: [
            { group: ['@tend/db', '@tend/db/*', '@tend/channels', '@tend/server', '@tend/worker', '@tend/dev', '@tend/cli'], message: 'workflows depend only on @tend/journey/ir and the Temporal workflow API' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'workflows use @temporalio/workflow only' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'no process in workflow code' }, { name: 'require', message: 'no require in workflow code' }],
    },
  },
);
