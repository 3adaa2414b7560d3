import { smtpTransport } from '@tend/channels';
import type { JourneyGraphInput } from '@tend/journey';
import { createJourneyWorker } from '@tend/worker';
import { expect, sharedWorkflowBundle, test } from './support/index.js';

const cart: JourneyGraphInput = {
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

// Regression: in a burst of entries the worker lags behind signalWithStart, and runs were only in
// the routing index once their first task ran, so an order placed meanwhile never reached the run.
test('routes an order to a run the worker has not picked up yet: no reminder for a cart that was bought', async ({ tend }) => {
  await tend.publish(cart);
  tend.worker.shutdown(); // the worker is busy elsewhere: nothing runs the new workflow yet
  await tend.identify('u1', { email: 'u1@example.com' });
  await tend.track('u1', 'Cart Started', { cartId: 'c1' });
  await tend.track('u1', 'Order Completed', { cartId: 'c1' });

  const email = smtpTransport(tend.smtp.url);
  const worker = await createJourneyWorker({ connection: tend.env.nativeConnection, db: tend.database.db, email, temporal: tend.env.client, workflowBundlePath: await sharedWorkflowBundle() });
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
