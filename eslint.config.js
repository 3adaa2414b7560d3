import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers, bottom up (ARCHITECTURE.md draws them): each part may import only the Tend
// packages named for it, so dependencies point one way and no library reaches into an app.
// e2e/ and bench/ stand on top of everything and are not restricted.
const packages = ['config', 'journey', 'db', 'channels', 'routing', 'sdk', 'audience', 'publishing'];
const layers = [
  { files: ['packages/config/**', 'packages/journey/**'], may: [] },
  { files: ['packages/db/**'], may: ['journey'] },
  { files: ['packages/channels/**', 'packages/routing/**', 'packages/sdk/**', 'packages/audience/**'], may: ['journey', 'db'] },
  { files: ['packages/publishing/**'], may: ['journey', 'db', 'routing'] },
  { files: ['workflows/**'], may: ['journey'] },
  { files: ['apps/server/**'], may: packages },
  { files: ['apps/worker/**'], may: [...packages, 'workflows'] },
  { files: ['apps/dev/**'], may: [...packages, 'server', 'worker'] },
  // The console and the CLI reach the server over HTTP: its router's types, never its code. The
  // console validates drafts with the journey package itself, so it never re-implements a rule,
  // and offers the example journeys as templates.
  { files: ['apps/web/**'], may: ['journey', 'examples'], typesOf: ['server'] },
  { files: ['apps/cli/**'], may: ['config', 'journey'], typesOf: ['server'] },
  { files: ['examples/**'], may: ['journey', 'db', 'sdk'] },
  { files: ['docker/**'], may: ['server', 'worker'] },
];
const everyPart = [...packages, 'workflows', 'server', 'worker', 'dev', 'cli', 'web', 'e2e', 'bench', 'examples'];
const tend = (names) => names.flatMap((name) => [`@tend/${name}`, `@tend/${name}/*`]);
const layerRules = layers.map(({ files, may, typesOf = [] }) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: tend(everyPart.filter((name) => !may.includes(name) && !typesOf.includes(name))), message: `this layer may import only ${may.map((name) => `@tend/${name}`).join(', ') || 'no Tend package'} (see ARCHITECTURE.md)` },
          ...(typesOf.length ? [{ group: tend(typesOf), allowTypeImports: true, message: 'import the server\'s types only: import type { AppRouter }' }] : []),
        ],
      },
    ],
  },
}));

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tend/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
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
    files: ['**/env.ts', '**/*.test.ts', '**/testing/**', 'packages/db/src/testing.ts', 'apps/dev/src/temporal-binaries.ts', 'apps/cli/src/main.ts', 'e2e/**', 'bench/**', '*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The console. The project service reads apps/web/tsconfig.json (DOM lib, JSX) for these files.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
    },
  },
  ...layerRules,
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
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'workflows use @temporalio/workflow only' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'no process in workflow code' }, { name: 'require', message: 'no require in workflow code' }],
    },
  },
);
