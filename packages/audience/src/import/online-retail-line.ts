import { isWallClock } from './london-time.js';

/** One line of the Online Retail log, checked and typed. */
export interface RetailLine {
  line: number;
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  unitPrice: number;
  /** `YYYY-MM-DD HH:MM:SS`, the shop's local (London) time, as written. */
  invoiceDate: string;
  /** "17850.0" in the file is customer "17850"; null when the line names none. */
  customerId: string | null;
  country: string;
}

/** The columns the log must have, as its header names them. */
export const retailColumns = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;

/** Checks one row: the line, or why it is malformed. */
export function readRetailLine(record: Record<string, string>, line: number): RetailLine | { line: number; problem: string } {
  const invoiceNo = (record.InvoiceNo ?? '').trim();
  if (invoiceNo === '') return { line, problem: 'InvoiceNo is empty' };
  const quantity = Number(record.Quantity);
  if (record.Quantity?.trim() === '' || !Number.isInteger(quantity)) return { line, problem: `Quantity ${JSON.stringify(record.Quantity)} is not a whole number` };
  const unitPrice = Number(record.UnitPrice);
  if (record.UnitPrice?.trim() === '' || !Number.isFinite(unitPrice)) return { line, problem: `UnitPrice ${JSON.stringify(record.UnitPrice)} is not a number` };
  const invoiceDate = (record.InvoiceDate ?? '').trim();
  if (!isWallClock(invoiceDate)) return { line, problem: `InvoiceDate ${JSON.stringify(record.InvoiceDate)} is not YYYY-MM-DD HH:MM:SS` };
  return {
    line,
    invoiceNo,
    stockCode: (record.StockCode ?? '').trim(),
    description: (record.Description ?? '').trim(),
    quantity,
    unitPrice,
    invoiceDate,
    customerId: customerIdOf(record.CustomerID ?? ''),
    country: (record.Country ?? '').trim(),
  };
}

/** The log writes customer numbers as floats ("17850.0"): the id is the number. */
function customerIdOf(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+\.0*$/.test(trimmed) ? trimmed.slice(0, trimmed.indexOf('.')) : trimmed;
}
