/**
 * One line of a contact's event timeline, from the stored event: its title, a few properties in
 * words, and whether it arrived long after it happened (an import keeps an order's own time).
 */

export interface StoredEvent {
  type: string;
  name: string | null;
  properties: unknown;
  occurredAt: string;
  receivedAt: string;
}

/** "Order Completed"; an identify or a page call says what kind of call it was. */
export function eventTitle(event: Pick<StoredEvent, 'type' | 'name'>): string {
  if (event.type === 'track') return event.name ?? 'Track';
  const kind = event.type.charAt(0).toUpperCase() + event.type.slice(1);
  return event.name ? `${kind}: ${event.name}` : kind;
}

/** The keys that say most about an event, shown first when present. */
const telling = ['revenue', 'total', 'value', 'amount', 'segment', 'orderId', 'invoiceNo', 'email', 'plan'];
const shownKeys = 4;
const longText = 40;

/** "3 products, revenue 45.5, orderId "536365"" — at most four properties, the telling ones first. */
export function propertySummary(properties: unknown): string {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return '';
  const entries = Object.entries(properties as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== null);
  const products = entries.find(([key]) => key === 'products')?.[1];
  const parts: string[] = Array.isArray(products) ? [products.length === 1 ? '1 product' : `${products.length} products`] : [];
  const rank = (key: string) => (telling.includes(key) ? telling.indexOf(key) : telling.length);
  const others = entries.filter(([key]) => key !== 'products').sort(([a], [b]) => rank(a) - rank(b));
  const shown = others.slice(0, Math.max(0, shownKeys - parts.length));
  parts.push(...shown.map(([key, value]) => `${key} ${valueText(value)}`));
  const hidden = others.length - shown.length;
  return hidden > 0 ? `${parts.join(', ')} and ${hidden} more` : parts.join(', ');
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > longText ? `${value.slice(0, longText)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? `[${value.length}]` : '{…}';
}

/** An hour apart or more: the event came in later than it happened (an import, a queued device). */
export function arrivedLater(event: Pick<StoredEvent, 'occurredAt' | 'receivedAt'>): boolean {
  return Date.parse(event.receivedAt) - Date.parse(event.occurredAt) >= 3_600_000;
}
