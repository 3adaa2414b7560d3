/**
 * An import's summary as figures to read, in a sensible order: what an Online Retail import found
 * and wrote, or what a contacts import read, imported and refused. Keys it does not know are shown
 * after, so a new figure is never hidden.
 */

const labels: Record<string, string> = {
  lines: 'Lines read',
  rows: 'Rows read',
  imported: 'Contacts imported',
  errors: 'Rows refused',
  invoices: 'Invoices with a customer',
  validInvoices: 'Valid invoices (Order Completed)',
  customersWithValidPurchase: 'Customers with a valid purchase',
  refundInvoices: 'Cancellations (Order Refunded)',
  cancellationLines: 'Cancellation lines',
  linesWithoutCustomer: 'Lines without a customer (skipped)',
  malformedLines: 'Malformed lines (skipped)',
  invoicesWithoutValidLine: 'Invoices without a valid line',
  invalidLines: 'Lines left out of their order',
  eventsWritten: 'Events written',
  resumedAfterLine: 'Resumed after line',
};

/** Keys that are not figures. */
const notFigures = new Set(['problems', 'importId']);

export interface Figure {
  key: string;
  label: string;
  value: number;
}

export function summaryFigures(summary: Readonly<Record<string, unknown>>): Figure[] {
  const known = Object.keys(labels).filter((key) => typeof summary[key] === 'number');
  const others = Object.keys(summary).filter((key) => !(key in labels) && !notFigures.has(key) && typeof summary[key] === 'number');
  // A first run resumes after line 0: saying so would only puzzle.
  return [...known, ...others]
    .filter((key) => !(key === 'resumedAfterLine' && summary[key] === 0))
    .map((key) => ({ key, label: labels[key] ?? key, value: summary[key] as number }));
}

export interface LineProblem {
  line: number;
  problem: string;
}

/** The rows refused, with their line numbers (the header is line 1). */
export function summaryProblems(summary: Readonly<Record<string, unknown>>): LineProblem[] {
  const problems = summary.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (problem): problem is LineProblem => typeof problem === 'object' && problem !== null && typeof problem.line === 'number' && typeof problem.problem === 'string',
  );
}
