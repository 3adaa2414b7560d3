import { phoneOf } from '@tend/channels';
import { and, contacts, eq, sql, type Database } from '@tend/db';

/**
 * The workspace's contacts whose `phone` trait is this E.164 number, however it was written
 * ("+1 (415) 555-0123", or "(415) 555-0123" with country US). Traits keep what the shop sent, so
 * SQL narrows to phones ending in the same last seven digits and phoneOf decides; no index
 * serves this, which suits the rate people text back at.
 */
export async function contactsByPhone(db: Database, workspaceId: string, e164: string): Promise<{ id: string; userId: string | null; anonymousId: string | null }[]> {
  const tail = e164.replace(/\D/g, '').slice(-7);
  const candidates = await db
    .select({ id: contacts.id, userId: contacts.userId, anonymousId: contacts.anonymousId, traits: contacts.traits })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), sql`right(regexp_replace(${contacts.traits}->>'phone', '[^0-9]', '', 'g'), 7) = ${tail}`));
  return candidates
    .filter((contact) => {
      const phone = phoneOf(contact.traits);
      return 'phone' in phone && phone.phone === e164;
    })
    .map(({ id, userId, anonymousId }) => ({ id, userId, anonymousId }));
}
