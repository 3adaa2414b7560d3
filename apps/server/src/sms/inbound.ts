import { setConsent, suppress } from '@tend/channels';
import { and, eq, suppressions, type Database } from '@tend/db';
import { parseCall } from '../ingest/parse.js';
import { storeCalls } from '../ingest/store.js';
import { contactsByPhone } from './contacts-by-phone.js';
import { keywordReply, smsKeyword } from './keywords.js';

export interface InboundSms {
  /** The provider's id of the message: a retried webhook carries the same one. */
  sid: string;
  /** E.164, as the provider gives it. */
  from: string;
  to: string;
  body: string;
}

export interface InboundWorkspace {
  id: string;
  name: string;
  /** The sender identity ("Shop <hello@shop.example>"): its address is where HELP points people. */
  emailFrom: string;
}

/**
 * What a text to the workspace's number does. STOP and its synonyms unsubscribe every contact
 * with that number from SMS and suppress the number (carriers stop every message from the sender
 * after a STOP, transactional ones too); START lifts both; HELP changes nothing. Each answer is
 * the reply carriers require. Every text is also stored as an "SMS Received" event of each such
 * contact (with `keyword` when it was one), so journeys can react to replies.
 */
export async function receiveSms(db: Database, workspace: InboundWorkspace, sms: InboundSms): Promise<{ reply?: string; stored: boolean }> {
  const keyword = smsKeyword(sms.body);
  const people = await contactsByPhone(db, workspace.id, sms.from);
  const detail = { keyword: keyword?.keyword, messageSid: sms.sid, to: sms.to };
  if (keyword?.kind === 'stop') {
    for (const contact of people) await setConsent(db, { workspaceId: workspace.id, contactId: contact.id, channel: 'sms', status: 'unsubscribed', source: 'sms-keyword', detail });
    // Kept by number too, so a contact created later with it is not texted either.
    await suppress(db, { workspaceId: workspace.id, channel: 'sms', address: sms.from, reason: 'unsubscribed', source: 'sms-keyword', detail });
  }
  if (keyword?.kind === 'start') {
    await db
      .delete(suppressions)
      .where(and(eq(suppressions.workspaceId, workspace.id), eq(suppressions.channel, 'sms'), eq(suppressions.address, sms.from), eq(suppressions.reason, 'unsubscribed')));
    for (const contact of people) await setConsent(db, { workspaceId: workspace.id, contactId: contact.id, channel: 'sms', status: 'subscribed', source: 'sms-keyword', detail });
  }
  const stored = await storeReceived(db, workspace.id, sms, people, keyword?.keyword);
  const reply = keyword ? keywordReply(keyword.kind, { name: workspace.name, contact: addressOf(workspace.emailFrom) }) : undefined;
  return { reply, stored };
}

/** "SMS Received" on each contact's timeline; the provider's message id makes a retried webhook a duplicate. */
async function storeReceived(db: Database, workspaceId: string, sms: InboundSms, people: Awaited<ReturnType<typeof contactsByPhone>>, keyword?: string): Promise<boolean> {
  const calls = people.flatMap((contact) => {
    const identity = contact.userId ? { userId: contact.userId } : contact.anonymousId ? { anonymousId: contact.anonymousId } : null;
    if (!identity) return [];
    const parsed = parseCall('track', {
      ...identity,
      event: 'SMS Received',
      messageId: `sms-${sms.sid}-${contact.id}`.slice(0, 200),
      properties: { body: sms.body, from: sms.from, to: sms.to, ...(keyword ? { keyword } : {}) },
    });
    return parsed.ok ? parsed.events : [];
  });
  if (calls.length === 0) return false;
  await storeCalls(db, workspaceId, calls);
  return true;
}

function addressOf(emailFrom: string): string | undefined {
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom;
  return address.includes('@') ? address.trim() : undefined;
}
