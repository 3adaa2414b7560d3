import { sql, type Database, type Transaction } from '@tend/db';
import { normalisedAddress, type ConsentStatus } from '../consent/consent-store.js';
import type { Channel } from '../ledger.js';

/** What the policy reads of the workspace, the journey, the address and the contact for one send. */
export interface PolicyFacts {
  /** The stored policy as saved (defaults not filled in); null: none saved. */
  policy: unknown;
  /** The content hash of the sending journey's live version; null: none (or no journey). */
  liveJourneyHash: string | null;
  /** Why the address is suppressed; null: it is not. */
  suppression: string | null;
  /** The contact's consent on the channel, by topic ('' = the whole channel). */
  consents: Map<string, ConsentStatus>;
}

interface FactsRow {
  policy: unknown;
  live_hash: string | null;
  suppression: string | null;
  consents: { topic: string; status: ConsentStatus }[] | string | null;
}

/**
 * Everything the message policy reads before judging a send, in one round trip: the workspace's
 * policy, the sending journey's live version, the address's suppression and the contact's
 * consents for the channel. Each is a small indexed lookup; asked one by one they were four
 * statements on every email.
 */
export async function policyFacts(
  db: Database | Transaction,
  question: { workspaceId: string; contactId: string; channel: Channel; recipient: string; journeyId?: string | null },
): Promise<PolicyFacts> {
  const { workspaceId, contactId, channel } = question;
  const address = normalisedAddress(channel, question.recipient);
  const { rows } = (await db.execute(sql`
    select
      (select policy from message_policies where workspace_id = ${workspaceId}) as policy,
      (select v.hash from journeys j join journey_versions v
         on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.live_version
       where j.workspace_id = ${workspaceId} and j.id = ${question.journeyId ?? null}) as live_hash,
      (select reason from suppressions where workspace_id = ${workspaceId} and channel = ${channel} and address = ${address} limit 1) as suppression,
      (select json_agg(json_build_object('topic', topic, 'status', status)) from consents
       where workspace_id = ${workspaceId} and contact_id = ${contactId} and channel = ${channel}) as consents`)) as unknown as { rows: FactsRow[] };
  const row = rows[0]!;
  // node-postgres parses json; PGlite may hand it over as text.
  const consents = typeof row.consents === 'string' ? (JSON.parse(row.consents) as { topic: string; status: ConsentStatus }[]) : (row.consents ?? []);
  return {
    policy: typeof row.policy === 'string' ? JSON.parse(row.policy) : row.policy,
    liveJourneyHash: row.live_hash,
    suppression: row.suppression,
    consents: new Map(consents.map((consent) => [consent.topic, consent.status])),
  };
}
