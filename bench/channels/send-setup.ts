import { contacts, pushSubscriptions, type Database } from '@tend/db';
import type { PushTarget } from '@tend/channels';

/** How many sends are in flight in every loop of section 7, Tend's and the baselines' alike. */
export const inFlight = 10;

/** `count` contacts with an email address, as identify would leave them; returns their ids. */
export async function insertReaders(db: Database, workspaceId: string, prefix: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    workspaceId,
    userId: `${prefix}-${i}`,
    email: `${prefix}-${i}@example.test`,
    traits: { firstName: `Reader ${i}`, timezone: 'Europe/London' },
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(contacts).values(rows.slice(i, i + 500));
  return rows.map((row) => row.id);
}

/** One browser subscription per contact, as the subscribe endpoint stores them. */
export async function insertSubscriptions(db: Database, contactIds: string[], subscribe: () => PushTarget): Promise<PushTarget[]> {
  const targets = contactIds.map(() => subscribe());
  const rows = targets.map((target, i) => ({ id: `sub-${contactIds[i]}`, contactId: contactIds[i]!, endpoint: target.endpoint, p256dh: target.keys.p256dh, auth: target.keys.auth }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(pushSubscriptions).values(rows.slice(i, i + 500));
  return targets;
}
