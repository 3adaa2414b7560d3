import { fileURLToPath } from 'node:url';

/**
 * The file the worker bundles as workflow code. Not itself workflow code (it uses node:url):
 * the bundle's entry is index.ts, which never imports this file.
 */
export const workflowsPath = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './index.ts' : './index.js', import.meta.url));
