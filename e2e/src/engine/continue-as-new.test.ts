import { and, eq, messages, nodeVisits } from '@tend/db';
import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test, type Tend } from '../support/index.js';

/** The interpreter starts a new run before its history passes 4,000 events (journey.ts `historyBudget`). */
const historyBudget = 4_000;

async function runsOf(tend: Tend, userId: string, journeyId: string) {
  const enrolment = (await tend.enrolment(userId, journeyId))!;
  const description = await tend.env.client.workflow.getHandle(enrolment.workflowId).describe();
  return { firstRunId: enrolment.runKey, currentRunId: description.runId, historyLength: description.historyLength, status: description.status.name };
}

describe('continue-as-new: a journey that loops keeps working past the history budget', () => {
  test('a daily loop (wait 1 day → email → back) sends every day for 320 days across runs, visits counting on', async ({ tend }) => {
    await tend.publish(
      journey('daily-loop', {
        nodes: { go: ['trigger.event', { event: 'daily-loop go' }], wait: ['wait', { amount: 1, unit: 'days' }], mail: email('Your daily note') },
        edges: ['go -> wait', 'wait -> mail', 'mail -> wait'],
      }),
    );
    await tend.identify('looper', { email: 'looper@example.com' });
    await tend.track('looper', 'daily-loop go');
    await eventually(async () => (await tend.position('looper', 'daily-loop').catch(() => null))?.status === 'waiting', 'the first wait');

    // Each day of the loop also takes a little time to send, so skip one day more than it needs.
    await tend.sleep('321 days');
    await tend.waitForMail('looper@example.com', 320, 60_000);
    const runs = await runsOf(tend, 'looper', 'daily-loop');
    expect(runs.status).toBe('RUNNING');
    expect(runs.currentRunId).not.toBe(runs.firstRunId);
    expect(runs.historyLength).toBeLessThan(historyBudget + 100);

    await tend.api.journeys.archive({ id: 'daily-loop' });
    expect(await tend.ended('looper', 'daily-loop')).toMatchObject({ status: 'stopped' });
    await settle();
    const contactId = await tend.contactId('looper');
    const visits = await tend.database.db
      .select({ visit: nodeVisits.visit })
      .from(nodeVisits)
      .where(and(eq(nodeVisits.contactId, contactId), eq(nodeVisits.journeyId, 'daily-loop'), eq(nodeVisits.nodeId, 'mail')));
    // One visit per email, numbered 1, 2, 3… with no gap or restart across runs.
    expect(visits.map((row) => row.visit).sort((a, b) => a - b)).toEqual(Array.from({ length: visits.length }, (_, index) => index + 1));
    expect(visits.length).toBe(tend.mailTo('looper@example.com').length);
    const ledger = (await tend.database.db.select().from(messages)).filter((row) => row.contactId === contactId);
    expect(new Set(ledger.map((row) => row.idempotencyKey)).size).toBe(ledger.length);
    expect(ledger.length).toBe(visits.length);
  }, 240_000);

  test('a held-out contact in a loop stays held out after the run continues as new', async ({ tend }) => {
    await tend.publish(
      journey('holdout-loop', {
        nodes: {
          go: ['trigger.event', { event: 'holdout-loop go' }],
          // Both paths are holdouts, so every contact is held out whatever the roll.
          split: ['split', { paths: [{ id: 'a', label: 'A', percent: 50, holdout: true }, { id: 'b', label: 'B', percent: 50, holdout: true }] }],
          wait: ['wait', { amount: 1, unit: 'hours' }],
          mail: email('Held-out note'),
        },
        edges: ['go -> split', 'split:a -> wait', 'split:b -> wait', 'wait -> mail', 'mail -> wait'],
      }),
    );
    await tend.identify('held-looper', { email: 'held-looper@example.com' });
    await tend.track('held-looper', 'holdout-loop go');
    await eventually(async () => (await tend.position('held-looper', 'holdout-loop').catch(() => null))?.status === 'waiting', 'the first wait');

    // Enough hours for the history to pass its budget at least once.
    for (let round = 0; round < 4; round++) {
      await tend.sleep('10 days');
      const runs = await runsOf(tend, 'held-looper', 'holdout-loop');
      if (runs.currentRunId !== runs.firstRunId) break;
    }
    const runs = await runsOf(tend, 'held-looper', 'holdout-loop');
    expect(runs.currentRunId).not.toBe(runs.firstRunId);
    await tend.sleep('1 day');
    await settle();
    expect(tend.mailTo('held-looper@example.com')).toEqual([]);

    await tend.api.journeys.archive({ id: 'holdout-loop' });
  }, 180_000);
});
