import { httpSmsTransport } from '@tend/channels';
import { devMailbox } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import { expect, it } from 'vitest';
import { startSmsCatcher } from './sms-catcher.js';

it('keeps every text Tend sends on npm start in the dev mailbox, for the Outbox', async () => {
  const database = await openTestDatabase('pglite');
  const catcher = await startSmsCatcher(database.db, 0);
  try {
    const sms = httpSmsTransport(catcher.url);
    await sms.send({ to: '+33612345678', body: 'Your cart is waiting', idempotencyKey: 'wf/run/sms/1' });
    const [text] = await database.db.select().from(devMailbox);
    expect(text).toMatchObject({ from: 'SMS', to: '+33612345678', subject: 'SMS to +33612345678', text: 'Your cart is waiting', messageId: 'wf/run/sms/1' });
    const refused = await fetch(catcher.url, { method: 'POST', body: '{"to":1}' });
    expect(refused.status).toBe(400);
  } finally {
    await catcher.stop();
    await database.close();
  }
});
