import { describe } from 'vitest';
import { email, journey, settle, test, expect } from './engine-fixture.js';

describe('experiment', () => {
  test.skip('wait 400 days', async ({ tend }) => {
    await tend.publish(journey('x-wait', {
      nodes: { t: ['trigger.event', { event: 'Go' }], w: ['wait', { amount: 400, unit: 'days' }], e: email('after 400'), x: ['exit'] },
      edges: ['t -> w', 'w -> e', 'e -> x'],
    }));
    await tend.identify('a', { email: 'a@example.com' });
    const t0 = await tend.now();
    await tend.track('a', 'Go');
    await settle(500);
    console.log('pos', await tend.position('a', 'x-wait'));
    const s = Date.now();
    await tend.sleep('399 days');
    console.log('slept 399 in', Date.now() - s, (await tend.now() - t0) / 86400000);
    await settle();
    expect(tend.mailTo('a@example.com')).toHaveLength(0);
    await tend.sleep('2 days');
    await tend.waitForMail('a@example.com', 1);
    console.log(await tend.trail('a', 'x-wait'));
  });

  test('worker offline', async ({ tend }) => {
    await tend.publish(journey('x-crash', {
      nodes: { t: ['trigger.event', { event: 'Go' }], w: ['wait', { amount: 1, unit: 'hours' }], e: email('after crash'), x: ['exit'] },
      edges: ['t -> w', 'w -> e', 'e -> x'],
    }));
    tend.worker.shutdown();
    while (tend.worker.getState() !== 'STOPPED') await settle(50);
    const { createActivities, sourceBundlerOptions } = await import('@tend/worker');
    const { workflowsPath } = await import('@tend/workflows/path');
    const { Worker } = await import('@temporalio/worker');
    const { smtpTransport: st } = await import('@tend/channels');
    const t1 = st(tend.smtp.url);
    const workerA = await Worker.create({ connection: tend.env.nativeConnection, taskQueue: 'tend-journeys', activities: createActivities({ db: tend.database.db, email: t1, temporal: tend.env.client }), workflowsPath, bundlerOptions: sourceBundlerOptions, maxCachedWorkflows: 0 });
    const runningA = workerA.run();
    await tend.identify('b', { email: 'b@example.com' });
    await tend.track('b', 'Go');
    await settle(500);
    workerA.shutdown(); await runningA;
    console.log('state', tend.worker.getState());
    let s = Date.now();
    await tend.sleep('30 minutes');
    console.log('slept 30m with no worker in', Date.now() - s);
    s = Date.now();
    const sleeping = tend.sleep('3 hours');
    await settle(2000);
    console.log('mail while down', tend.mailTo('b@example.com').length, 'now', new Date(await tend.now()));
    const { createJourneyWorker } = await import('@tend/worker');
    const { smtpTransport } = await import('@tend/channels');
    const transport = smtpTransport(tend.smtp.url);
    const worker = await createJourneyWorker({ connection: tend.env.nativeConnection, db: tend.database.db, email: transport, temporal: tend.env.client });
    const running = worker.run();
    await sleeping;
    console.log('slept 3h in', Date.now() - s);
    await tend.waitForMail('b@example.com', 1);
    await settle(1000);
    console.log('mails', tend.mailTo('b@example.com').length);
    worker.shutdown();
    await running;
    transport.close();
  });
});
