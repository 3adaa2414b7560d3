import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as editor from './index.js';

const nodeBuiltins = new Set(builtinModules);
const importPattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every module specifier reachable from a file through its relative imports (type-only ones included). */
function reachable(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.')) stack.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('@tend/journey/editor', () => {
  test('reaches no Node built-in, directly or through its own modules', () => {
    const { files, packages } = reachable(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((file) => file.endsWith('validate.ts'))).toBe(true);
    expect(files.filter((file) => file.endsWith('compile.ts'))).toEqual([]);
    const builtins = [...packages].filter((name) => name.startsWith('node:') || nodeBuiltins.has(name.split('/')[0]!));
    expect(builtins).toEqual([]);
    // Third-party modules with a browser build only: zod, liquidjs (its "browser" field), ipaddr.js.
    expect([...packages].filter((name) => !name.startsWith('zod')).sort()).toEqual(['ipaddr.js', 'liquidjs']);
  });

  test('the walk does find a Node built-in where there is one (compile.ts hashes with node:crypto)', () => {
    const { packages } = reachable(fileURLToPath(new URL('../compile.ts', import.meta.url)));
    expect(packages.has('node:crypto')).toBe(true);
  });

  test('exports the contract', () => {
    expect(Object.keys(editor).sort()).toEqual(
      ['builtInNodes', 'diffGraphs', 'journeyGraphSchema', 'lifecycleStages', 'nodeOutputs', 'smsSegments', 'specsFromCatalogue', 'summarizeNode', 'validateJourney'].sort(),
    );
  });
});
