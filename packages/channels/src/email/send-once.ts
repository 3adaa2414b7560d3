import { createHash } from 'node:crypto';
import { contacts, eq, messages, sql, type Database } from '@tend/db';
import type { SendEmailConfig } from '@tend/journey';
import { renderEmail } from './render.js';
import type { EmailTransport } from './smtp.js';

export interface SendEmailRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  from: string;
  config: SendEmailConfig;
}

export type SendEmailOutcome =
  | { status: 'sent'; providerMessageId: string; alreadySent: boolean }
  | { status: 'skipped'; reason: string };

/**
 * Sends one email at most once per idempotency key: the ledger row is read first, and a
 * retry of a send that already succeeded returns the recorded outcome instead of sending.
 * A provider error is recorded and rethrown so the caller (a Temporal activity) retries.
 */
export async function sendEmailOnce(db: Database, transport: EmailTransport, request: SendEmailRequest): Promise<SendEmailOutcome> {
  const [previous] = await db.select().from(messages).where(eq(messages.idempotencyKey, request.idempotencyKey));
  if (previous?.status === 'sent') return { status: 'sent', providerMessageId: previous.providerMessageId ?? '', alreadySent: true };
  if (previous?.status === 'skipped') return { status: 'skipped', reason: previous.reason ?? '' };

  const [contact] = await db.select().from(contacts).where(eq(contacts.id, request.contactId));
  const base = {
    idempotencyKey: request.idempotencyKey,
    workspaceId: request.workspaceId,
    contactId: request.contactId,
    journeyId: request.journeyId,
    nodeId: request.nodeId,
    channel: 'email' as const,
  };
  if (!contact?.email) {
    const reason = contact ? 'the contact has no email address' : 'the contact no longer exists';
    await db.insert(messages).values({ ...base, recipient: '', status: 'skipped', reason }).onConflictDoNothing();
    return { status: 'skipped', reason };
  }

  const email = await renderEmail(request.config, contact);
  // Claim the send with a lease, so an attempt Temporal started while an earlier one still
  // talks to the provider backs off instead of sending a second copy.
  const lease = sql`now() + interval '3 minutes'`;
  const claimed = await db
    .insert(messages)
    .values({ ...base, recipient: contact.email, subject: email.subject, html: email.html, status: 'sending', attempts: 1, claimedUntil: lease })
    .onConflictDoUpdate({
      target: messages.idempotencyKey,
      set: { attempts: sql`${messages.attempts} + 1`, claimedUntil: lease },
      setWhere: sql`${messages.status} = 'sending' and (${messages.claimedUntil} is null or ${messages.claimedUntil} < now())`,
    })
    .returning({ key: messages.idempotencyKey });
  if (claimed.length === 0) throw new Error('another attempt of this send is in progress; it will be retried');
  try {
    const { providerMessageId } = await transport.send({
      from: request.config.from ?? request.from,
      to: contact.email,
      messageId: messageIdFor(request.idempotencyKey),
      ...email,
    });
    await db
      .update(messages)
      .set({ status: 'sent', providerMessageId, sentAt: new Date(), lastError: null, claimedUntil: null })
      .where(eq(messages.idempotencyKey, request.idempotencyKey));
    return { status: 'sent', providerMessageId, alreadySent: false };
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    await db.update(messages).set({ lastError, claimedUntil: null }).where(eq(messages.idempotencyKey, request.idempotencyKey));
    throw error;
  }
}

function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@tend.local>`;
}
