import type { SampleChoice } from '../editor/inspector/preview/sample-contact';

/** What a sample email's entry event carries by default: one product, so the starter's product block shows. */
export const defaultEventProperties = `{
  "products": [
    { "name": "Trail boots", "price": "€89", "url": "https://shop.example/boots", "cta": "See them" }
  ]
}`;

/** The entry event's properties as typed (JSON), or why they cannot be read. */
export function parseEventProperties(text: string): { ok: true; properties: Record<string, unknown> } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, properties: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'write an object of properties, e.g. { "orderId": "A-1" }' };
  return { ok: true, properties: value as Record<string, unknown> };
}

/**
 * Whom the preview and test send render for, as templates.preview takes it (the message
 * preview's shape): a real contact by id, else made-up traits; the entry event either way.
 */
export function sampleInput(sample: SampleChoice, eventProperties: Record<string, unknown>): { contactId: string | null; sample: Record<string, unknown> } {
  const event = { event: { name: 'Sample event', properties: eventProperties } };
  if (sample.kind === 'contact' && sample.id) return { contactId: sample.id, sample: event };
  return { contactId: null, sample: { traits: sample.kind === 'made-up' ? sample.traits : {}, ...event } };
}
