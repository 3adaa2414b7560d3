import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from '@temporalio/worker';

// How a worker finds and bundles the workflow code. Not itself workflow code (it uses node:url):
// the bundle's entry is index.ts, which never imports this file.

/** The file the worker bundles as workflow code. */
export const workflowsPath = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './index.ts' : './index.js', import.meta.url));

/** Lets the bundler read our packages' TypeScript sources (the "@tend/source" export condition). */
export const sourceBundlerOptions: WorkerOptions['bundlerOptions'] = {
  webpackConfigHook: (config) => {
    config.resolve ??= {};
    config.resolve.conditionNames = ['@tend/source', 'import', 'require', 'default'];
    config.resolve.extensionAlias = { '.js': ['.ts', '.js'] };
    return config;
  },
};
