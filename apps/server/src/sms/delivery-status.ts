import { suppress } from '@tend/channels';
import { and, eq, messages, type Database } from '@tend/db';

/**
 * Carrier error codes of an undelivered message that say the number will never take an SMS:
 * 30005 unknown or inactive handset, 30006 a landline or unreachable carrier. 30003 (handset
 * unreachable) is left out on purpose: a phone switched off for a week is not a bad number.
 */
const deadNumberCodes = new Set([30005, 30006]);

export interface DeliveryStatus {
  sid: string;
  status: string;
  errorCode?: number;
}

/**
 * A delivery report for a message the ledger recorded as sent (found by the provider's id): an
 * undelivered or failed one becomes `failed` with the carrier's code as its reason, and a dead
 * number is suppressed. Delivered (and the in-between states) change nothing: the ledger has no
 * column for delivery yet. Whether a row changed.
 */
export async function applyDeliveryStatus(db: Database, workspaceId: string, report: DeliveryStatus): Promise<boolean> {
  if (report.status !== 'undelivered' && report.status !== 'failed') return false;
  const code = report.errorCode ? ` (carrier error ${report.errorCode})` : '';
  const [row] = await db
    .update(messages)
    .set({ status: 'failed', reason: `the carrier did not deliver it${code}` })
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.channel, 'sms'), eq(messages.providerMessageId, report.sid), eq(messages.status, 'sent')))
    .returning({ recipient: messages.recipient });
  if (!row) return false;
  if (report.errorCode && deadNumberCodes.has(report.errorCode)) {
    await suppress(db, { workspaceId, channel: 'sms', address: row.recipient, reason: 'invalid-number', source: 'delivery-report', detail: { providerCode: report.errorCode, messageSid: report.sid } });
  }
  return true;
}
