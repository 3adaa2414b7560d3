// Builds the workflow bundle production workers load (TEND_WORKFLOW_BUNDLE), so a worker
// starts without webpack and every worker of a deploy runs byte-identical workflow code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { workflowsPath } from '@tend/workflows/path';
import { bundleWorkflowCode } from '@temporalio/worker';

const out = new URL('../dist/workflow-bundle.js', import.meta.url);
const { code } = await bundleWorkflowCode({ workflowsPath });
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, code);
console.log(`workflow bundle written to ${out.pathname} (${(code.length / 1024).toFixed(0)} KiB)`);
