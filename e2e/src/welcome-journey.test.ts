import { contacts, events, messages } from '@tend/db';
import { availableTestDatabases } from '@tend/db/testing';
import { describe } from 'vitest';
import { expect, tendTest, type Tend } from './support/index.js';

// One Tend per database kind; vitest defines file-scoped fixtures at the top of the file only.
const kinds = availableTestDatabases().map((database) => [database, tendTest({ database })] as const);

/** A raw identify, so a test can choose the messageId and read the answer. */
const identify = (tend: Tend, body: object) =>
  tend.app.inject({ method: 'POST', url: '/v1/identify', headers: { authorization: tend.auth }, payload: body });

describe.each(kinds)('the welcome journey, end to end on real Temporal, SMTP and Postgres (%s)', (_database, test) => {
  test.beforeAll(async ({ tend }) => {
    await tend.publishExample('welcome');
  });

  test('greets a new contact by name at once, then sends tips two days later', async ({ tend }) => {
    const response = await identify(tend, { userId: 'u1', messageId: 'm-u1', traits: { email: 'ada@example.com', firstName: 'Ada' } });
    expect(response.statusCode).toBe(200);

    const [welcomeMail] = await tend.smtp.waitFor(1);
    expect(welcomeMail!.to).toEqual(['ada@example.com']);
    expect(welcomeMail!.subject).toBe('Welcome, Ada!');
    expect(welcomeMail!.text).toContain('Hi Ada,');
    expect(welcomeMail!.html).toContain('<p>Hi Ada,</p>');

    await tend.sleep('1 day');
    expect(tend.smtp.received).toHaveLength(1);
    await tend.sleep('1 day');
    const mails = await tend.smtp.waitFor(2);
    expect(mails[1]!.subject).toBe('Three tips to get the most out of your account');
    expect(mails[1]!.to).toEqual(['ada@example.com']);
  });

  test('a retried identify creates no second contact, event or email', async ({ tend }) => {
    const call = { userId: 'u2', messageId: 'm-u2', traits: { email: 'grace@example.com', firstName: 'Grace' } };
    const before = tend.smtp.received.length;
    expect((await identify(tend, call)).statusCode).toBe(200);
    await tend.smtp.waitFor(before + 1);
    const retry = await identify(tend, call);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    // The same person identified again under a new messageId is not a new contact: no welcome.
    expect((await identify(tend, { ...call, messageId: 'm-u2-later', traits: { plan: 'pro' } })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const db = tend.database.db;
    const grace = (await db.select().from(contacts)).filter((contact) => contact.userId === 'u2');
    expect(grace).toHaveLength(1);
    expect(grace[0]!.traits).toMatchObject({ firstName: 'Grace', plan: 'pro' });
    expect((await db.select().from(events)).filter((event) => event.contactId === grace[0]!.id)).toHaveLength(2);
    expect(tend.smtp.received.filter((mail) => mail.to.includes('grace@example.com'))).toHaveLength(1);
    expect((await db.select().from(messages)).filter((row) => row.recipient === 'grace@example.com' && row.status === 'sent')).toHaveLength(1);
  });
});
