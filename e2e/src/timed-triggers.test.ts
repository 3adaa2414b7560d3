import { eq, nodeVisits, workspaces } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import type { JourneyGraphInput } from '@tend/journey';
import { nextTimeOfDay, scheduledEntryWorkflowType, zonedParts, type ScheduledEntryInput } from '@tend/journey/ir';
import { publishAndApply, publishJourney, setJourneyStatus } from '@tend/publishing';
import { describe, it } from 'vitest';
import { expect, localTemporal, test, type Tend } from './support/index.js';

const birthday: JourneyGraphInput = {
  id: 'birthday',
  name: 'Birthday',
  settings: { reentry: 'once-at-a-time', timeZone: 'Europe/Paris' },
  nodes: [
    { id: 'bday', type: 'trigger.date-attribute', data: { attribute: 'birthday', offsetDays: 0, time: '09:00', recurring: true } },
    { id: 'card', type: 'send-email', data: { subject: 'Happy birthday, {{ contact.firstName }}!', html: '<p>🎂</p>' } },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'bday', target: 'card' },
    { id: 'b', source: 'card', target: 'done' },
  ],
};

const weeklyVip: JourneyGraphInput = {
  id: 'weekly-vip',
  name: 'Weekly VIP digest',
  settings: { reentry: 'once-at-a-time' },
  nodes: [
    { id: 'monday', type: 'trigger.schedule', data: { cron: '0 9 * * 1', condition: { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'vip' } } },
    { id: 'digest', type: 'send-email', data: { subject: 'Your VIP week', html: '<p>Hi {{ contact.firstName }}</p>' } },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'monday', target: 'digest' },
    { id: 'b', source: 'digest', target: 'done' },
  ],
};

/** Runs the sweep by hand, as the journey's Temporal Schedule would. */
const sweep = (tend: Tend, input: ScheduledEntryInput) =>
  tend.env.client.workflow.execute(scheduledEntryWorkflowType, { taskQueue: 'tend-journeys', workflowId: `sweep-${input.journeyId}-${Math.random()}`, args: [input] });

describe('date and schedule triggers: the sweep a Temporal Schedule runs', () => {
  test.beforeAll(async ({ tend }) => {
    // Stored without Temporal Schedules (tend.publish would create them): the time-skipping
    // server has none, and these tests run the sweep themselves.
    for (const journey of [birthday, weeklyVip]) expect((await publishJourney(tend.database.db, tend.workspace.id, journey)).ok).toBe(true);
  });

  test('enters contacts whose birthday comes up, at 09:00 in their own zone', async ({ tend }) => {
    const now = await tend.now();
    // The next 09:00 in Tokyo is within a day: make that date Soon's birthday.
    const nine = nextTimeOfDay(now, { time: '09:00', timeZone: 'Asia/Tokyo' });
    const { month, day } = zonedParts(nine, 'Asia/Tokyo');
    const pad = (n: number) => String(n).padStart(2, '0');
    const later = zonedParts(now + 40 * 86_400_000, 'Europe/Paris');
    await tend.identify('soon', { email: 'soon@example.com', firstName: 'Soon', birthday: `1990-${pad(month)}-${pad(day)}`, timezone: 'Asia/Tokyo' });
    await tend.identify('later', { email: 'later@example.com', firstName: 'Later', birthday: `1990-${pad(later.month)}-${pad(later.day)}` });
    await tend.identify('none', { email: 'none@example.com', firstName: 'None' });

    const result = await sweep(tend, { workspaceId: tend.workspace.id, journeyId: 'birthday', triggerNodeId: 'bday' });
    expect(result.entered).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tend.smtp.received).toHaveLength(0); // not before 09:00 in Tokyo
    await tend.sleep(nine - now + 60_000);
    const [card] = await tend.smtp.waitFor(1);
    expect(card).toMatchObject({ to: ['soon@example.com'], subject: 'Happy birthday, Soon!' });
    const [visit] = await tend.database.db.select().from(nodeVisits).where(eq(nodeVisits.nodeId, 'bday'));
    expect(Math.abs(visit!.at.getTime() - nine)).toBeLessThan(5_000);
  });

  test('enters everyone matching the schedule condition, and no one else', async ({ tend }) => {
    await tend.identify('vip1', { email: 'vip1@example.com', firstName: 'Vera', plan: 'vip' });
    await tend.identify('free1', { email: 'free1@example.com', firstName: 'Fred', plan: 'free' });
    const result = await sweep(tend, { workspaceId: tend.workspace.id, journeyId: 'weekly-vip', triggerNodeId: 'monday' });
    expect(result.entered).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tend.smtp.received.filter((mail) => mail.subject === 'Your VIP week').map((mail) => mail.to[0])).toEqual(['vip1@example.com']);
  });
});

describe('publishing keeps one Temporal Schedule per timed trigger (real dev server)', () => {
  it('creates, updates, pauses and deletes the schedules with the journey', async () => {
    const env = await localTemporal();
    const database = await openTestDatabase('pglite');
    try {
      await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'key-12345678', emailFrom: 'x@y.z' });
      const published = await publishAndApply(database.db, env.client, 'ws', weeklyVip);
      expect(published.ok).toBe(true);
      const handle = env.client.schedule.getHandle('journey-schedule/ws/weekly-vip/monday');
      const described = await handle.describe();
      expect(described.spec.timezone).toBe('UTC');
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: scheduledEntryWorkflowType });

      await setJourneyStatus(database.db, env.client, 'ws', 'weekly-vip', 'paused');
      expect((await handle.describe()).state.paused).toBe(true);
      await setJourneyStatus(database.db, env.client, 'ws', 'weekly-vip', 'archived');
      await expect(handle.describe()).rejects.toThrow();
    } finally {
      await database.close();
      await env.teardown();
    }
  });
});
