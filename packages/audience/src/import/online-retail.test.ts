import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openInput } from './open-input.js';
import { readOnlineRetail, type Invoice } from './online-retail.js';

const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

async function read(lines: string[], options: { window?: number; gzip?: boolean } = {}) {
  const text = [header, ...lines].join('\n') + '\n';
  const input = await openInput(Readable.from([options.gzip ? gzipSync(text) : Buffer.from(text)]));
  const reader = readOnlineRetail(input.text, { window: options.window });
  const invoices: Invoice[] = [];
  for await (const invoice of reader.invoices) invoices.push(invoice);
  return { invoices, counts: reader.counts };
}

describe('readOnlineRetail', () => {
  it('gathers an invoice’s lines, with its customer, country and London time', async () => {
    const { invoices } = await read([
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
      '560001,22423,"REGENCY CAKESTAND, 3 TIER",2,2011-07-14 10:05:00,12.75,12583.0,France',
    ]);
    expect(invoices).toEqual([
      expect.objectContaining({
        invoiceNo: '536365',
        customerId: '17850',
        country: 'United Kingdom',
        occurredAt: new Date('2010-12-01T08:26:00Z'),
        cancelled: false,
        lines: [
          { stockCode: '85123A', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55 },
          { stockCode: '71053', description: 'WHITE METAL LANTERN', quantity: 6, unitPrice: 3.39 },
        ],
        firstLine: 2,
        lastLine: 3,
      }),
      // Summer: 10:05 in London is 09:05 UTC.
      expect.objectContaining({ invoiceNo: '560001', customerId: '12583', country: 'France', occurredAt: new Date('2011-07-14T09:05:00Z') }),
    ]);
  });

  it('keeps an invoice whole when another one’s lines come between its own (as at line 78,092 of the data set)', async () => {
    const { invoices } = await read([
      '542806,48194,DOORMAT HEARTS,1,2011-02-01 11:19:00,7.95,12836.0,United Kingdom',
      'C542805,22156,HEART DECORATION WITH PEARLS,-1,2011-02-01 11:19:00,0.85,14606.0,United Kingdom',
      '542806,22692,DOORMAT WELCOME TO OUR HOME,2,2011-02-01 11:20:00,7.95,12836.0,United Kingdom',
      '542807,22788,BROCANTE COAT RACK,2,2011-02-01 11:21:00,9.95,12837.0,United Kingdom',
    ]);
    expect(invoices.map((invoice) => [invoice.invoiceNo, invoice.lines.length, invoice.cancelled])).toEqual([
      ['542806', 2, false],
      ['C542805', 1, true],
      ['542807', 1, false],
    ]);
    // Once 542806 is committed, C542805 (line 3) is not yet: a resume must start at line 3.
    expect(invoices.map((invoice) => invoice.settledLine)).toEqual([2, 4, 5]);
  });

  it('refuses a line that comes after its invoice was handed out, naming its line', async () => {
    const { invoices, counts } = await read(
      [
        '500001,A,ONE,1,2011-01-01 10:00:00,1.00,1.0,United Kingdom',
        '500002,B,TWO,1,2011-01-01 10:01:00,1.00,2.0,United Kingdom',
        '500003,C,THREE,1,2011-01-01 10:02:00,1.00,3.0,United Kingdom',
        '500001,D,LATE,1,2011-01-01 10:03:00,1.00,1.0,United Kingdom',
      ],
      { window: 1 },
    );
    expect(invoices.find((invoice) => invoice.invoiceNo === '500001')?.lines).toHaveLength(1);
    expect(counts.malformedLines).toBe(1);
    expect(counts.problems).toEqual([{ line: 5, problem: expect.stringContaining('invoice 500001 had ended') }]);
  });

  it('counts cancellation lines and lines without a customer, and skips the latter', async () => {
    const { invoices, counts } = await read([
      '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,,United Kingdom',
      'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
      'C536380,D,Discount,-1,2010-12-01 09:42:00,27.5,,United Kingdom',
    ]);
    expect(counts).toMatchObject({ lines: 3, cancellationLines: 2, linesWithoutCustomer: 2, malformedLines: 0 });
    expect(invoices.map((invoice) => invoice.invoiceNo)).toEqual(['C536379']);
  });

  it('reports malformed rows with their line numbers and reads on', async () => {
    const { invoices, counts } = await read([
      '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      '536366,22633,HAND WARMER,six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
      '536367,84879,ASSORTED BIRDS,32,2010-12-01 08:34:00,1.69',
      '536368,22960,JAM MAKING SET,6,01/12/2010 08:34,4.25,13047.0,United Kingdom',
      '536369,21756,BATH BUILDING BLOCK,3,2010-12-01 08:35:00,5.95,13047.0,United Kingdom',
    ]);
    expect(invoices.map((invoice) => invoice.invoiceNo)).toEqual(['536365', '536369']);
    expect(counts.lines).toBe(5);
    expect(counts.malformedLines).toBe(3);
    expect(counts.problems).toEqual([
      { line: 3, problem: expect.stringContaining('Quantity "six"') },
      { line: 4, problem: expect.stringContaining('Invalid Record Length') },
      { line: 5, problem: expect.stringContaining('InvoiceDate "01/12/2010 08:34"') },
    ]);
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const { invoices } = await read(['536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom'], { gzip: true });
    expect(invoices.map((invoice) => invoice.invoiceNo)).toEqual(['536365']);
  });

  it('fails, rather than hangs, on a broken gzip file', async () => {
    const broken = gzipSync(`${header}\n536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n`).subarray(0, 30);
    const reader = readOnlineRetail((await openInput(Readable.from([broken]))).text);
    await expect(async () => {
      for await (const invoice of reader.invoices) void invoice;
    }).rejects.toThrow(/unexpected end of file/);
  });

  it('refuses a file that is not the Online Retail log', async () => {
    const input = await openInput(Readable.from([Buffer.from('id,email\n1,a@b.example\n')]));
    const reader = readOnlineRetail(input.text);
    await expect(async () => {
      for await (const invoice of reader.invoices) void invoice;
    }).rejects.toThrow(/no InvoiceNo, StockCode/);
  });
});
