import { describe, expect, it } from 'vitest';
import { summaryFigures, summaryProblems } from './import-figures';

describe('summaryFigures', () => {
  it("lists a contacts import's figures with their names", () => {
    expect(summaryFigures({ rows: 3, imported: 2, errors: 1, problems: [] })).toEqual([
      { key: 'rows', label: 'Rows read', value: 3 },
      { key: 'imported', label: 'Contacts imported', value: 2 },
      { key: 'errors', label: 'Rows refused', value: 1 },
    ]);
  });

  it('puts the data set figures first, leaves out a resume from line 0 and keeps unknown figures', () => {
    const figures = summaryFigures({ eventsWritten: 10, lines: 541_909, resumedAfterLine: 0, importId: 'im_1', customersWithValidPurchase: 4_338, newFigure: 7 });
    expect(figures.map((figure) => figure.key)).toEqual(['lines', 'customersWithValidPurchase', 'eventsWritten', 'newFigure']);
    expect(figures.at(-1)).toEqual({ key: 'newFigure', label: 'newFigure', value: 7 });
  });
});

describe('summaryProblems', () => {
  it('reads the refused rows with their lines, and nothing else', () => {
    expect(summaryProblems({ problems: [{ line: 3, problem: 'no customer_id' }, { oops: true }] })).toEqual([{ line: 3, problem: 'no customer_id' }]);
    expect(summaryProblems({})).toEqual([]);
  });
});
