import { eq, messages, sql, type Database, type Transaction } from '@tend/db';
import { UndeliverableError } from './errors.js';
import { capApplies, checkPolicy, withPolicySettings } from './policy/check-policy.js';
import { lockCapCount } from './policy/frequency-cap.js';

export type Channel = (typeof messages.channel.enumValues)[number];

/** Which send a ledger row records: one message of one node visit. */
export interface LedgerEntry {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string | null;
  nodeId: string | null;
  channel: Channel;
  /** What the message is for (the node's purpose; missing: marketing) and its subscription topic. */
  purpose?: 'marketing' | 'transactional';
  topic?: string | null;
  /** An email rendered from a library template: which one, and its version. */
  templateId?: string | null;
  templateVersion?: number | null;
}

/** A journey's message passes the message policy before the provider is called; a test send does not. */
export interface PolicyOptions {
  /** What the node does with a message a cap or quiet hours hold. */
  whenHeld: 'defer' | 'skip';
  /** The moment the policy judges (caps, quiet hours) and a send is recorded at; default: the clock. */
  now?: Date;
}

/** A message ready to go: what the ledger records of it, and how to hand it to the provider. */
export interface Delivery {
  recipient: string;
  content: { subject?: string; html?: string; body?: string };
  send(): Promise<{ providerMessageId: string }>;
}

export type SendOutcome =
  /** `held`: the policy deferred this message before it went (it waited until then). */
  | { status: 'sent'; providerMessageId: string; alreadySent: boolean; held?: { until: Date; reason: string } }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string }
  /** The policy holds the message until `until` (a frequency cap, quiet hours): try again then. */
  | { status: 'deferred'; until: Date; reason: string };

/** How long one attempt holds a send; longer than any provider call's own timeout. */
const lease = sql`now() + interval '3 minutes'`;
/** A send no attempt holds: not finished (perhaps deferred by the policy), and its lease (if any) run out. */
const unclaimed = sql`${messages.status} in ('sending', 'deferred') and (${messages.claimedUntil} is null or ${messages.claimedUntil} < now())`;

/** The outcome recorded under this key, if the send has finished one way or another. */
export async function recordedOutcome(db: Database, idempotencyKey: string): Promise<SendOutcome | undefined> {
  const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
  if (row?.status === 'sent') return { status: 'sent', providerMessageId: row.providerMessageId ?? '', alreadySent: true, ...heldOf(row) };
  if (row?.status === 'skipped' || row?.status === 'failed') return { status: row.status, reason: row.reason ?? '' };
  return undefined;
}

async function skipped(db: Database, entry: LedgerEntry, reason: string): Promise<SendOutcome> {
  return (await writeSkip(db, entry, reason)) ? { status: 'skipped', reason } : finishedOrInProgress(db, entry.idempotencyKey);
}

/**
 * Records that this send will not happen (no address, no subscription…). A retry finds it. An
 * earlier attempt that failed before the contact lost their address is closed as skipped too.
 */
export async function recordSkip(db: Database, entry: LedgerEntry, reason: string): Promise<{ status: 'skipped'; reason: string }> {
  await writeSkip(db, entry, reason);
  return { status: 'skipped', reason };
}

/** Writes the skip unless the send finished already or an attempt holds it; whether it did. */
async function writeSkip(db: Database, entry: LedgerEntry, reason: string): Promise<boolean> {
  const written = await db
    .insert(messages)
    .values({ ...entry, recipient: '', status: 'skipped', reason })
    .onConflictDoUpdate({ target: messages.idempotencyKey, set: { status: 'skipped', reason, claimedUntil: null }, setWhere: unclaimed })
    .returning({ key: messages.idempotencyKey });
  return written.length > 0;
}

/**
 * Records that the policy holds the send until `until` (with the sending journey's priority, by
 * which messages due together take a cap's slots), unless it finished or an attempt holds it;
 * whether it did.
 */
async function writeDeferral(db: Database, entry: LedgerEntry, recipient: string, held: { until: Date; reason: string; priority: number | null }): Promise<boolean> {
  const { until: deferredUntil, reason, priority } = held;
  const written = await db
    .insert(messages)
    .values({ ...entry, recipient, status: 'deferred', deferredUntil, reason, priority })
    .onConflictDoUpdate({ target: messages.idempotencyKey, set: { status: 'deferred', deferredUntil, reason, priority, claimedUntil: null }, setWhere: unclaimed })
    .returning({ key: messages.idempotencyKey });
  return written.length > 0;
}

/** A sent message keeps the deferral it waited through (`deferred_until`, `reason`), for the trail and the Outbox. */
function heldOf(row: { deferredUntil: Date | null; reason: string | null }): { held?: { until: Date; reason: string } } {
  return row.deferredUntil ? { held: { until: row.deferredUntil, reason: row.reason ?? '' } } : {};
}

/** Nothing was written because the row is finished (its outcome) or another attempt holds it (an error, so Temporal retries). */
async function finishedOrInProgress(db: Database, idempotencyKey: string): Promise<SendOutcome> {
  const previous = await recordedOutcome(db, idempotencyKey);
  if (previous) return previous;
  throw new Error('another attempt of this send is in progress; it will be retried');
}

/**
 * Sends one message at most once per idempotency key, whatever the channel. `prepare` builds
 * the message (or says why there is none); then one statement claims the send with a lease,
 * so an attempt Temporal started while an earlier one still talks to the provider backs off.
 * Only when the claim takes nothing is the row read: a send that finished returns its recorded
 * outcome, and nothing is sent. The provider is called only under the claim. A provider error
 * is recorded and rethrown so the caller (a Temporal activity) retries; an UndeliverableError
 * marks the message failed, which no retry changes. Three round trips on the first attempt
 * (the contact, the claim, the outcome): the row is not read first because a retry is rare.
 *
 * With `policy` (every journey message), the message policy (checkPolicy: suppression, consent,
 * frequency caps, journeys' priorities, quiet hours) judges the prepared message before the
 * claim: a skip is recorded as one, a deferral as status `deferred` with `deferred_until` and the
 * reason, and returned so the caller retries at that time. The retry asks the policy again. When
 * a cap applies, the policy's count and the claim are made in one transaction under the
 * contact's cap lock for the channel, so two sends cannot both take the cap's last slot; the
 * provider is called after it commits. The claim and a deferral record the journey's priority.
 */
export async function sendOnce(
  db: Database,
  entry: LedgerEntry,
  prepare: () => Promise<Delivery | { skip: string }>,
  policy?: PolicyOptions,
): Promise<SendOutcome> {
  const delivery = await prepare();
  // A send that finished keeps its outcome, whatever the contact is like now.
  if ('skip' in delivery) return skipped(db, entry, delivery.skip);
  const judged = policy ? await judgeAndClaim(db, entry, delivery, policy) : { claim: await claim(db, entry, delivery, null) };
  if ('outcome' in judged) return judged.outcome;
  const { claim: claimed } = judged;
  if (!claimed) return finishedOrInProgress(db, entry.idempotencyKey);

  const row = eq(messages.idempotencyKey, entry.idempotencyKey);
  try {
    const { providerMessageId } = await delivery.send();
    await db.update(messages).set({ status: 'sent', providerMessageId, sentAt: policy?.now ?? new Date(), lastError: null, claimedUntil: null }).where(row);
    return { status: 'sent', providerMessageId, alreadySent: false, ...heldOf(claimed) };
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    if (error instanceof UndeliverableError) {
      await db.update(messages).set({ status: 'failed', reason: lastError, lastError, claimedUntil: null }).where(row);
      return { status: 'failed', reason: lastError };
    }
    await db.update(messages).set({ lastError, claimedUntil: null }).where(row);
    throw error;
  }
}

type Claim = { deferredUntil: Date | null; reason: string | null };

/** Claims the send with a lease, unless it finished or an attempt holds it (then nothing). */
async function claim(db: Database | Transaction, entry: LedgerEntry, delivery: Delivery, priority: number | null): Promise<Claim | undefined> {
  const [claimed] = await db
    .insert(messages)
    .values({ ...entry, recipient: delivery.recipient, ...delivery.content, priority, status: 'sending', attempts: 1, claimedUntil: lease })
    .onConflictDoUpdate({
      target: messages.idempotencyKey,
      set: { status: 'sending', priority, attempts: sql`${messages.attempts} + 1`, claimedUntil: lease },
      setWhere: unclaimed,
    })
    .returning({ deferredUntil: messages.deferredUntil, reason: messages.reason });
  return claimed;
}

/** The policy's verdict on the prepared message: recorded when it skips or defers it, else the claim (see sendOnce). */
async function judgeAndClaim(db: Database, entry: LedgerEntry, delivery: Delivery, options: PolicyOptions): Promise<{ outcome: SendOutcome } | { claim: Claim | undefined }> {
  const question = await withPolicySettings(db, { ...entry, recipient: delivery.recipient, whenHeld: options.whenHeld, now: options.now ?? new Date() });
  const priority = question.journey?.priority ?? null;
  const judge = async (tx: Database | Transaction): Promise<{ outcome: SendOutcome } | { claim: Claim | undefined }> => {
    const verdict = await checkPolicy(tx, question);
    if (verdict.verdict === 'skip') return { outcome: await skipped(tx, entry, verdict.reason) };
    if (verdict.verdict === 'defer') {
      const written = await writeDeferral(tx, entry, delivery.recipient, { ...verdict, priority });
      return { outcome: written ? { status: 'deferred', until: verdict.until, reason: verdict.reason } : await finishedOrInProgress(tx, entry.idempotencyKey) };
    }
    return { claim: await claim(tx, entry, delivery, priority) };
  };
  if (!capApplies(question)) return judge(db);
  return db.transaction(async (tx) => {
    await lockCapCount(tx, entry.contactId, entry.channel);
    return judge(tx);
  });
}
