import {
  accountMemberships,
  and,
  appliedActions,
  asc,
  contactAliases,
  contacts,
  enrolments,
  eq,
  events,
  inArray,
  lifetimeValues,
  listMemberships,
  lists,
  messages,
  nodeVisits,
  or,
  pushSubscriptions,
  rfmScores,
  segmentMemberships,
  type AnyColumn,
  type Database,
} from '@tend/db';
import { contactMerges, type ContactMerge } from '../identity/contact-merges.js';

/** Everything Tend holds about one contact, for a data subject's access request. Plain JSON once serialised. */
export interface ContactExport {
  exportedAt: string;
  profile: { id: string; userId: string | null; anonymousId: string | null; email: string | null; traits: Record<string, unknown>; createdAt: Date; updatedAt: Date };
  /** Every id the person is known by: the profile's, the phone trait, and the aliases sent for them. */
  identities: { kind: 'userId' | 'anonymousId' | 'email' | 'phone' | 'alias'; value: string }[];
  /** Every call stored for them, in the order they happened. */
  events: { messageId: string; type: string; name: string | null; properties: Record<string, unknown>; context: Record<string, unknown> | null; occurredAt: Date; receivedAt: Date }[];
  /** The send ledger: what was sent to them, when, and whether they opened or clicked it. */
  messages: (Omit<typeof messages.$inferSelect, 'claimedUntil' | 'workspaceId' | 'contactId'>)[];
  journeys: {
    enrolments: Omit<typeof enrolments.$inferSelect, 'workspaceId' | 'contactId' | 'listensTo'>[];
    visits: Omit<typeof nodeVisits.$inferSelect, 'workspaceId' | 'contactId' | 'id'>[];
    /** What journeys' "update profile" steps changed. */
    profileChanges: Omit<typeof appliedActions.$inferSelect, 'workspaceId' | 'contactId' | 'idempotencyKey'>[];
  };
  lists: { listId: string; name: string; addedAt: Date }[];
  segments: { segment: string; since: Date }[];
  accounts: { accountId: string; since: Date }[];
  scores: { rfm: Omit<typeof rfmScores.$inferSelect, 'workspaceId' | 'contactId'> | null; lifetimeValue: Omit<typeof lifetimeValues.$inferSelect, 'workspaceId' | 'contactId'> | null };
  merges: ContactMerge[];
  /**
   * Consent as Tend records it today: no consent or suppression records exist yet (the message
   * policy step is planned), so this holds the browsers that allowed web push, by the push
   * service's origin (the full endpoint is a secret that lets anyone push to them).
   */
  consent: { webPush: { pushService: string; since: Date }[] };
}

/** One contact's data as JSON (see ContactExport); null when the workspace has no such contact. */
export async function exportContact(db: Database, workspaceId: string, contactId: string, { asOf = new Date() }: { asOf?: Date } = {}): Promise<ContactExport | null> {
  const [profile] = await db
    .select({ id: contacts.id, userId: contacts.userId, anonymousId: contacts.anonymousId, email: contacts.email, traits: contacts.traits, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!profile) return null;
  const mine = (table: { workspaceId: AnyColumn; contactId: AnyColumn }) => and(eq(table.workspaceId, workspaceId), eq(table.contactId, contactId));

  const [rfm] = await db.select().from(rfmScores).where(mine(rfmScores));
  const [lifetimeValue] = await db.select().from(lifetimeValues).where(mine(lifetimeValues));
  return {
    exportedAt: asOf.toISOString(),
    profile,
    identities: [...profileIdentities(profile), ...(await aliasesOf(db, workspaceId, profile))],
    events: await db
      .select({ messageId: events.messageId, type: events.type, name: events.name, properties: events.properties, context: events.context, occurredAt: events.occurredAt, receivedAt: events.receivedAt })
      .from(events)
      .where(mine(events))
      .orderBy(asc(events.occurredAt), asc(events.seq)),
    messages: (await db.select().from(messages).where(mine(messages)).orderBy(asc(messages.createdAt))).map(({ claimedUntil: _c, workspaceId: _w, contactId: _id, ...message }) => message),
    journeys: {
      enrolments: (await db.select().from(enrolments).where(mine(enrolments)).orderBy(asc(enrolments.enteredAt))).map(({ workspaceId: _w, contactId: _c, listensTo: _l, ...run }) => run),
      visits: (await db.select().from(nodeVisits).where(mine(nodeVisits)).orderBy(asc(nodeVisits.at), asc(nodeVisits.id))).map(({ workspaceId: _w, contactId: _c, id: _id, ...visit }) => visit),
      profileChanges: (await db.select().from(appliedActions).where(mine(appliedActions)).orderBy(asc(appliedActions.appliedAt))).map(
        ({ workspaceId: _w, contactId: _c, idempotencyKey: _k, ...change }) => change,
      ),
    },
    lists: await db
      .select({ listId: listMemberships.listId, name: lists.name, addedAt: listMemberships.addedAt })
      .from(listMemberships)
      .innerJoin(lists, and(eq(lists.workspaceId, listMemberships.workspaceId), eq(lists.id, listMemberships.listId)))
      .where(mine(listMemberships))
      .orderBy(asc(listMemberships.listId)),
    segments: await db.select({ segment: segmentMemberships.segment, since: segmentMemberships.since }).from(segmentMemberships).where(mine(segmentMemberships)).orderBy(asc(segmentMemberships.segment)),
    accounts: await db.select({ accountId: accountMemberships.accountId, since: accountMemberships.createdAt }).from(accountMemberships).where(mine(accountMemberships)).orderBy(asc(accountMemberships.accountId)),
    scores: { rfm: rfm ? withoutOwner(rfm) : null, lifetimeValue: lifetimeValue ? withoutOwner(lifetimeValue) : null },
    merges: await contactMerges(db, workspaceId, contactId),
    consent: {
      webPush: (await db.select({ endpoint: pushSubscriptions.endpoint, since: pushSubscriptions.createdAt }).from(pushSubscriptions).where(eq(pushSubscriptions.contactId, contactId))).map(({ endpoint, since }) => ({
        pushService: originOf(endpoint),
        since,
      })),
    },
  };
}

function profileIdentities(profile: ContactExport['profile']): ContactExport['identities'] {
  const phone = profile.traits.phone;
  return [
    ...(profile.userId === null ? [] : [{ kind: 'userId' as const, value: profile.userId }]),
    ...(profile.anonymousId === null ? [] : [{ kind: 'anonymousId' as const, value: profile.anonymousId }]),
    ...(profile.email === null ? [] : [{ kind: 'email' as const, value: profile.email }]),
    ...(typeof phone === 'string' && phone !== '' ? [{ kind: 'phone' as const, value: phone }] : []),
  ];
}

/** The ids aliased to or from the profile's (Segment's alias calls, as received). */
async function aliasesOf(db: Database, workspaceId: string, profile: ContactExport['profile']): Promise<ContactExport['identities']> {
  const ids = [profile.userId, profile.anonymousId].filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ previousId: contactAliases.previousId, userId: contactAliases.userId })
    .from(contactAliases)
    .where(and(eq(contactAliases.workspaceId, workspaceId), or(inArray(contactAliases.userId, ids), inArray(contactAliases.previousId, ids))));
  const others = new Set(rows.flatMap((row) => [row.previousId, row.userId]).filter((id) => !ids.includes(id)));
  return [...others].sort().map((value) => ({ kind: 'alias' as const, value }));
}

function withoutOwner<T extends { workspaceId: string; contactId: string }>({ workspaceId: _w, contactId: _c, ...rest }: T): Omit<T, 'workspaceId' | 'contactId'> {
  return rest;
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return 'unknown';
  }
}
