import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileJourney, type CompileResult } from './compile.js';
import type { JourneyGraphInput } from './graph.js';

const welcome: JourneyGraphInput = JSON.parse(readFileSync(new URL('../../../examples/journeys/welcome.json', import.meta.url), 'utf8'));

function welcomeWith(change: (graph: JourneyGraphInput) => void): JourneyGraphInput {
  const graph = structuredClone(welcome);
  change(graph);
  return graph;
}

function compiled(input: unknown): Extract<CompileResult, { ok: true }> {
  const result = compileJourney(input);
  if (!result.ok) throw new Error(`expected the journey to compile: ${JSON.stringify(result.problems)}`);
  return result;
}

/** The same object with its keys written in reverse order, recursively. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
  }
  return value;
}

describe('compileJourney', () => {
  it('compiles the welcome example to the IR the interpreter walks', () => {
    const { ir, hash } = compiled(welcome);
    expect(ir).toEqual({
      format: 1,
      journeyId: 'welcome',
      name: 'Welcome series',
      reentry: 'once-ever',
      cooldownMs: null,
      timeZone: 'UTC',
      triggers: [{ nodeId: 'signed-up', kind: 'identify', onlyNewContacts: true, next: 'welcome-email' }],
      goals: [],
      exitWhen: [],
      listensTo: [],
      nodes: {
        'welcome-email': {
          kind: 'action',
          id: 'welcome-email',
          type: 'send-email',
          version: 1,
          config: {
            subject: "Welcome, {{ contact.firstName | default: 'friend' }}!",
            html: "<p>Hi {{ contact.firstName | default: 'there' }},</p><p>Thanks for joining us. We are glad you are here.</p>",
            // A message node says what it is for the policy checked before each send.
            purpose: 'marketing',
            whenHeld: 'defer',
          },
          outputs: { next: 'two-days' },
        },
        'two-days': { kind: 'wait', id: 'two-days', durationMs: 2 * 24 * 60 * 60 * 1000, next: 'purchased' },
        purchased: {
          kind: 'branch',
          id: 'purchased',
          cases: [
            {
              id: 'ordered',
              label: 'Already ordered',
              condition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, withinDays: 2 },
              next: 'customer-already',
            },
          ],
          otherwise: 'tips-email',
        },
        'customer-already': { kind: 'exit', id: 'customer-already' },
        'tips-email': expect.objectContaining({ kind: 'action', type: 'send-email', outputs: { next: 'done' } }),
        done: { kind: 'exit', id: 'done' },
      },
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps no editor state in the IR: positions are not compiled', () => {
    const { ir } = compiled(welcome);
    expect(JSON.stringify(ir)).not.toContain('position');
  });

  it('applies config defaults, so an empty trigger config enters only new contacts', () => {
    const { ir } = compiled(welcomeWith((graph) => void (graph.nodes[0]!.data = {})));
    expect(ir.triggers[0]).toMatchObject({ kind: 'identify', onlyNewContacts: true });
  });

  it('compiles an event trigger and a fractional wait', () => {
    const { ir } = compiled(
      welcomeWith((graph) => {
        graph.nodes[0] = { id: 'signed-up', type: 'trigger.event', data: { event: 'Order Completed' } };
        graph.nodes.find((n) => n.id === 'two-days')!.data = { amount: 1.5, unit: 'hours' };
      }),
    );
    expect(ir.triggers).toEqual([{ nodeId: 'signed-up', kind: 'event', event: 'Order Completed', filters: [], next: 'welcome-email' }]);
    expect(ir.nodes['two-days']).toMatchObject({ kind: 'wait', durationMs: 90 * 60 * 1000 });
  });

  it('gives the same journey the same hash on every compile', () => {
    expect(compiled(welcome).hash).toBe(compiled(structuredClone(welcome)).hash);
  });

  it('does not change the hash when a node is moved on the canvas', () => {
    const moved = welcomeWith((graph) => {
      for (const node of graph.nodes) node.position = { x: (node.position?.x ?? 0) + 300, y: (node.position?.y ?? 0) * 2 };
    });
    expect(compiled(moved).hash).toBe(compiled(welcome).hash);
  });

  it('does not change the hash when the file writes its keys in another order', () => {
    expect(compiled(reverseKeys(welcome)).hash).toBe(compiled(welcome).hash);
  });

  it('does not change the hash when nodes and edges are listed in another order', () => {
    const reordered = welcomeWith((graph) => {
      graph.nodes.reverse();
      graph.edges.reverse();
    });
    expect(compiled(reordered).hash).toBe(compiled(welcome).hash);
  });

  it('does not change the hash when a journey with two triggers lists them in another order', () => {
    const twoTriggers = welcomeWith((graph) => {
      graph.nodes.push({ id: 'ordered', type: 'trigger.event', data: { event: 'Order Completed' } });
      graph.nodes.push({ id: 'thanks', type: 'send-email', data: { subject: 'Thanks', html: '<p>Thanks</p>' } });
      graph.edges.push({ id: 'ordered->thanks', source: 'ordered', target: 'thanks' }, { id: 'thanks->done', source: 'thanks', target: 'done' });
    });
    const reordered = structuredClone(twoTriggers);
    reordered.nodes.reverse();
    expect(compiled(reordered).hash).toBe(compiled(twoTriggers).hash);
  });

  it('carries a priority and caps set in the settings into the IR, where the send path reads them', () => {
    const { ir } = compiled(welcomeWith((graph) => void (graph.settings = { ...graph.settings, priority: 8, caps: { email: { count: 1, perDays: 7 } } })));
    expect(ir).toMatchObject({ priority: 8, caps: { email: { count: 1, perDays: 7 } } });
  });

  it('leaves the default priority and no caps out of the IR, so a journey published before them keeps its hash', () => {
    const spelt = welcomeWith((graph) => void (graph.settings = { ...graph.settings, priority: 5, caps: {} }));
    const { ir, hash } = compiled(spelt);
    expect(ir).not.toHaveProperty('priority');
    expect(ir).not.toHaveProperty('caps');
    expect(hash).toBe(compiled(welcome).hash);
  });

  it('refuses a priority outside 1 to 10 and a journey cap that cannot be followed, naming the field', () => {
    const result = compileJourney(welcomeWith((graph) => void (graph.settings = { ...graph.settings, priority: 11, caps: { sms: { count: 0, perDays: 1 } } })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'settings.priority', message: 'priority is at most 10 (highest)' }),
        expect.objectContaining({ field: 'settings.caps.sms.count', message: 'a cap allows at least 1 message' }),
      ]),
    );
    const fractional = compileJourney(welcomeWith((graph) => void (graph.settings = { ...graph.settings, priority: 2.5 })));
    expect(!fractional.ok && fractional.problems).toContainEqual(expect.objectContaining({ field: 'settings.priority', message: 'priority is a whole number from 1 (lowest) to 10 (highest)' }));
  });

  it('changes the hash when a subject line changes', () => {
    const edited = welcomeWith((graph) => void (graph.nodes.find((n) => n.id === 'tips-email')!.data!.subject = 'Four tips'));
    expect(compiled(edited).hash).not.toBe(compiled(welcome).hash);
  });

  it('changes the hash when a wait changes', () => {
    const edited = welcomeWith((graph) => void (graph.nodes.find((n) => n.id === 'two-days')!.data = { amount: 3, unit: 'days' }));
    expect(compiled(edited).hash).not.toBe(compiled(welcome).hash);
  });

  it('refuses an invalid graph with the problems, and no IR', () => {
    const broken = welcomeWith((graph) => void (graph.nodes.find((n) => n.id === 'two-days')!.data = { amount: 0, unit: 'days' }));
    const result = compileJourney(broken);
    expect(result).toEqual({ ok: false, problems: [{ nodeId: 'two-days', field: 'amount', message: expect.any(String) }] });
  });

  it('refuses garbage without throwing', () => {
    expect(compileJourney(null)).toMatchObject({ ok: false, problems: [expect.objectContaining({ message: expect.any(String) })] });
  });
});
