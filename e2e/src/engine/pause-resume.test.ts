import { journeys } from '@tend/db';
import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, test, type Tend } from '../support/index.js';

/** trigger → wait 1 day → email → exit. */
const daily = (id: string, subject = `From ${id}`) =>
  journey(id, {
    nodes: { go: ['trigger.event', { event: `${id} go` }], wait: ['wait', { amount: 1, unit: 'days' }], mail: email(subject), done: ['exit'] },
    edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
  });

const waiting = (tend: Tend, userId: string, journeyId: string) =>
  eventually(async () => (await tend.position(userId, journeyId).catch(() => null))?.status === 'waiting', `${userId} to wait in ${journeyId}`);

const statusOf = async (tend: Tend, journeyId: string) =>
  (await tend.database.db.select().from(journeys)).find((row) => row.id === journeyId)?.status;

describe('pause, resume and archive, end to end', () => {
  test('pausing holds contacts: their wait ends but nothing is sent until resume; a paused journey takes no new entries', async ({ tend }) => {
    await tend.publish(daily('paused'));
    for (const userId of ['p1', 'p2']) {
      await tend.identify(userId, { email: `${userId}@example.com` });
      await tend.track(userId, 'paused go');
      await waiting(tend, userId, 'paused');
    }
    expect(await tend.api.journeys.pause({ id: 'paused' })).toMatchObject({ status: 'paused', contactsTold: 2 });

    await tend.identify('p3', { email: 'p3@example.com' });
    await tend.track('p3', 'paused go');
    await tend.sleep('3 days');
    await settle();
    expect(['p1', 'p2', 'p3'].flatMap((userId) => tend.mailTo(`${userId}@example.com`))).toEqual([]);
    const held = await eventually(async () => {
      const position = await tend.position('p1', 'paused');
      return position.status === 'paused' ? position : null;
    }, 'p1 to be held');
    expect(held).toMatchObject({ nodeId: 'mail', waitingFor: null });
    expect((await tend.trail('p1', 'paused')).map((row) => row.outcome)).toEqual(['entered', 'waited']);
    expect(await tend.enrolment('p3', 'paused')).toBeUndefined();

    expect(await tend.api.journeys.resume({ id: 'paused' })).toMatchObject({ status: 'active', contactsTold: 2 });
    await tend.waitForMail('p1@example.com', 1);
    await tend.waitForMail('p2@example.com', 1);
    await settle();
    expect(tend.mailTo('p3@example.com')).toEqual([]);
  });

  test('archiving stops every contact: nothing more is sent, their runs end "stopped", and no one new enters', async ({ tend }) => {
    await tend.publish(daily('archived'));
    await tend.identify('a1', { email: 'a1@example.com' });
    await tend.track('a1', 'archived go');
    await waiting(tend, 'a1', 'archived');

    expect(await tend.api.journeys.archive({ id: 'archived' })).toMatchObject({ status: 'archived', contactsTold: 1 });
    expect(await eventually(() => tend.enrolment('a1', 'archived').then((row) => row?.status !== 'active' && row), 'the run to stop')).toMatchObject({ status: 'stopped' });
    await tend.identify('a2', { email: 'a2@example.com' });
    await tend.track('a2', 'archived go');
    await tend.sleep('2 days');
    await settle();
    expect([...tend.mailTo('a1@example.com'), ...tend.mailTo('a2@example.com')]).toEqual([]);
    expect(await tend.enrolment('a2', 'archived')).toBeUndefined();
  });

  test('archiving a paused journey stops its held contacts', async ({ tend }) => {
    await tend.publish(daily('paused-then-archived'));
    await tend.identify('pa', { email: 'pa@example.com' });
    await tend.track('pa', 'paused-then-archived go');
    await waiting(tend, 'pa', 'paused-then-archived');
    await tend.api.journeys.pause({ id: 'paused-then-archived' });
    await tend.sleep('2 days');
    await eventually(async () => (await tend.position('pa', 'paused-then-archived')).status === 'paused', 'pa to be held');

    await tend.api.journeys.archive({ id: 'paused-then-archived' });
    expect(await eventually(() => tend.enrolment('pa', 'paused-then-archived').then((row) => row?.status !== 'active' && row), 'the run to stop')).toMatchObject({ status: 'stopped' });
    await settle();
    expect(tend.mailTo('pa@example.com')).toEqual([]);
  });

  test('publishing a new version of a paused journey leaves it paused: no new entries, held contacts stay held until resume', async ({ tend }) => {
    await tend.publish(daily('paused-publish', 'Version one'));
    await tend.identify('pp-old', { email: 'pp-old@example.com' });
    await tend.track('pp-old', 'paused-publish go');
    await waiting(tend, 'pp-old', 'paused-publish');
    await tend.api.journeys.pause({ id: 'paused-publish' });

    await tend.publish(daily('paused-publish', 'Version two'));
    expect(await statusOf(tend, 'paused-publish')).toBe('paused');
    await tend.identify('pp-new', { email: 'pp-new@example.com' });
    await tend.track('pp-new', 'paused-publish go');
    await tend.sleep('2 days');
    await settle();
    expect(await tend.enrolment('pp-new', 'paused-publish')).toBeUndefined();
    expect(tend.mailTo('pp-old@example.com')).toEqual([]);

    await tend.api.journeys.resume({ id: 'paused-publish' });
    expect((await tend.waitForMail('pp-old@example.com', 1)).map((mail) => mail.subject)).toEqual(['Version one']);
  });
});
