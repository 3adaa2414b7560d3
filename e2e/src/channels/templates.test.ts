import { smtpTransport } from '@tend/channels';
import { and, eq, messages } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import { describe } from 'vitest';
import { addMember, callTrpc, signIn } from '../support/accounts.js';
import { expect, test, trackingBaseUrl, type Tend } from '../support/index.js';

/** A journey that sends a library template (or whatever `template` names) when a contact joins. */
function sending(id: string, template: string): JourneyGraphInput {
  return {
    id,
    name: id,
    nodes: [
      { id: 'in', type: 'trigger.event', data: { event: 'Joined' } },
      { id: 'mail', type: 'send-email', data: { template } },
      { id: 'out', type: 'exit' },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'mail' },
      { id: 'b', source: 'mail', target: 'out' },
    ],
  };
}


async function ledgerRow(tend: Tend, userId: string) {
  const [row] = await tend.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.contactId, await tend.contactId(userId)), eq(messages.journeyId, 'templated')));
  return row;
}

describe('email templates: a journey sends the live version of a library template', () => {
  test.beforeAll(async ({ tend }) => {
    expect(await tend.api.templates.createStarterLibrary()).toEqual({ created: ['header', 'footer', 'product', 'base', 'welcome'] });
    await tend.publish(sending('templated', 'welcome'));
  });

  test('the email is the MJML layout with its partials, carries the footer’s unsubscribe link and a text part, and the ledger names the version', async ({ tend }) => {
    await tend.identify('ada', { email: 'ada@example.com', firstName: 'Ada' });
    await tend.track('ada', 'Joined', { products: [{ name: 'Trail boots', price: '€89', url: 'https://shop.example/boots' }] });
    const [mail] = await tend.waitForMail('ada@example.com', 1);

    expect(mail!.subject).toBe('Welcome, Ada!');
    // MJML's output: responsive tables and the media query that stacks columns on phones.
    expect(mail!.html).toMatch(/<table[^>]*role="presentation"/);
    expect(mail!.html).toContain('@media only screen and (min-width:480px)');
    expect(mail!.html).not.toContain('<mj-');
    expect(mail!.html).toContain('Trail boots');
    // The footer partial's link is this recipient's one-click link, the one in the header.
    const unsubscribe = /^<([^>]+)>$/.exec(mail!.headers['list-unsubscribe'] ?? '')?.[1];
    expect(unsubscribe).toMatch(new RegExp(`^${trackingBaseUrl}/u/`));
    expect(mail!.html).toContain(`href="${unsubscribe}"`);
    // The preheader, hidden at the top of the body.
    expect(mail!.html).toMatch(/<div style="display:none;[^"]*">Good to have you with/);
    // A text part derived from the HTML: words and links, no CSS.
    expect(mail!.text).toContain('Welcome, Ada!');
    expect(mail!.text).toContain('Trail boots');
    expect(mail!.text).toContain('Unsubscribe');
    expect(mail!.text).not.toMatch(/[{}]|@media|font-family/);

    expect(await ledgerRow(tend, 'ada')).toMatchObject({ status: 'sent', templateId: 'welcome', templateVersion: 1 });
  });

  test('publishing a new version of the template changes the next email', async ({ tend }) => {
    const welcome = await tend.api.templates.get({ id: 'welcome' });
    const draft = { ...welcome.draft, subject: 'Hello {{ contact.firstName }}, you are in', body: welcome.draft.body.replace('Here is what we picked for you.', 'Your first order ships free.') };
    const saved = await tend.api.templates.save({ id: 'welcome', draft, revision: welcome.revision });
    expect(saved.problems).toEqual([]);
    expect(await tend.api.templates.publish({ id: 'welcome', revision: saved.revision })).toEqual({ ok: true, version: 2, unchanged: false });

    await tend.identify('bo', { email: 'bo@example.com', firstName: 'Bo' });
    await tend.track('bo', 'Joined');
    const [mail] = await tend.waitForMail('bo@example.com', 1);
    expect(mail!.subject).toBe('Hello Bo, you are in');
    expect(mail!.html).toContain('Your first order ships free.');
    expect(mail!.text).toContain('Your first order ships free.');
    expect(await ledgerRow(tend, 'bo')).toMatchObject({ status: 'sent', templateId: 'welcome', templateVersion: 2 });
    // The journey was not republished: its live version still names the template, now sent at version 2.
    expect((await tend.api.templates.list()).find((item) => item.id === 'welcome')).toMatchObject({ liveVersion: 2, usedBy: ['templated'] });
  });

  test('a journey naming a missing or unpublished template is refused, naming the node’s field', async ({ tend }) => {
    const missing = await tend.api.journeys.publish({ graph: sending('missing-template', 'nothing') });
    expect(missing).toEqual({ ok: false, problems: [{ nodeId: 'mail', field: 'template', message: 'there is no email template "nothing": create it under Templates' }] });

    await tend.api.templates.create({ id: 'unpublished', kind: 'template', name: 'Not yet' });
    const unpublished = await tend.api.journeys.publish({ graph: sending('unpublished-template', 'unpublished') });
    expect(unpublished).toEqual({ ok: false, problems: [{ nodeId: 'mail', field: 'template', message: 'publish the template "unpublished" first' }] });
  });

  test('the template editor previews a draft in the live library, and the journey editor previews a node that names a template', async ({ tend }) => {
    const sample = { traits: { firstName: 'Cy' } };
    const footer = await tend.api.templates.get({ id: 'footer' });
    const partial = await tend.api.templates.preview({ id: 'footer', kind: 'partial', draft: { ...footer.draft, body: footer.draft.body.replace('You receive', 'Draft: you receive') }, sample });
    expect(partial.ok && partial.html).toContain('Draft: you receive this email from');
    const layout = await tend.api.templates.preview({ id: 'base', kind: 'layout', draft: (await tend.api.templates.get({ id: 'base' })).draft, sample });
    expect(layout.ok && layout.html).toContain('The email’s content goes here.');
    const broken = await tend.api.templates.preview({ id: 'welcome', kind: 'template', draft: { format: 'mjml', subject: 'Hi', body: "{% layout 'base' %}{% block content %}{% render 'nope' %}{% endblock %}" }, sample });
    expect(broken).toEqual({ ok: false, problems: [expect.objectContaining({ template: 'welcome', field: 'body', message: expect.stringContaining('there is no published partial "nope"') })] });

    const node = await tend.api.messages.preview({ type: 'send-email', config: { template: 'welcome' }, sample });
    expect(node).toMatchObject({ ok: true, subject: 'Hello Cy, you are in' });
    expect(node.ok && node.html).toContain('@media only screen');
    const missing = await tend.api.messages.preview({ type: 'send-email', config: { template: 'unpublished' }, sample });
    expect(missing).toEqual({ ok: false, problems: [{ field: 'template', message: 'the email template "unpublished" has no published version: pick a published template' }] });
  });

  test('a test send mails the rendered draft through the email provider, kept in the ledger as a test naming the template', async ({ tend }) => {
    const email = smtpTransport(tend.smtp.url);
    try {
      const api = tend.apiSendingBy({ email });
      const { draft } = await api.templates.get({ id: 'welcome' });
      const sent = await api.templates.sendTest({ id: 'welcome', draft: { ...draft, subject: 'Draft for {{ contact.firstName }}' }, sample: { traits: { firstName: 'Di' } }, to: 'marketer@templates.example' });
      const [mail] = await tend.waitForMail('marketer@templates.example', 1);
      expect(mail).toMatchObject({ subject: '[Test] Draft for Di' });
      expect(mail!.html).toContain('@media only screen');
      const [row] = await tend.database.db.select().from(messages).where(eq(messages.idempotencyKey, sent.messageId));
      expect(row).toMatchObject({ test: true, status: 'sent', templateId: 'welcome', templateVersion: null });
      await expect(api.templates.sendTest({ id: 'welcome', draft: { format: 'html', subject: 'x', body: "{% render 'nope' %}" }, to: 'marketer@templates.example' })).rejects.toThrow(
        /fix the template first: there is no published partial "nope"/,
      );
    } finally {
      email.close();
    }
  });

  test('the sender an owner saves is the From and Reply-To of the next email; an analyst reads it and cannot change it', async ({ tend }) => {
    const before = await tend.api.system.sender();
    await expect(tend.api.system.saveSender({ from: 'hello@shop.example, sales@shop.example' })).rejects.toThrow(/from: .*names more than one address: write one sender/);
    await expect(tend.api.system.saveSender({ from: 'Shop <hello@shop.example>', replyTo: 'help@shop.example\r\nBcc: all@victim.example' })).rejects.toThrow(/replyTo: write it on one line/);
    const saved = await tend.api.system.saveSender({ from: ' "Shop, Paris" <paris@shop.example> ', replyTo: 'Help <help@shop.example>' });
    expect(saved).toEqual({ from: '"Shop, Paris" <paris@shop.example>', replyTo: 'Help <help@shop.example>' });
    try {
      await tend.identify('eve', { email: 'eve@example.com', firstName: 'Eve' });
      await tend.track('eve', 'Joined');
      const [mail] = await tend.waitForMail('eve@example.com', 1);
      expect(mail!.from).toEqual({ name: 'Shop, Paris', address: 'paris@shop.example' });
      expect(mail!.headers['reply-to']).toBe('Help <help@shop.example>');
      // The template editor's test send goes out the same way.
      const email = smtpTransport(tend.smtp.url);
      try {
        const api = tend.apiSendingBy({ email });
        const { draft } = await api.templates.get({ id: 'welcome' });
        await api.templates.sendTest({ id: 'welcome', draft, sample: { traits: {} }, to: 'sender-test@templates.example' });
        const [test] = await tend.waitForMail('sender-test@templates.example', 1);
        expect([test!.from.address, test!.headers['reply-to']]).toEqual(['paris@shop.example', 'Help <help@shop.example>']);
      } finally {
        email.close();
      }
      expect((await tend.api.audit.list({ limit: 5 })).find((entry) => entry.action === 'sender.save')?.detail).toMatchObject({ ...saved, before });

      await addMember(tend, { email: 'ana@templates.example', role: 'analyst', workspaceId: tend.workspace.id });
      const analyst = await signIn(tend.app, 'ana@templates.example');
      const read = await callTrpc(tend.app, 'system.sender', 'query', {}, { session: analyst });
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain('paris@shop.example');
      const refused = await callTrpc(tend.app, 'system.saveSender', 'mutation', { from: 'Ana <ana@templates.example>' }, { session: analyst });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(await tend.api.system.sender()).toEqual(saved);
    } finally {
      await tend.api.system.saveSender(before);
    }
  });
});
