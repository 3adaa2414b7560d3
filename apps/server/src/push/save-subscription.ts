import { createHash } from 'node:crypto';
import { and, contacts, eq, newId, pushSubscriptions, sql, type Database } from '@tend/db';
import { endRuns } from '@tend/routing';
import type { FastifyBaseLogger } from 'fastify';
import type { ServerDeps } from '../context.js';
import { parseCall, type FieldIssue } from '../ingest/parse.js';
import { storeCalls } from '../ingest/store.js';
import type { SubscriptionBody } from './subscription-body.js';

/** The event a subscription stores on the contact's timeline; a journey may start on it. */
export const pushSubscribedEvent = 'Push Subscribed';

export type SaveOutcome = { ok: true; contactId: string } | { ok: false; status: 400 | 409; issues: FieldIssue[] };

/**
 * Stores a browser's subscription for the contact the call names. The contact is found or
 * created, and merged, as by any ingestion call: the call is stored as a "Push Subscribed"
 * track event, so an anonymous visitor becomes an anonymous contact that merges into the known
 * one when a later call names both ids. The event's messageId is derived from the browser and
 * the ids, so a page that subscribes on every visit stores it once. The endpoint is unique: the
 * same browser subscribing again moves to the contact named now.
 */
export async function savePushSubscription(deps: ServerDeps, workspaceId: string, body: SubscriptionBody, log: FastifyBaseLogger, receivedAt = new Date()): Promise<SaveOutcome> {
  const call = parseCall(
    'track',
    {
      event: pushSubscribedEvent,
      userId: body.userId,
      anonymousId: body.anonymousId,
      messageId: `push-${createHash('sha256').update(JSON.stringify([body.endpoint, body.userId ?? null, body.anonymousId ?? null])).digest('base64url').slice(0, 32)}`,
      // Which push service (and so which browser maker); the endpoint itself is a capability, never stored in an event.
      properties: { pushService: new URL(body.endpoint).host },
      context: body.userAgent ? { userAgent: body.userAgent } : {},
    },
    receivedAt,
  );
  if (!call.ok) return { ok: false, status: 400, issues: call.issues };

  const owner = await workspaceOfEndpoint(deps.db, body.endpoint);
  if (owner && owner !== workspaceId) {
    return { ok: false, status: 409, issues: [{ field: 'subscription.endpoint', message: 'this browser is subscribed in another workspace: unsubscribe it there first' }] };
  }

  const stored = await storeCalls(deps.db, workspaceId, call.events);
  deps.routing?.wake();
  if (stored.endRuns.length > 0) {
    await endRuns(deps.temporal, stored.endRuns, 'identity merge').catch((error: unknown) => log.warn({ err: error }, 'a merged contact’s journey runs could not be ended'));
  }
  const contactId = stored.events[0]!.contactId;
  const values = { contactId, p256dh: body.p256dh, auth: body.auth, userAgent: body.userAgent ?? null };
  await deps.db
    .insert(pushSubscriptions)
    .values({ id: newId('ps'), endpoint: body.endpoint, ...values })
    // Only a subscription of this workspace moves (another one's was refused above; this guards a race).
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values, setWhere: sql`${pushSubscriptions.contactId} in (select ${contacts.id} from ${contacts} where ${contacts.workspaceId} = ${workspaceId})` });
  return { ok: true, contactId };
}

/** Removes the workspace's subscription at this endpoint (the visitor unsubscribed on the page); how many were removed. */
export async function removePushSubscription(db: Database, workspaceId: string, endpoint: string): Promise<number> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), sql`${pushSubscriptions.contactId} in (select ${contacts.id} from ${contacts} where ${contacts.workspaceId} = ${workspaceId})`))
    .returning({ id: pushSubscriptions.id });
  return removed.length;
}

async function workspaceOfEndpoint(db: Database, endpoint: string): Promise<string | null> {
  const [row] = await db
    .select({ workspaceId: contacts.workspaceId })
    .from(pushSubscriptions)
    .innerJoin(contacts, eq(contacts.id, pushSubscriptions.contactId))
    .where(eq(pushSubscriptions.endpoint, endpoint));
  return row?.workspaceId ?? null;
}
