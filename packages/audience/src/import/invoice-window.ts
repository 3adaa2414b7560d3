import { londonTime } from './london-time.js';
import type { RetailLine } from './online-retail-line.js';

export interface InvoiceLine {
  stockCode: string;
  description: string;
  quantity: number;
  unitPrice: number;
}

/** One invoice of the Online Retail log, its lines gathered. */
export interface Invoice {
  invoiceNo: string;
  customerId: string;
  country: string;
  /** The time of its first line, read as London time (the shop's, a UK retailer's). */
  occurredAt: Date;
  /** A `C…` invoice: the lines are a cancellation. */
  cancelled: boolean;
  lines: InvoiceLine[];
  firstLine: number;
  lastLine: number;
  /**
   * Every line of the file up to this one belongs to an invoice handed out by now (this one
   * included) or needs no writing: once this invoice and those before it are committed, a resume
   * can skip to here.
   */
  settledLine: number;
}

type OpenInvoice = Omit<Invoice, 'settledLine' | 'occurredAt'> & { invoiceDate: string };

/**
 * Gathers an invoice's lines without holding the file: an invoice stays open while its lines keep
 * coming and is handed out once `span` lines have passed without one. The log is in date order
 * and an invoice's lines are nearly always contiguous (one invoice in 541,909 lines is interrupted,
 * by two lines of another), so a window of a few thousand lines holds a few dozen invoices. A line
 * whose invoice was already handed out is refused (add returns false) rather than written as a
 * second order with the same number.
 */
export class InvoiceWindow {
  private readonly open = new Map<string, OpenInvoice>();
  private readonly closed = new Set<string>();
  private nextSweep = 0;

  constructor(private readonly span: number) {}

  /** Adds a line with a customer to its invoice; false if that invoice was already handed out. */
  add(line: RetailLine & { customerId: string }): boolean {
    const invoice = this.open.get(line.invoiceNo);
    const item = { stockCode: line.stockCode, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice };
    if (invoice) {
      invoice.lines.push(item);
      invoice.lastLine = line.line;
      return true;
    }
    if (this.closed.has(line.invoiceNo)) return false;
    // The first line names the invoice's customer, country and time: they agree across its lines
    // in this log, except the time, which moves on by a minute in 43 invoices.
    this.open.set(line.invoiceNo, {
      invoiceNo: line.invoiceNo,
      customerId: line.customerId,
      country: line.country,
      invoiceDate: line.invoiceDate,
      cancelled: line.invoiceNo.startsWith('C'),
      lines: [item],
      firstLine: line.line,
      lastLine: line.line,
    });
    return true;
  }

  /** The invoices no line of which came in the last `span` lines, as of line `current`. */
  closeIdle(current: number): Invoice[] {
    // Looking every span/8 lines keeps the sweep's cost out of the per-line path.
    if (current < this.nextSweep) return [];
    this.nextSweep = current + Math.max(1, Math.floor(this.span / 8));
    return this.close([...this.open.values()].filter((invoice) => invoice.lastLine <= current - this.span), current);
  }

  /** Every open invoice: the file has ended at line `last`. */
  closeAll(last: number): Invoice[] {
    return this.close([...this.open.values()], last);
  }

  /** Hands invoices out in the order they began, each with how far the file is settled. */
  private close(invoices: OpenInvoice[], current: number): Invoice[] {
    for (const invoice of invoices) {
      this.open.delete(invoice.invoiceNo);
      this.closed.add(invoice.invoiceNo);
    }
    // The map keeps insertion order, which is first-line order: its first entry began earliest.
    const stillOpen = this.open.values().next();
    const oldestOpen = stillOpen.done ? current + 1 : stillOpen.value.firstLine;
    return invoices.map(({ invoiceDate, ...invoice }, i) => ({
      ...invoice,
      occurredAt: londonTime(invoiceDate)!,
      settledLine: Math.min(invoices[i + 1]?.firstLine ?? Infinity, oldestOpen) - 1,
    }));
  }
}
