import { Liquid } from 'liquidjs';
import { UndeliverableError } from './errors.js';

/** What templates see as {{ contact.* }}: the profile's traits plus its identifiers. */
export interface TemplateContact {
  id: string;
  userId: string | null;
  email: string | null;
  traits: Record<string, unknown>;
}

/** What templates see as {{ event.* }}: the event that made the contact enter the journey. */
export interface TemplateEvent {
  name: string | null;
  properties: Record<string, unknown>;
}

export type TemplateScope = { contact: Record<string, unknown>; event: TemplateEvent | Record<string, never> };

const plainLiquid = new Liquid({ strictFilters: true });
// A lone output tag, e.g. "{{ contact.visits | plus: 1 }}", whose value keeps its type.
const loneOutput = /^\s*\{\{-?((?:(?!\}\}|\{\{).)*?)-?\}\}\s*$/s;

export function templateScope(contact: TemplateContact, event?: TemplateEvent): TemplateScope {
  return {
    contact: { ...contact.traits, id: contact.id, userId: contact.userId, email: contact.email },
    event: event ?? {},
  };
}

/** Renders a plain-text template (an SMS, a push title): values are inserted as written. */
export async function renderText(template: string, scope: TemplateScope): Promise<string> {
  return (await plainLiquid.parseAndRender(template, scope)).trim();
}

/**
 * Renders a value template: a lone {{ expression }} keeps the type of its value (a number stays
 * a number, a list a list); anything else renders as text.
 */
export async function renderValue(template: string, scope: TemplateScope): Promise<unknown> {
  const expression = loneOutput.exec(template)?.[1];
  if (expression === undefined) return plainLiquid.parseAndRender(template, scope);
  const value: unknown = await plainLiquid.evalValue(expression, scope);
  return value === undefined ? null : value;
}

// One line of visible ASCII (RFC 9110 field-value without obs-text): what every receiver accepts.
const headerValue = /^[\t\x20-\x7e]*$/;

/**
 * Fills in a webhook's header values. They read workspace secrets ({{ secrets.CRM_TOKEN }}) and
 * nothing of the contact or the event; the body is rendered apart and never sees a secret. A
 * value that cannot be sent throws an UndeliverableError naming the header and never the value,
 * which holds a secret: HTTP clients quote a bad value in their error, and errors are kept.
 */
export async function renderHeaders(headers: Record<string, string>, secrets: Record<string, string>): Promise<Record<string, string>> {
  const rendered: Record<string, string> = {};
  for (const [name, template] of Object.entries(headers)) {
    let value: string;
    try {
      value = await plainLiquid.parseAndRender(template, { secrets });
    } catch (error) {
      throw new UndeliverableError(`the ${name} header cannot be filled in: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
    if (!headerValue.test(value)) {
      throw new UndeliverableError(`the ${name} header is not a valid header value once filled in: a header is one line of printable ASCII`);
    }
    rendered[name] = value;
  }
  return rendered;
}
