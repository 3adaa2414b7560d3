// Preview and "Send test" render a message node's config with the worker's own renderer, and a
// test send goes through the configured provider into the ledger, marked test.
import { guardedFetch, httpSmsTransport, smtpTransport } from '@tend/channels';
import { startPushServicePeer } from '@tend/channels/testing';
import { eq, messages, newId, pushSubscriptions, workspaces } from '@tend/db';
import { expect, tendTest } from '../support/index.js';

const test = tendTest({ sms: true });

const welcome = {
  subject: 'Welcome, {{ contact.firstName | default: "friend" }}!',
  html: '<p>Hi {{ contact.firstName }}, your {{ event.properties.plan }} plan is ready.</p>',
};

test('preview renders an email for a real contact, and for sample traits and event', async ({ tend }) => {
  await tend.identify('preview-ada', { email: 'ada@preview.example', firstName: '<Ada>' });
  const forAda = await tend.api.messages.preview({ type: 'send-email', config: welcome, contactId: 'preview-ada', sample: { event: { name: 'Signed Up', properties: { plan: 'pro' } } } });
  expect(forAda).toEqual({
    ok: true,
    subject: 'Welcome, <Ada>!',
    html: '<p>Hi &lt;Ada&gt;, your pro plan is ready.</p>',
    text: 'Hi <Ada>, your pro plan is ready.',
  });

  const sample = await tend.api.messages.preview({ type: 'send-email', config: welcome, sample: { traits: {} } });
  expect(sample).toMatchObject({ ok: true, subject: 'Welcome, friend!' });

  const sms = await tend.api.messages.preview({ type: 'send-sms', config: { body: 'Hi {{ contact.firstName }}' }, sample: { traits: { firstName: 'Bo' } } });
  expect(sms).toEqual({ ok: true, subject: null, html: null, text: 'Hi Bo' });
  const push = await tend.api.messages.preview({ type: 'send-push', config: { title: 'Hey {{ contact.firstName }}', body: 'Come back' }, sample: { traits: { firstName: 'Cy' } } });
  expect(push).toEqual({ ok: true, subject: 'Hey Cy', html: null, text: 'Come back' });
});

test('preview answers with problems by field: the config schema, then the templates', async ({ tend }) => {
  const missing = await tend.api.messages.preview({ type: 'send-email', config: { html: '<p>x</p>' } });
  expect(missing).toMatchObject({ ok: false, problems: [{ field: 'subject' }] });
  const badTemplate = await tend.api.messages.preview({ type: 'send-email', config: { subject: 'Hi {{ shop.name }}', html: '<p>{{ contact.firstName </p>' } });
  expect(badTemplate.ok).toBe(false);
  expect(!badTemplate.ok && badTemplate.problems.map((problem) => problem.field)).toEqual(['subject', 'html']);
  expect(await tend.api.messages.preview({ type: 'wait', config: { amount: 1, unit: 'days' } })).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('sends no message') }] });
  await expect(tend.api.messages.preview({ type: 'send-email', config: welcome, contactId: 'nobody-here' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

test('sendTest mails the address through SMTP, marked [Test], and the ledger row is test = true', async ({ tend }) => {
  await tend.identify('test-ada', { email: 'ada@sendtest.example', firstName: 'Ada' });
  const email = smtpTransport(tend.smtp.url);
  try {
    const api = tend.apiSendingBy({ email });
    const sent = await api.messages.sendTest({ type: 'send-email', config: welcome, contactId: 'test-ada', to: 'marketer@sendtest.example', journeyId: 'welcome', nodeId: 'hello' });
    expect(sent).toEqual({ ok: true, messageId: expect.stringMatching(/^test\//) });
    const [mail] = await tend.waitForMail('marketer@sendtest.example', 1);
    expect(mail).toMatchObject({ subject: '[Test] Welcome, Ada!', from: { address: 'hello@tend.local' } });
    expect(mail?.html).toContain('Hi Ada');

    const [row] = await tend.database.db.select().from(messages).where(eq(messages.idempotencyKey, sent.messageId));
    expect(row).toMatchObject({ test: true, status: 'sent', channel: 'email', recipient: 'marketer@sendtest.example', journeyId: 'welcome', nodeId: 'hello', subject: '[Test] Welcome, Ada!' });
    const outbox = await api.outbox.messages({ limit: 10 });
    expect(outbox.find((message) => message.idempotencyKey === sent.messageId)?.test).toBe(true);

    await expect(api.messages.sendTest({ type: 'send-email', config: welcome, to: 'not an address' })).rejects.toThrow('"not an address" is not an email address');
    await expect(api.messages.sendTest({ type: 'send-email', config: { html: 'x' }, to: 'a@b.example' })).rejects.toThrow(/fix the message first: subject/);
  } finally {
    email.close();
  }
});

test('sendTest texts through the SMS provider; a channel without a provider says what to set', async ({ tend }) => {
  const api = tend.apiSendingBy({ sms: httpSmsTransport(`${tend.smsProvider!.url}/v1/messages`) });
  const sent = await api.messages.sendTest({ type: 'send-sms', config: { body: 'Hi {{ contact.firstName }}' }, sample: { traits: { firstName: 'Di' } }, to: '+33 6 12 34 56 78' });
  expect(tend.smsProvider!.received.at(-1)?.json).toEqual({ to: '+33612345678', body: 'Hi Di', idempotencyKey: sent.messageId });
  const [row] = await tend.database.db.select().from(messages).where(eq(messages.idempotencyKey, sent.messageId));
  expect(row).toMatchObject({ test: true, status: 'sent', channel: 'sms', contactId: '', body: 'Hi Di' });

  await expect(api.messages.sendTest({ type: 'send-sms', config: { body: 'x' }, to: '0612' })).rejects.toThrow(/not a phone number in international form/);
  await expect(api.messages.sendTest({ type: 'send-email', config: welcome, to: 'a@b.example' })).rejects.toThrow('No email provider is configured: set SMTP_URL');
});

test("sendTest pushes to the contact's latest browser; a contact without one is told how to get one", async ({ tend }) => {
  const service = await startPushServicePeer();
  try {
    // The push service peer is on loopback, an internal address: reached by allowlisting it.
    const api = tend.apiSendingBy({ fetch: guardedFetch({ allow: ['127.0.0.1'] }) });
    await tend.identify('push-eve', { firstName: 'Eve' });
    const eve = await tend.contactId('push-eve');
    const browser = service.subscribe();
    await tend.database.db.insert(pushSubscriptions).values({ id: newId('ps'), contactId: eve, endpoint: browser.endpoint, p256dh: browser.keys.p256dh, auth: browser.keys.auth });

    const sent = await api.messages.sendTest({ type: 'send-push', config: { title: 'Hey {{ contact.firstName }}', body: 'Come back' }, contactId: 'push-eve', to: 'push-eve' });
    expect(service.rejected).toEqual([]);
    // Signed as the workspace, like the worker's pushes: the browser subscribed with its key.
    const [workspace] = await tend.database.db.select().from(workspaces).where(eq(workspaces.id, tend.workspace.id));
    expect(service.received.at(-1)).toMatchObject({ endpoint: browser.endpoint, json: { title: 'Hey Eve', body: 'Come back' }, vapid: { publicKey: workspace!.vapidPublicKey } });
    const [row] = await tend.database.db.select().from(messages).where(eq(messages.idempotencyKey, sent.messageId));
    expect(row).toMatchObject({ test: true, status: 'sent', channel: 'push', contactId: eve, subject: 'Hey Eve' });

    await tend.identify('push-nobody');
    await expect(api.messages.sendTest({ type: 'send-push', config: { title: 't', body: 'b' }, to: 'push-nobody' })).rejects.toThrow(/has no push subscription: allow notifications/);
  } finally {
    await service.stop();
  }
});
