/**
 * The R×F heatmap's layout and colours, without React: rows R 5 (most recent) down to 1, columns
 * F 1 to 5 (most frequent last), each cell shaded by its share of the fullest cell.
 */

export interface HeatCell {
  r: number;
  f: number;
  group: string;
  contacts: number;
  monetary: number;
}

export const scores = [1, 2, 3, 4, 5] as const;

/**
 * The grid as rows of five, R from 5 down, F from 1 up, whatever order the cells came in; a cell
 * the summary lacks is an empty one (its group unknown, so "").
 */
export function heatmapRows(cells: readonly HeatCell[]): HeatCell[][] {
  const byCell = new Map(cells.map((cell) => [`${cell.r}:${cell.f}`, cell]));
  return [...scores].reverse().map((r) => scores.map((f) => byCell.get(`${r}:${f}`) ?? { r, f, group: '', contacts: 0, monetary: 0 }));
}

// From the console's accent, light to strong (styles.css --accent-bg, --accent).
const light: Rgb = [240, 233, 253];
const strong: Rgb = [76, 38, 150];
type Rgb = [number, number, number];

export interface Shade {
  background: string;
  /** Dark text on light cells, white on strong ones, so the count stays readable. */
  color: string;
  /** 0 (empty) to 1 (the fullest cell). */
  level: number;
}

/**
 * A cell's colour by its contacts against the fullest cell, on a square-root scale: a few large
 * cells (Lost, Hibernating are often most of a shop) would otherwise leave the rest one pale shade.
 * An empty cell is not shaded at all.
 */
export function cellShade(contacts: number, max: number): Shade {
  if (contacts <= 0 || max <= 0) return { background: 'var(--surface)', color: 'var(--muted)', level: 0 };
  const level = Math.sqrt(Math.min(contacts, max) / max);
  const mixed = light.map((from, channel) => Math.round(from + (strong[channel]! - from) * level));
  return { background: `rgb(${mixed.join(', ')})`, color: level > 0.55 ? '#ffffff' : 'var(--text)', level };
}

/** The fullest cell's contacts: what the scale is relative to. */
export function maxContacts(cells: readonly HeatCell[]): number {
  return cells.reduce((max, cell) => Math.max(max, cell.contacts), 0);
}
