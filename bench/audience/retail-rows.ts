import { invoiceEvent, openInput, readOnlineRetail, type ImportedEvent } from '@tend/audience';

/** The Online Retail log as the rows importOnlineRetail writes, held in memory for the raw-insert baseline. */
export interface RetailRows {
  /** One per invoice that makes an event (Order Completed or Order Refunded), in file order. */
  events: ImportedEvent[];
  /** One per customer, with the traits the importer leaves on them (the latest invoice's country). */
  contacts: { userId: string; traits: Record<string, unknown> }[];
  /** Data lines in the file. */
  lines: number;
  /** Reading, parsing and mapping the file alone, in ms: the part of the import that is not the database. */
  readMs: number;
}

/**
 * Reads the file with the importer's own reader and mapping (readOnlineRetail, invoiceEvent), so
 * the baseline inserts exactly the events and contacts the import stores.
 */
export async function readRetailRows(path: string): Promise<RetailRows> {
  const began = performance.now();
  const input = await openInput(path);
  const reader = readOnlineRetail(input.text);
  const events: ImportedEvent[] = [];
  const traits = new Map<string, Record<string, unknown>>();
  for await (const invoice of reader.invoices) {
    const event = invoiceEvent(invoice);
    if (!event) continue;
    events.push(event);
    // As the importer merges them: a later invoice's traits win.
    traits.set(event.userId, { ...traits.get(event.userId), ...event.traits });
  }
  const contacts = [...traits].map(([userId, merged]) => ({ userId, traits: merged }));
  return { events, contacts, lines: reader.counts.lines, readMs: performance.now() - began };
}
