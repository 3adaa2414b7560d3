import type { Invoice, OnlineRetailCounts } from './online-retail.js';
import { isValidPurchase } from './order-events.js';

/** What an Online Retail import found and did: the figures the data set's README gives, and more. */
export interface OnlineRetailSummary extends OnlineRetailCounts {
  /** Invoices with a customer, cancellations included. */
  invoices: number;
  /** Invoices with at least one valid purchase line (quantity > 0, price > 0): one Order Completed each. */
  validInvoices: number;
  /** Customers with at least one valid invoice. */
  customersWithValidPurchase: number;
  /** `C…` invoices with a customer: one Order Refunded each. */
  refundInvoices: number;
  /** Invoices with a customer but no valid line (all free or negative): no event. */
  invoicesWithoutValidLine: number;
  /** Lines of non-cancelled customer invoices left out of their order (quantity ≤ 0 or price ≤ 0). */
  invalidLines: number;
  /** Events this run stored; 0 when everything was already there. */
  eventsWritten: number;
  /** Where this run began writing: lines up to it were committed by an earlier run. */
  resumedAfterLine: number;
}

/** Tallies the invoices as they are read: the whole file's figures, even when a resume writes only part. */
export class RetailTally {
  private readonly customers = new Set<string>();
  private invoices = 0;
  private validInvoices = 0;
  private refundInvoices = 0;
  private invoicesWithoutValidLine = 0;
  private invalidLines = 0;
  eventsWritten = 0;

  constructor(
    private readonly counts: OnlineRetailCounts,
    private readonly resumedAfterLine: number,
  ) {}

  add(invoice: Invoice): void {
    this.invoices += 1;
    if (invoice.cancelled) {
      this.refundInvoices += 1;
      return;
    }
    const valid = invoice.lines.filter(isValidPurchase).length;
    this.invalidLines += invoice.lines.length - valid;
    if (valid === 0) {
      this.invoicesWithoutValidLine += 1;
      return;
    }
    this.validInvoices += 1;
    this.customers.add(invoice.customerId);
  }

  summary(): OnlineRetailSummary {
    return {
      ...this.counts,
      problems: [...this.counts.problems],
      invoices: this.invoices,
      validInvoices: this.validInvoices,
      customersWithValidPurchase: this.customers.size,
      refundInvoices: this.refundInvoices,
      invoicesWithoutValidLine: this.invoicesWithoutValidLine,
      invalidLines: this.invalidLines,
      eventsWritten: this.eventsWritten,
      resumedAfterLine: this.resumedAfterLine,
    };
  }
}
