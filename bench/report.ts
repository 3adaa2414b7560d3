import { loadAverage } from './load-average.js';

/** One line of a section's table: a figure of Tend beside a baseline measured in the same run. */
export interface Comparison {
  figure: string;
  value: number;
  baseline: string;
  base: number;
  /** 'duration' for milliseconds, a rate's unit ('events/s'), or a plain quantity ('MiB', 'events'). */
  unit: 'duration' | `${string}/s` | 'MiB' | 'events';
}

let quiet = false;

export function progress(line: string): void {
  if (!quiet) console.log(`  … ${line}`);
}

/** After Ctrl-C the sections still unwinding should not talk over the cleanup. */
export function quietProgress(): void {
  quiet = true;
}

/** A section's heading, with the machine's load average (1, 5, 15 min) as the section starts. */
export function heading(title: string): void {
  const load = ` load ${loadAverage()} `;
  console.log(`\n── ${title} ${'─'.repeat(Math.max(2, 74 - title.length - load.length))}${load}──`);
}

/** Prints figure | value | baseline | value | ratio (figure ÷ baseline), then any notes. */
export function printTable(title: string, rows: Comparison[], notes: string[] = []): void {
  const cells = rows.map((row) => [row.figure, format(row.value, row.unit), row.baseline, format(row.base, row.unit), ratio(row.value, row.base)]);
  const header = ['figure', 'value', 'baseline', 'value', 'ratio'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    cell.map((text, column) => (column === 1 || column === 3 || column === 4 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ');
  console.log(`\n${title}\n`);
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((width) => '─'.repeat(width)).join('  ')}`);
  for (const cell of cells) console.log(`  ${line(cell)}`);
  for (const note of notes) console.log(`  ${note}`);
  console.log(`  Load average at the end: ${loadAverage()} (1, 5, 15 min).`);
}

export function format(value: number, unit: Comparison['unit']): string {
  if (!Number.isFinite(value)) return '—';
  if (unit !== 'duration') return `${number(value)} ${unit}`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${number(value)} ms`;
}

function ratio(value: number, base: number): string {
  const r = value / base;
  return Number.isFinite(r) ? `${number(r)}×` : '—';
}

/** Three significant digits below 100 (0.00811, 7.31, 44.7), whole numbers with separators above. */
export function number(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3)));
}
