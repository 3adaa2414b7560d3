import { and, eq, isLiveVersion, journeys, journeyVersions, sql, type Database, type Transaction } from '@tend/db';
import { defaultJourneyPriority, type FrequencyCap } from '@tend/journey';
import type { Channel } from '../ledger.js';

/** What the message policy needs of the journey a message comes from. */
export interface SendingJourney {
  id: string;
  /** 1 (lowest) to 10 (highest): which message takes a free slot first under a cap. */
  priority: number;
  /** The journey's own caps, counting only its messages; a channel without one is absent. */
  caps: Partial<Record<Channel, FrequencyCap>>;
}

/** Settings by content hash of the live version's IR, so an entry can never be stale (see below). */
const cache = new Map<string, SendingJourney>();
const cacheSize = 1_000;

/**
 * The journey's priority and caps, from its live version (journeys.live_version → the
 * version's IR). Live rather than the version the contact runs: a marketer who raises a
 * journey's priority or caps it means every message it sends from now on, contacts in flight
 * on older versions included. Read here rather than carried in the activity's context, which
 * names no version, so the send nodes and the workflow stay as they are.
 *
 * One small indexed query per send (the live version's hash); the IR, which may be large, is
 * read only the first time a version is seen. The cache is keyed by the content hash, not the
 * version number: a number names other content in another database (a test's, a restored
 * backup), a hash never does. An unknown or unpublished journey, or an IR from before
 * priorities: priority 5, no caps.
 */
export async function sendingJourney(db: Database | Transaction, workspaceId: string, journeyId: string): Promise<SendingJourney> {
  const ofJourney = and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId));
  const [live] = await db.select({ hash: journeyVersions.hash }).from(journeys).innerJoin(journeyVersions, isLiveVersion).where(ofJourney);
  return sendingJourneyAt(db, workspaceId, journeyId, live?.hash ?? null);
}

/** The same, when the caller read the live version's hash already (null: not published). */
export async function sendingJourneyAt(db: Database | Transaction, workspaceId: string, journeyId: string, liveHash: string | null): Promise<SendingJourney> {
  if (liveHash === null) return { id: journeyId, priority: defaultJourneyPriority, caps: {} };
  const live = { hash: liveHash };
  const key = `${workspaceId}\u0000${journeyId}\u0000${live.hash}`;
  const known = cache.get(key);
  if (known) return known;

  const [settings] = await db
    .select({ priority: sql<number | null>`(${journeyVersions.ir} ->> 'priority')::int`, caps: sql<SendingJourney['caps'] | null>`${journeyVersions.ir} -> 'caps'` })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.hash, live.hash)));
  const journey = { id: journeyId, priority: settings?.priority ?? defaultJourneyPriority, caps: settings?.caps ?? {} };
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, journey);
  return journey;
}
