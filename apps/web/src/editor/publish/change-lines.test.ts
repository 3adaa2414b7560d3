import type { GraphDiff } from '@tend/journey/editor';
import { describe, expect, it } from 'vitest';
import { changeLines, nodeNamer } from './change-lines';

const titles: Record<string, string> = { wait: 'Wait', 'send-email': 'Send email' };
const before = { id: 'j', name: 'J', nodes: [{ id: 'old-wait', type: 'wait' }, { id: 'mail', type: 'send-email' }], edges: [] };
const after = { id: 'j', name: 'J', nodes: [{ id: 'new-wait', type: 'wait' }, { id: 'mail', type: 'send-email' }], edges: [] };
const name = nodeNamer([after, before], (type) => titles[type]);

describe('changeLines', () => {
  it('names nodes by title and id, in the order added, changed, removed, edges, settings', () => {
    const diff: GraphDiff = {
      added: [{ id: 'new-wait', type: 'wait' }],
      removed: [{ id: 'old-wait', type: 'wait' }],
      changed: [{ id: 'mail', type: 'send-email', fields: ['subject', 'html'] }],
      edgesAdded: [{ source: 'new-wait', target: 'mail', sourceHandle: null }],
      edgesRemoved: [{ source: 'old-wait', target: 'mail', sourceHandle: 'timed-out' }],
      settingsChanged: ['settings.reentry'],
      unchanged: false,
    };
    expect(changeLines(diff, name)).toEqual([
      { kind: 'added', nodeId: 'new-wait', text: 'Added Wait (new-wait)' },
      { kind: 'changed', nodeId: 'mail', text: 'Changed Send email (mail): subject, html' },
      { kind: 'removed', nodeId: 'old-wait', text: 'Removed Wait (old-wait)' },
      { kind: 'connected', text: 'Connected Wait (new-wait) → Send email (mail)' },
      { kind: 'disconnected', text: 'Disconnected Wait (old-wait) [timed-out] → Send email (mail)' },
      { kind: 'settings', text: 'Journey settings: settings.reentry' },
    ]);
  });

  it('falls back to the type, then the id, for nodes the catalogue or graphs do not know', () => {
    const namer = nodeNamer([{ id: 'j', name: 'J', nodes: [{ id: 'x', type: 'custom.thing' }], edges: [] }], () => undefined);
    expect(namer('x')).toBe('custom.thing (x)');
    expect(namer('ghost')).toBe('ghost');
  });
});
