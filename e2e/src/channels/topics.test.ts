// A message names its subscription topic by id. A typo ("offres") would reach the contacts who
// unsubscribed from "offers", and a removed topic is one nobody can unsubscribe from on the
// preference page: publish refuses the first, and a topic in use cannot be removed.
import type { JourneyGraphInput } from '@tend/journey';
import { expect, test } from '../support/index.js';

function offer(id: string, topic: string): JourneyGraphInput {
  return {
    id,
    name: `Offer ${id}`,
    nodes: [
      { id: 'in', type: 'trigger.event', data: { event: 'Joined' } },
      { id: 'offer', type: 'send-sms', data: { body: 'Half price this week', topic } },
      { id: 'out', type: 'exit' },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'offer' },
      { id: 'b', source: 'offer', target: 'out' },
    ],
  };
}

test('publish refuses a message under a topic the workspace does not have, at the node’s field', async ({ tend }) => {
  await tend.api.policy.saveTopic({ id: 'weekly-offers', name: 'Weekly offers' });
  const refused = await tend.api.journeys.publish({ graph: offer('typo-topic', 'weekly-offres') });
  expect(refused).toEqual({ ok: false, problems: [{ nodeId: 'offer', field: 'topic', message: expect.stringMatching(/^there is no topic "weekly-offres": choose one of .*"weekly-offers"/) }] });
  expect(await tend.api.journeys.publish({ graph: offer('typo-topic', 'weekly-offers') })).toMatchObject({ ok: true });
});

test('a topic a live journey sends under is kept until the journey stops using it', async ({ tend }) => {
  await tend.api.policy.saveTopic({ id: 'flash-sales', name: 'Flash sales' });
  await tend.api.journeys.publish({ graph: offer('flash-sale', 'flash-sales') });
  await expect(tend.api.policy.removeTopic({ id: 'flash-sales' })).rejects.toThrow('"Offer flash-sale" sends under the topic "flash-sales": choose another topic there and publish, or archive it, then remove it');
  expect((await tend.api.policy.topics()).map((topic) => topic.id)).toContain('flash-sales');

  await tend.api.journeys.archive({ id: 'flash-sale' });
  expect(await tend.api.policy.removeTopic({ id: 'flash-sales' })).toEqual({ id: 'flash-sales' });
  expect((await tend.api.policy.topics()).map((topic) => topic.id)).not.toContain('flash-sales');
});
