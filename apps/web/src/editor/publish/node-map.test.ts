import type { JourneyGraphInput } from '@tend/journey/editor';
import { describe, expect, it } from 'vitest';
import { defaultMoves, toNodeMap } from './node-map';

const waits = new Set(['wait', 'wait-until', 'wait-for-event']);
const isWait = (type: string) => waits.has(type);

function graph(nodes: [string, string][], edges: [string, string][]): JourneyGraphInput {
  return {
    id: 'j',
    name: 'J',
    nodes: nodes.map(([id, type]) => ({ id, type })),
    edges: edges.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
  };
}

// trigger → wait-a → email → wait-b → exit
const live = graph(
  [['start', 'trigger.event'], ['wait-a', 'wait'], ['email', 'send-email'], ['wait-b', 'wait'], ['done', 'exit']],
  [['start', 'wait-a'], ['wait-a', 'email'], ['email', 'wait-b'], ['wait-b', 'done']],
);

describe('defaultMoves', () => {
  it('sends contacts at a removed wait to the next wait the draft still has', () => {
    const draft = graph([['start', 'trigger.event'], ['email', 'send-email'], ['wait-b', 'wait'], ['done', 'exit']], []);
    expect(defaultMoves(live, draft, ['wait-a'], isWait)).toEqual([{ nodeId: 'wait-a', to: 'wait-b' }]);
  });

  it('asks only about removed waits: nobody waits at a send', () => {
    const draft = graph([['start', 'trigger.event'], ['wait-a', 'wait'], ['wait-b', 'wait'], ['done', 'exit']], []);
    expect(defaultMoves(live, draft, ['email'], isWait)).toEqual([]);
  });

  it('leaves the target unchosen when no wait follows in the draft', () => {
    const draft = graph([['start', 'trigger.event'], ['wait-a', 'wait'], ['email', 'send-email'], ['done', 'exit']], []);
    expect(defaultMoves(live, draft, ['wait-b'], isWait)).toEqual([{ nodeId: 'wait-b', to: null }]);
  });

  it('follows branches breadth first and survives loops', () => {
    const looped = graph(
      [['w', 'wait'], ['split', 'split'], ['near', 'wait'], ['mid', 'send-email'], ['far', 'wait']],
      [['w', 'split'], ['split', 'mid'], ['split', 'near'], ['mid', 'far'], ['far', 'w']],
    );
    const draft = graph([['near', 'wait'], ['far', 'wait'], ['mid', 'send-email'], ['split', 'split']], []);
    expect(defaultMoves(looped, draft, ['w'], isWait)).toEqual([{ nodeId: 'w', to: 'near' }]);
  });
});

describe('toNodeMap', () => {
  it('maps every removed wait, or names the first one without a target', () => {
    expect(toNodeMap([{ nodeId: 'a', to: 'b' }])).toEqual({ ok: true, nodeMap: { a: 'b' } });
    expect(toNodeMap([{ nodeId: 'a', to: 'b' }, { nodeId: 'c', to: null }])).toEqual({ ok: false, missing: 'c' });
  });
});
