import { Liquid } from 'liquidjs';

// Strict filters so a misspelt filter fails at publish, not at send time.
const liquid = new Liquid({ strictFilters: true });

/** Returns why a Liquid template cannot be parsed, or null when it can. */
export function templateError(source: string): string | null {
  try {
    liquid.parse(source);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `template does not parse: ${message.split('\n')[0]}`;
  }
}
