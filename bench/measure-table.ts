// printTable's layout for figures that are neither durations nor rates (memory, event counts).
// report.ts's Comparison.unit admits only those two; this file leaves it untouched.
import { format, type Comparison } from './report.js';

export interface Measure {
  figure: string;
  value: number;
  baseline: string;
  base: number;
  unit: Comparison['unit'] | 'MiB' | 'events';
}

/** Prints figure | value | baseline | value | ratio (figure ÷ baseline), then any notes. */
export function printMeasures(title: string, rows: Measure[], notes: string[] = []): void {
  const cells = rows.map((row) => [row.figure, show(row.value, row.unit), row.baseline, show(row.base, row.unit), ratio(row.value, row.base)]);
  const header = ['figure', 'value', 'baseline', 'value', 'ratio'];
  const widths = header.map((heading, column) => Math.max(heading.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    cell.map((text, column) => (column === 1 || column === 3 || column === 4 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ');
  console.log(`\n${title}\n`);
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((width) => '─'.repeat(width)).join('  ')}`);
  for (const cell of cells) console.log(`  ${line(cell)}`);
  for (const note of notes) console.log(`  ${note}`);
}

function show(value: number, unit: Measure['unit']): string {
  if (unit === 'MiB' || unit === 'events') return Number.isFinite(value) ? `${number(value)} ${unit}` : '—';
  return format(value, unit);
}

function ratio(value: number, base: number): string {
  const r = value / base;
  return Number.isFinite(r) ? `${number(r)}×` : '—';
}

/** As report.ts: three significant digits below 100, whole numbers with separators above. */
export function number(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3)));
}
