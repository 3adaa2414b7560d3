import { describe, expect, it } from 'vitest';
import { rfmGroups } from './rfm-groups.js';

describe('rfmGroups', () => {
  it('names every one of the 25 R×F cells exactly once', () => {
    const cells = rfmGroups.flatMap(({ cells }) => cells.map(({ r, f }) => `${r}${f}`));
    const everyCell = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => `${r}${f}`));
    expect(cells.toSorted()).toEqual(everyCell);
  });

  it('has the eleven standard groups, each with at least one cell and a description', () => {
    expect(rfmGroups.map(({ name }) => name)).toEqual([
      'Champions',
      'Loyal',
      'Potential loyalists',
      'New',
      'Promising',
      'Need attention',
      'About to sleep',
      'At risk',
      "Can't lose them",
      'Hibernating',
      'Lost',
    ]);
    for (const group of rfmGroups) {
      expect(group.cells.length, group.name).toBeGreaterThan(0);
      expect(group.description, group.name).not.toBe('');
    }
  });

  it('puts the corners where marketers expect them', () => {
    const groupOf = (r: number, f: number) => rfmGroups.find(({ cells }) => cells.some((cell) => cell.r === r && cell.f === f))?.name;
    expect(groupOf(5, 5)).toBe('Champions');
    expect(groupOf(5, 1)).toBe('New');
    expect(groupOf(1, 5)).toBe("Can't lose them");
    expect(groupOf(1, 1)).toBe('Lost');
    expect(groupOf(2, 1)).toBe('Hibernating');
    expect(groupOf(3, 3)).toBe('Need attention');
  });
});
