import { email, eventually, journey, settle, test } from './engine-fixture.js';

const j = (subject: string) => journey('moved', { nodes: { go: ['trigger.event', { event: 'moved go' }], wait: ['wait', { amount: 3, unit: 'days' }], mail: email(subject), done: ['exit'] }, edges: ['go -> wait', 'wait -> mail', 'mail -> done'] });
for (const sleepFirst of [false, true]) test('debug move, sleep first: ' + sleepFirst, async ({ tend }) => {
  const user = 'mover' + sleepFirst;
  await tend.publish(j('v1' + sleepFirst));
  await tend.identify(user, { email: user + '@example.com' });
  await tend.track(user, 'moved go');
  await eventually(async () => (await tend.position(user, 'moved').catch(() => null))?.status === 'waiting', 'wait');
  if (sleepFirst) await tend.sleep('1 hour');
  const p = tend.publish(j('v2' + sleepFirst), { moveWaiting: true }).then((r) => console.log('published', r));
  await Promise.race([p, settle(3000)]);
  const handle = tend.env.client.workflow.getHandle(await tend.workflowId(user, 'moved'));
  const q = handle.query('position').then((r) => console.log('position', r));
  await Promise.race([q, settle(5000)]);
  console.log('end');
}, 120_000);
