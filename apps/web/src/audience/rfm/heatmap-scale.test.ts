import { describe, expect, it } from 'vitest';
import { cellShade, heatmapRows, maxContacts, type HeatCell } from './heatmap-scale';

const cell = (r: number, f: number, contacts: number, group = 'G'): HeatCell => ({ r, f, group, contacts, monetary: contacts * 10 });

describe('heatmapRows', () => {
  it('lays the cells out R 5 to 1 down, F 1 to 5 across, whatever order they came in', () => {
    const rows = heatmapRows([cell(1, 1, 7, 'Lost'), cell(5, 5, 2, 'Champions'), cell(5, 1, 1, 'New')]);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.map((c) => `${c.r}${c.f}`).join(' '))).toEqual(['51 52 53 54 55', '41 42 43 44 45', '31 32 33 34 35', '21 22 23 24 25', '11 12 13 14 15']);
    expect(rows[0]![0]).toMatchObject({ group: 'New', contacts: 1 });
    expect(rows[0]![4]).toMatchObject({ group: 'Champions', contacts: 2 });
    expect(rows[4]![0]).toMatchObject({ group: 'Lost', contacts: 7 });
  });

  it('fills a cell the summary lacks with an empty one', () => {
    expect(heatmapRows([])[2]![2]).toEqual({ r: 3, f: 3, group: '', contacts: 0, monetary: 0 });
  });
});

describe('cellShade', () => {
  it('leaves empty cells unshaded and shades the fullest the strongest', () => {
    expect(cellShade(0, 10)).toMatchObject({ level: 0, background: 'var(--surface)' });
    expect(cellShade(10, 10)).toEqual({ level: 1, background: 'rgb(76, 38, 150)', color: '#ffffff' });
  });

  it('grows with the square root, so small cells still show against a big one', () => {
    expect(cellShade(1, 100).level).toBeCloseTo(0.1);
    expect(cellShade(25, 100).level).toBeCloseTo(0.5);
    expect(cellShade(1, 100).level).toBeLessThan(cellShade(2, 100).level);
  });

  it('switches to white text where the colour is strong', () => {
    expect(cellShade(20, 100).color).toBe('var(--text)');
    expect(cellShade(50, 100).color).toBe('#ffffff');
  });

  it('measures against the fullest cell', () => {
    expect(maxContacts([cell(1, 1, 3), cell(2, 2, 9)])).toBe(9);
    expect(maxContacts([])).toBe(0);
  });
});
