import { smtpTransport } from '@tend/channels';
import { publishJourney } from '@tend/server';
import { createJourneyWorker } from '@tend/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTend, type TestTend } from './testing/index.js';

const cart = {
  id: 'cart',
  name: 'Cart reminder',
  nodes: [
    { id: 'started', type: 'trigger.event', data: { event: 'Cart Started' } },
    { id: 'wait', type: 'wait-for-event', data: { event: 'Order Completed', matchEntryProperty: 'cartId', timeout: { amount: 4, unit: 'hours' } } },
    { id: 'reminder', type: 'send-email', data: { subject: 'Your cart', html: '<p>Still thinking?</p>' } },
    { id: 'bought', type: 'exit' },
    { id: 'done', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'started', target: 'wait' },
    { id: 'b', source: 'wait', sourceHandle: 'happened', target: 'bought' },
    { id: 'c', source: 'wait', sourceHandle: 'timed-out', target: 'reminder' },
    { id: 'd', source: 'reminder', target: 'done' },
  ],
};

let tend: TestTend;
beforeAll(async () => {
  tend = await startTestTend();
  expect((await publishJourney(tend.database.db, tend.workspace.id, cart as never)).ok).toBe(true);
});
afterAll(() => tend?.stop());

// Regression: in a burst of entries the worker lags behind signalWithStart, and runs were only in
// the routing index once their first task ran, so an order placed meanwhile never reached the run.
it('routes an order to a run the worker has not picked up yet: no reminder for a cart that was bought', async () => {
  tend.worker.shutdown(); // the worker is busy elsewhere: nothing runs the new workflow yet
  const post = (url: string, payload: object) => tend.app.inject({ method: 'POST', url, headers: { authorization: tend.auth }, payload });
  await post('/v1/identify', { userId: 'u1', traits: { email: 'u1@example.com' } });
  expect((await post('/v1/track', { userId: 'u1', event: 'Cart Started', properties: { cartId: 'c1' } })).statusCode).toBe(200);
  expect((await post('/v1/track', { userId: 'u1', event: 'Order Completed', properties: { cartId: 'c1' } })).statusCode).toBe(200);

  const email = smtpTransport(tend.smtp.url);
  const worker = await createJourneyWorker({ connection: tend.env.nativeConnection, db: tend.database.db, email, temporal: tend.env.client });
  const running = worker.run();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await tend.env.sleep('5 hours');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tend.smtp.received).toHaveLength(0);
  } finally {
    worker.shutdown();
    await running;
    email.close();
  }
});
