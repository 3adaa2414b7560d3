import type { IncomingEvent } from './schemas.js';

/** What the events row keeps of each call: its name, and one object of properties. */
export function eventFields(event: IncomingEvent): { name: string | null; properties: Record<string, unknown> } {
  switch (event.type) {
    case 'identify':
      return { name: null, properties: event.traits };
    case 'track':
      return { name: event.event, properties: event.properties };
    case 'page':
    case 'screen': {
      // url, path, title… are in properties as analytics.js sends them; server libraries put them in context.page.
      const page = event.context?.page;
      const fromContext = typeof page === 'object' && page !== null ? pick(page as Record<string, unknown>, pageFields) : {};
      const named = { ...(event.name === undefined ? {} : { name: event.name }), ...(event.category === undefined ? {} : { category: event.category }) };
      return { name: event.name ?? null, properties: { ...fromContext, ...event.properties, ...named } };
    }
    case 'group':
      return { name: null, properties: { ...event.traits, groupId: event.groupId } };
    case 'alias':
      return { name: null, properties: { previousId: event.previousId, userId: event.userId } };
  }
}

const pageFields = ['url', 'path', 'title', 'referrer', 'search'];

function pick(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}
