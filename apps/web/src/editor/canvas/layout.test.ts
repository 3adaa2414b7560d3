import { describe, expect, test } from 'vitest';
import { defaultNodeSize, layoutGraph } from './layout';

describe('layoutGraph', () => {
  test('puts each step below the one before it', () => {
    const positions = layoutGraph(
      [{ id: 'signed-up' }, { id: 'wait-1' }, { id: 'welcome' }],
      [
        { source: 'signed-up', target: 'wait-1' },
        { source: 'wait-1', target: 'welcome' },
      ],
    );
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(y('signed-up')).toBeLessThan(y('wait-1'));
    expect(y('wait-1') - y('signed-up')).toBeGreaterThanOrEqual(defaultNodeSize.height);
    expect(y('wait-1')).toBeLessThan(y('welcome'));
    // One column: the same centre line.
    expect(positions.get('wait-1')?.x).toBe(positions.get('signed-up')?.x);
  });

  test('puts the branches of a split side by side without overlapping', () => {
    const positions = layoutGraph(
      [{ id: 'split' }, { id: 'a' }, { id: 'b', width: 300, height: 120 }],
      [
        { source: 'split', target: 'a' },
        { source: 'split', target: 'b' },
      ],
    );
    const a = positions.get('a');
    const b = positions.get('b');
    expect(a?.y).toBeDefined();
    expect(Math.abs((a?.x ?? 0) - (b?.x ?? 0))).toBeGreaterThanOrEqual(defaultNodeSize.width);
  });

  test('places every node, even with edges to nodes that are gone, loops and parallel edges', () => {
    const positions = layoutGraph(
      [{ id: 'a' }, { id: 'b' }, { id: 'lonely' }],
      [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'missing' },
      ],
    );
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'lonely']);
    for (const position of positions.values()) {
      expect(Number.isFinite(position.x) && Number.isFinite(position.y)).toBe(true);
    }
  });

  test('lays out nothing', () => {
    expect(layoutGraph([], []).size).toBe(0);
  });
});
