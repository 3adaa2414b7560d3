import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileJourney } from '../compile.js';
import { builtInNodes, catalogueJson } from './catalogue.js';
import { nodeSpec } from './node-spec.js';

/** The JSON Schema under a ui path: "timeout", "cases[].condition", "" for the config itself. */
function schemaAt(schema: Record<string, unknown>, path: string): unknown {
  if (path === '') return schema;
  return path.split('.').reduce<unknown>((at, segment) => {
    const name = segment.replace(/\[\]$/, '');
    const property = (at as { properties?: Record<string, unknown> } | undefined)?.properties?.[name];
    return segment.endsWith('[]') ? (property as { items?: unknown } | undefined)?.items : property;
  }, schema);
}

describe('the catalogue', () => {
  const catalogue = catalogueJson();

  it('lists every built-in node once, in its palette group', () => {
    expect(catalogue.map((entry) => `${entry.type}@${entry.version}`)).toEqual(builtInNodes.map((spec) => `${spec.type}@${spec.version}`));
    const groups = Object.fromEntries(catalogue.map((entry) => [entry.type, entry.group]));
    expect(groups).toMatchObject({
      'trigger.event': 'entries',
      'trigger.schedule': 'entries',
      wait: 'waits',
      'wait-until': 'waits',
      'wait-for-event': 'waits',
      branch: 'logic',
      split: 'logic',
      goal: 'logic',
      exit: 'logic',
      'send-email': 'actions',
      'remove-from-list': 'actions',
    });
  });

  it('gives config-driven outputs as null, fixed ones with labels', () => {
    const outputs = Object.fromEntries(catalogue.map((entry) => [entry.type, entry.outputs]));
    expect(outputs.branch).toBeNull();
    expect(outputs.split).toBeNull();
    expect(outputs.exit).toEqual([]);
    expect(outputs['wait-for-event']).toEqual([
      { id: 'happened', label: 'happened' },
      { id: 'timed-out', label: 'timed out' },
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
  });

  it('every ui hint names a field of the config', () => {
    for (const entry of catalogue) {
      for (const path of Object.keys(entry.ui)) {
        expect(schemaAt(entry.configSchema as Record<string, unknown>, path), `${entry.type} ${path}`).toBeTypeOf('object');
      }
    }
  });

  it('every default names fields of the config, and the complete ones are valid', () => {
    for (const spec of builtInNodes) {
      const properties = Object.keys((catalogue.find((entry) => entry.type === spec.type)!.configSchema as { properties?: object }).properties ?? {});
      for (const key of Object.keys(spec.defaults ?? {})) expect(properties, `${spec.type} ${key}`).toContain(key);
    }
    for (const type of ['trigger.identify', 'trigger.date-attribute', 'trigger.schedule', 'wait', 'wait-until', 'split', 'exit', 'update-profile']) {
      const spec = builtInNodes.find((candidate) => candidate.type === type)!;
      const parsed = spec.config.safeParse(spec.defaults);
      // A fresh update-profile sets nothing yet, and a fresh date trigger names no trait: they say so.
      const expected = type === 'update-profile' || type === 'trigger.date-attribute' ? false : true;
      expect(parsed.success, type).toBe(expected);
    }
  });

  it('a fresh node shows its problems in the fields the inspector has', () => {
    const wait = builtInNodes.find((spec) => spec.type === 'wait-for-event')!;
    const issues = wait.config.safeParse(wait.defaults).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['event']);
  });

  it('every node has a summary template and compiles its own IR (actions by the default)', () => {
    for (const spec of builtInNodes) {
      expect(spec.summary, spec.type).not.toBe('');
      expect(Boolean(spec.compile), spec.type).toBe(spec.category !== 'action');
    }
  });
});

describe('node versions', () => {
  it('compiles each node with the spec of its own version', () => {
    const v2 = nodeSpec({
      type: 'wait',
      version: 2,
      category: 'control',
      title: 'Wait (minutes)',
      description: 'A later version of wait, taking minutes.',
      config: z.object({ minutes: z.number().positive() }),
      outputs: ['next'],
      summary: 'Wait {{ minutes }} minutes',
      compile: (config, { id, to }) => ({ node: { kind: 'wait', id, durationMs: config.minutes * 60_000, next: to() } }),
    });
    const graph = {
      id: 'versions',
      name: 'Versions',
      nodes: [
        { id: 'start', type: 'trigger.identify', data: {} },
        { id: 'one', type: 'wait', version: 1, data: { amount: 1, unit: 'hours' } },
        { id: 'two', type: 'wait', version: 2, data: { minutes: 5 } },
        { id: 'end', type: 'exit', data: {} },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'one' },
        { id: 'b', source: 'one', target: 'two' },
        { id: 'c', source: 'two', target: 'end' },
      ],
    };
    expect(compileJourney(graph).ok).toBe(false);
    const result = compileJourney(graph, { nodes: [v2] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.ir.nodes.one).toEqual({ kind: 'wait', id: 'one', durationMs: 3_600_000, next: 'two' });
    expect(result.ir.nodes.two).toEqual({ kind: 'wait', id: 'two', durationMs: 300_000, next: 'end' });
  });
});
