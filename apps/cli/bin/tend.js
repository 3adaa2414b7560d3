#!/usr/bin/env node
// In a checkout (sources and tsx present) runs the TypeScript source, so `npx tend` never runs a
// stale build; in an installed or pruned image runs the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// Resolved from here, so `tend` works from any directory.
const tsx = (() => {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
})();

if (existsSync(source) && tsx) {
  const result = spawnSync(process.execPath, ['--conditions=@tend/source', '--import', tsx, source, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
} else {
  await import(fileURLToPath(new URL('../dist/main.js', import.meta.url)));
}
