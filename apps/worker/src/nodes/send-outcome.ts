import { eq, messages, or, sql, type Database } from '@tend/db';
import { Context, ApplicationFailure } from '@temporalio/activity';

/**
 * The moment the message policy judges a send at, in the journey's time: the latest of the
 * worker's clock, the time Temporal scheduled this attempt and, on a retry, the end of the
 * deferral the ledger recorded (Temporal runs that retry at its end, never earlier). In
 * production this is the worker's clock; on the time-skipping test server Temporal's clock runs
 * days ahead of the worker's, and caps and quiet hours must be judged in the time the journey's
 * waits and deferrals are measured in.
 */
export async function policyNow(db: Database, idempotencyKey: string): Promise<Date> {
  let info: { attempt: number; currentAttemptScheduledTimestampMs: number } | null = null;
  try {
    info = Context.current().info;
  } catch {
    // Outside an activity (runNode in a test): the clock.
  }
  let deferredUntil = 0;
  if (info && info.attempt > 1) {
    // A push is deferred on each browser's row (`<key>/push/<subscription>`).
    const [row] = await db
      .select({ until: sql<string | null>`max(${messages.deferredUntil})` })
      .from(messages)
      .where(or(eq(messages.idempotencyKey, idempotencyKey), sql`starts_with(${messages.idempotencyKey}, ${`${idempotencyKey}/push/`})`));
    deferredUntil = row?.until ? new Date(row.until).getTime() : 0;
  }
  return new Date(Math.max(Date.now(), info?.currentAttemptScheduledTimestampMs ?? 0, deferredUntil));
}

type Outcome = { status: 'sent'; held?: { until: Date; reason: string } } | { status: 'skipped' | 'failed'; reason: string } | { status: 'deferred'; until: Date; reason: string };

/**
 * The visit's result for a send, with why on the contact's trail (no address, suppressed, held
 * by a cap until T). A deferred send fails this attempt on purpose, with Temporal's
 * `nextRetryDelay` set to the moment the policy allows: the retry is durable, server-side, and
 * asks the policy again (a cap may have freed, or filled).
 */
export function visitOf(outcome: Outcome, now: Date): { output: 'next'; outcome: string; reason?: string } {
  if (outcome.status === 'deferred') {
    throw ApplicationFailure.create({
      type: 'MessageDeferred',
      message: `deferred until ${outcome.until.toISOString()} by ${outcome.reason}`,
      nextRetryDelay: Math.max(1, outcome.until.getTime() - now.getTime()),
    });
  }
  if (outcome.status === 'sent') {
    return { output: 'next', outcome: 'sent', ...(outcome.held ? { reason: `held until ${outcome.held.until.toISOString()} by ${outcome.held.reason}` } : {}) };
  }
  return { output: 'next', outcome: outcome.status, reason: outcome.reason };
}
