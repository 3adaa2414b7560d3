import type { Invoice, InvoiceLine } from './invoice-window.js';

/** A track call made from imported data: whom it is about, what happened, when. */
export interface ImportedEvent {
  /** Deterministic, so importing the same data twice stores each event once. */
  messageId: string;
  userId: string;
  /** Traits to set on the contact, e.g. the country the order was shipped to. */
  traits: Record<string, unknown>;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
}

/** A product as Segment's e-commerce spec names its fields. */
export interface OrderProduct {
  product_id: string;
  sku: string;
  name: string;
  quantity: number;
  price: number;
}

/** A line is a valid purchase when something was bought at a price (the data set's own definition). */
export function isValidPurchase(line: InvoiceLine): boolean {
  return line.quantity > 0 && line.unitPrice > 0;
}

/**
 * The event an invoice becomes, in Segment's e-commerce spec:
 * - an invoice → `Order Completed` { order_id, products, revenue, currency }, its products being
 *   its valid lines only (quantity > 0 and price > 0: a free line or a stock adjustment is not a
 *   purchase). An invoice with no valid line becomes no event (returns undefined).
 * - a `C…` invoice → `Order Refunded` { order_id, products, total, currency }: the spec's refund
 *   has a `total`, not a revenue, written positive (the amount given back), quantities positive too.
 *   Net sales are Σ Order Completed revenue − Σ Order Refunded total.
 * Amounts are GBP, rounded to pence.
 */
export function invoiceEvent(invoice: Invoice): ImportedEvent | undefined {
  const base = {
    messageId: `online-retail:${invoice.invoiceNo}`,
    userId: invoice.customerId,
    traits: { country: invoice.country },
    occurredAt: invoice.occurredAt,
  };
  if (invoice.cancelled) {
    const products = invoice.lines.map((line) => productOf({ ...line, quantity: Math.abs(line.quantity) }));
    return {
      ...base,
      name: 'Order Refunded',
      properties: { order_id: invoice.invoiceNo, products, total: amountOf(products), currency: 'GBP' },
    };
  }
  const products = invoice.lines.filter(isValidPurchase).map(productOf);
  if (products.length === 0) return undefined;
  return {
    ...base,
    name: 'Order Completed',
    properties: { order_id: invoice.invoiceNo, products, revenue: amountOf(products), currency: 'GBP' },
  };
}

function productOf(line: InvoiceLine): OrderProduct {
  return { product_id: line.stockCode, sku: line.stockCode, name: line.description, quantity: line.quantity, price: line.unitPrice };
}

/** Σ quantity × price, to the penny. */
function amountOf(products: OrderProduct[]): number {
  const sum = products.reduce((total, product) => total + product.quantity * product.price, 0);
  return Math.round(sum * 100) / 100;
}
