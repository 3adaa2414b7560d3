import { describe, expect, it } from 'vitest';
import type { Invoice } from './invoice-window.js';
import { invoiceEvent } from './order-events.js';

function invoice(values: Partial<Invoice>): Invoice {
  return {
    invoiceNo: '536365',
    customerId: '17850',
    country: 'United Kingdom',
    occurredAt: new Date('2010-12-01T08:26:00Z'),
    cancelled: false,
    lines: [],
    firstLine: 2,
    lastLine: 2,
    settledLine: 2,
    ...values,
  };
}

describe('invoiceEvent', () => {
  it('makes an invoice an Order Completed in Segment’s terms, revenue to the penny', () => {
    const event = invoiceEvent(
      invoice({
        lines: [
          { stockCode: '85123A', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55 },
          { stockCode: '71053', description: 'WHITE METAL LANTERN', quantity: 3, unitPrice: 0.1 },
        ],
      }),
    );
    expect(event).toEqual({
      messageId: 'online-retail:536365',
      userId: '17850',
      traits: { country: 'United Kingdom' },
      name: 'Order Completed',
      occurredAt: new Date('2010-12-01T08:26:00Z'),
      properties: {
        order_id: '536365',
        products: [
          { product_id: '85123A', sku: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, price: 2.55 },
          { product_id: '71053', sku: '71053', name: 'WHITE METAL LANTERN', quantity: 3, price: 0.1 },
        ],
        revenue: 15.6,
        currency: 'GBP',
      },
    });
  });

  it('leaves free and negative lines out of an order, and an order with nothing else out altogether', () => {
    const mixed = invoiceEvent(
      invoice({
        lines: [
          { stockCode: 'A', description: 'PAID', quantity: 2, unitPrice: 1.5 },
          { stockCode: 'B', description: 'FREE GIFT', quantity: 1, unitPrice: 0 },
          { stockCode: 'C', description: 'ADJUSTMENT', quantity: -3, unitPrice: 1 },
        ],
      }),
    );
    expect(mixed?.properties).toMatchObject({ products: [expect.objectContaining({ sku: 'A' })], revenue: 3 });
    expect(invoiceEvent(invoice({ lines: [{ stockCode: 'B', description: 'FREE GIFT', quantity: 1, unitPrice: 0 }] }))).toBeUndefined();
  });

  it('makes a C invoice an Order Refunded with a positive total', () => {
    const event = invoiceEvent(
      invoice({
        invoiceNo: 'C536379',
        cancelled: true,
        lines: [{ stockCode: '22556', description: 'PLASTERS IN TIN CIRCUS PARADE', quantity: -12, unitPrice: 1.65 }],
      }),
    );
    expect(event).toMatchObject({
      messageId: 'online-retail:C536379',
      name: 'Order Refunded',
      properties: {
        order_id: 'C536379',
        products: [{ product_id: '22556', sku: '22556', name: 'PLASTERS IN TIN CIRCUS PARADE', quantity: 12, price: 1.65 }],
        total: 19.8,
        currency: 'GBP',
      },
    });
  });
});
