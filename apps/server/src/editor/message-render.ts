import { liveLibrary, renderEmail, renderText, templateScope, unavailableReason, type TemplateContact, type TemplateEvent, type TemplateLibrary } from '@tend/channels';
import { and, contacts, eq, or, type Database } from '@tend/db';
import { nodeLookup, templateError, type NodeSpec, type SendEmailConfig, type SendPushConfig, type SendSmsConfig } from '@tend/journey';
import { TRPCError } from '@trpc/server';

/** A message node's config, whom to render it for, and the entry event to render with. */
export interface MessageRequest {
  type: string;
  version?: number;
  config: unknown;
  /** A contact of the workspace (id or user id); else `sample.traits` stands in for one. */
  contactId?: string | null;
  /** `{ traits?, userId?, event?: { name?, properties? } }`: a made-up profile and entry event. */
  sample?: Record<string, unknown>;
}

export type MessageProblem = { field?: string; message: string };

/** A message as it would leave: an email's subject/html/text, an SMS's text, a push's title (subject) and body (text). */
export interface RenderedMessage {
  channel: 'email' | 'sms' | 'push';
  subject: string | null;
  html: string | null;
  text: string | null;
  /** The push notification's link, rendered. */
  url: string | null;
  contact: TemplateContact;
  config: SendEmailConfig | SendSmsConfig | SendPushConfig;
}

/**
 * Renders a message node's config exactly as the worker would (the same renderer from
 * @tend/channels), after the checks publish makes: the node's config schema and its templates.
 */
export async function renderMessage(
  db: Database,
  workspaceId: string,
  request: MessageRequest,
  custom: readonly NodeSpec[] = [],
): Promise<{ ok: true; message: RenderedMessage } | { ok: false; problems: MessageProblem[] }> {
  const spec = nodeLookup(custom)(request.type, request.version ?? 1);
  if (!spec) return { ok: false, problems: [{ message: `there is no node type "${request.type}" (version ${request.version ?? 1})` }] };
  if (!spec.channel) return { ok: false, problems: [{ message: `"${spec.title}" sends no message: preview and test sends are for email, SMS and push nodes` }] };
  const parsed = spec.config.safeParse(request.config);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ ...(issue.path.length ? { field: issue.path.join('.') } : {}), message: issue.message })) };
  }
  const config = parsed.data as Record<string, unknown>;
  const problems = (spec.templateFields ?? []).flatMap((field) => {
    const source = config[field];
    const error = typeof source === 'string' ? templateError(source, spec.channel) : null;
    return error ? [{ field, message: error }] : [];
  });
  // A library template renders from its live version, as the worker's send would.
  const templateId = spec.channel === 'email' && typeof config.template === 'string' && config.template ? config.template : undefined;
  const library = templateId ? await liveLibrary(db, workspaceId, { id: templateId }) : undefined;
  if (templateId && library?.items.get(templateId)?.kind !== 'template') {
    const reason = (await unavailableReason(db, workspaceId, templateId)) ?? `there is no email template "${templateId}"`;
    problems.push({ field: 'template', message: `${reason}: pick a published template` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const contact = await contactFor(db, workspaceId, request);
  const event = sampleEvent(request.sample);
  try {
    const message = await render(spec.channel, config, contact, event, library);
    return { ok: true, message: { ...message, channel: spec.channel, contact, config: config as RenderedMessage['config'] } };
  } catch (error) {
    // A filter that fails on this contact's data (e.g. a date filter on a missing trait).
    return { ok: false, problems: [{ message: `the message cannot be rendered for this contact: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` }] };
  }
}

async function render(channel: 'email' | 'sms' | 'push', config: Record<string, unknown>, contact: TemplateContact, event: TemplateEvent | undefined, library?: TemplateLibrary) {
  if (channel === 'email') {
    const email = await renderEmail(config as SendEmailConfig, contact, event, undefined, library);
    return { subject: email.subject, html: email.html, text: email.text, url: null };
  }
  const scope = templateScope(contact, event);
  if (channel === 'sms') return { subject: null, html: null, text: await renderText((config as SendSmsConfig).body, scope), url: null };
  const push = config as SendPushConfig;
  const [title, body, url] = await Promise.all([renderText(push.title, scope), renderText(push.body, scope), push.url ? renderText(push.url, scope) : null]);
  return { subject: title, html: null, text: body, url };
}

/** The picked contact (by id or user id, in this workspace), or a stand-in built from the sample's traits. */
export async function contactFor(db: Database, workspaceId: string, request: Pick<MessageRequest, 'contactId' | 'sample'>): Promise<TemplateContact> {
  if (request.contactId) {
    const [contact] = await db
      .select({ id: contacts.id, userId: contacts.userId, email: contacts.email, traits: contacts.traits })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), or(eq(contacts.id, request.contactId), eq(contacts.userId, request.contactId))));
    if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: `no contact "${request.contactId}": pick one from the list, or render with sample traits` });
    return contact;
  }
  const traits = record(request.sample?.traits);
  return {
    id: 'sample',
    userId: typeof request.sample?.userId === 'string' ? request.sample.userId : null,
    email: typeof traits.email === 'string' ? traits.email : null,
    traits,
  };
}

export function sampleEvent(sample: Record<string, unknown> | undefined): TemplateEvent | undefined {
  if (!sample || sample.event === undefined) return undefined;
  const event = record(sample.event);
  return { name: typeof event.name === 'string' ? event.name : null, properties: record(event.properties) };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
