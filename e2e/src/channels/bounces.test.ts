import { consentHistory, suppressionOf } from '@tend/channels';
import type { JourneyGraphInput } from '@tend/journey';
import { describe } from 'vitest';
import { expect, test, type Tend } from '../support/index.js';

/** Every "Reminder" event sends one email: a send after a bounce shows whether it is held back. */
const reminder: JourneyGraphInput = {
  id: 'reminder',
  name: 'Reminder',
  nodes: [
    { id: 'in', type: 'trigger.event', data: { event: 'Reminder' } },
    { id: 'mail', type: 'send-email', data: { subject: 'A reminder', html: '<p>Hi</p>' } },
    { id: 'out', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'mail' },
    { id: 'b', source: 'mail', target: 'out' },
  ],
};

const secret = 'whsec-test-0123456789';

const webhook = (tend: Tend, payload: unknown, auth: { bearer?: string; query?: string } = { bearer: secret }) =>
  tend.app.inject({
    method: 'POST',
    url: `/webhooks/email/${tend.workspace.id}${auth.query ? `?secret=${encodeURIComponent(auth.query)}` : ''}`,
    headers: { ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

/** An SES notification as SNS delivers it: JSON sent as text/plain, the notification a string inside. */
const sns = (tend: Tend, message: object) =>
  tend.app.inject({
    method: 'POST',
    url: `/webhooks/email/${tend.workspace.id}?secret=${secret}`,
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
    payload: JSON.stringify({ Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:eu-west-1:1:ses', Message: JSON.stringify(message) }),
  });

const suppressed = (tend: Tend, address: string) => suppressionOf(tend.database.db, tend.workspace.id, 'email', address);

describe('deliverability webhooks: bounces and complaints suppress the address', () => {
  test.beforeAll(async ({ tend }) => {
    await tend.publish(reminder);
    await tend.api.secrets.set({ name: 'EMAIL_WEBHOOK_SECRET', value: secret });
  });

  test('a generic hard bounce suppresses the address, and the next send to it is skipped with its reason', async ({ tend }) => {
    await tend.identify('mia', { email: 'mia@example.com' });
    await tend.track('mia', 'Reminder');
    await tend.waitForMail('mia@example.com', 1);
    await tend.ended('mia', 'reminder');

    const answer = await webhook(tend, { type: 'bounce', email: 'MIA@example.com', bounceType: 'hard', reason: '550 5.1.1 user unknown' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await suppressed(tend, 'mia@example.com')).toBe('hard-bounce');
    const history = await consentHistory(tend.database.db, tend.workspace.id, await tend.contactId('mia'));
    expect(history.map((change) => [change.channel, change.status, change.source])).toEqual([['email', 'unsubscribed', 'bounce']]);

    await tend.track('mia', 'Reminder');
    const visits = await eventuallySkipped(tend, 'mia');
    expect(visits).toMatchObject({ outcome: 'skipped', detail: { reason: 'the email address is suppressed (hard bounce)' } });
    expect(tend.mailTo('mia@example.com')).toHaveLength(1);
  });

  test('soft bounces are answered and change nothing; an array carries several signals', async ({ tend }) => {
    const answer = await webhook(tend, [
      { type: 'bounce', email: 'noah@example.com', bounceType: 'soft' },
      { type: 'complaint', email: 'olga@example.com' },
    ]);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ received: 2, suppressed: 1 });
    expect(await suppressed(tend, 'noah@example.com')).toBeNull();
    expect(await suppressed(tend, 'olga@example.com')).toBe('complaint');
  });

  test('SES through SNS: a permanent bounce and a complaint suppress, a transient bounce does not', async ({ tend }) => {
    await tend.identify('pia', { email: 'pia@example.com' });
    const bounce = await sns(tend, {
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'quinn@example.com', diagnosticCode: 'smtp; 550 5.1.1 unknown' }],
        timestamp: '2026-01-01T00:00:00.000Z',
      },
      mail: { messageId: 'ses-1', destination: ['quinn@example.com'] },
    });
    const transient = await sns(tend, {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'rosa@example.com' }] },
    });
    const complaint = await sns(tend, {
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'pia@example.com' }], complaintFeedbackType: 'abuse' },
    });
    expect([bounce.statusCode, transient.statusCode, complaint.statusCode]).toEqual([200, 200, 200]);
    expect(await suppressed(tend, 'quinn@example.com')).toBe('hard-bounce');
    expect(await suppressed(tend, 'rosa@example.com')).toBeNull();
    expect(await suppressed(tend, 'pia@example.com')).toBe('complaint');
    const history = await consentHistory(tend.database.db, tend.workspace.id, await tend.contactId('pia'));
    expect(history.map((change) => [change.channel, change.topic, change.status, change.source])).toEqual([['email', '', 'unsubscribed', 'complaint']]);
  });

  test("SNS's SubscriptionConfirmation is answered but not confirmed", async ({ tend }) => {
    const answer = await tend.app.inject({
      method: 'POST',
      url: `/webhooks/email/${tend.workspace.id}?secret=${secret}`,
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
      payload: JSON.stringify({ Type: 'SubscriptionConfirmation', SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription', Token: 't' }),
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ ok: true, acted: false });
  });

  test('refuses a wrong or missing secret, and another workspace, the same way, suppressing nothing', async ({ tend }) => {
    const signal = { type: 'complaint', email: 'sam@example.com' };
    const answers = await Promise.all([
      webhook(tend, signal, { bearer: 'wrong' }),
      webhook(tend, signal, { query: 'wrong' }),
      webhook(tend, signal, {}),
      tend.app.inject({ method: 'POST', url: '/webhooks/email/no-such-workspace', headers: { authorization: `Bearer ${secret}` }, payload: signal }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401, 401]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(await suppressed(tend, 'sam@example.com')).toBeNull();
  });

  test('names what is wrong with a body it cannot read', async ({ tend }) => {
    const answer = await webhook(tend, { type: 'delivered', email: 'tom@example.com' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/^type: /);
  });
});

/** The last visit of the email node once the contact's latest run has sent or skipped it. */
async function eventuallySkipped(tend: Tend, userId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const visits = (await tend.trail(userId, 'reminder')).filter((visit) => visit.nodeId === 'mail');
    if (visits.length >= 2) return visits.at(-1);
    if (Date.now() > deadline) throw new Error(`the second reminder was not attempted: ${JSON.stringify(visits)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
