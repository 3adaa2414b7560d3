import { setConsent, suppress } from '@tend/channels';
import { and, contacts, eq, sql, type Database } from '@tend/db';
import type { DeliverySignal } from './signals.js';

/**
 * Applies what a provider reported. A hard bounce or a complaint suppresses the address (no more
 * email to it, whichever contact has it) and unsubscribes each contact with that address from
 * email, recorded with its source ('bounce' or 'complaint') on the consent audit. A soft bounce
 * changes nothing: the provider retries it, and the next send may pass. Returns how many
 * addresses were suppressed.
 */
export async function applySignals(db: Database, workspaceId: string, signals: readonly DeliverySignal[]): Promise<{ suppressed: number }> {
  let suppressed = 0;
  for (const signal of signals) {
    if (signal.kind === 'soft-bounce') continue;
    const reason = signal.kind === 'complaint' ? 'complaint' : 'hard-bounce';
    const detail = { via: signal.via, ...(signal.reason ? { reason: signal.reason } : {}) };
    await suppress(db, { workspaceId, channel: 'email', address: signal.email, reason, source: `webhook:${signal.via}`, detail });
    suppressed += 1;
    const holders = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), sql`lower(trim(${contacts.email})) = ${signal.email.trim().toLowerCase()}`));
    for (const contact of holders) {
      await setConsent(db, {
        workspaceId,
        contactId: contact.id,
        channel: 'email',
        status: 'unsubscribed',
        source: signal.kind === 'complaint' ? 'complaint' : 'bounce',
        detail: { ...detail, address: signal.email },
      });
    }
  }
  return { suppressed };
}
