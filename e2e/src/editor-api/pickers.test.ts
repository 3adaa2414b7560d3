// The editor's pickers read what the workspace actually received: event names (page and screen
// calls as "Page Viewed"/"Screen Viewed"), an event's property keys, contacts' trait keys.
import { expect, test } from '../support/index.js';

test.beforeAll(async ({ tend }) => {
  await tend.identify('pick-ada', { email: 'ada@pick.example', firstName: 'Ada', plan: 'pro' });
  await tend.identify('pick-bob', { email: 'bob@pick.example', plan: 'free' });
  await tend.track('pick-ada', 'Order Completed', { total: 42, currency: 'EUR' });
  await tend.track('pick-bob', 'Order Completed', { total: 7, coupon: 'WELCOME' });
  await tend.track('pick-bob', 'Cart Viewed', { items: 2 });
  await tend.batch([
    { type: 'page', userId: 'pick-ada', name: 'Pricing', properties: { path: '/pricing' } },
    { type: 'page', userId: 'pick-bob', name: 'Home', properties: { path: '/' } },
    { type: 'page', userId: 'pick-bob', name: 'Pricing', properties: { path: '/pricing' } },
    { type: 'screen', userId: 'pick-ada', name: 'Settings' },
  ]);
});

test('events.names lists the names journeys see, most frequent first, and searches', async ({ tend }) => {
  const names = await tend.api.events.names({});
  expect(names.map(({ name, count }) => ({ name, count }))).toEqual([
    { name: 'Page Viewed', count: 3 },
    { name: 'Order Completed', count: 2 },
    { name: 'Cart Viewed', count: 1 },
    { name: 'Screen Viewed', count: 1 },
  ]);
  expect(Date.parse(names[0]!.lastSeen)).toBeGreaterThan(Date.now() - 60_000);
  expect((await tend.api.events.names({ search: 'order' })).map(({ name }) => name)).toEqual(['Order Completed']);
  expect(await tend.api.events.names({ search: '%' })).toEqual([]);
});

test('events.properties lists the keys seen on an event, most common first, with the latest example', async ({ tend }) => {
  expect(await tend.api.events.properties({ event: 'Order Completed' })).toEqual([
    { name: 'total', example: '7' },
    { name: 'coupon', example: 'WELCOME' },
    { name: 'currency', example: 'EUR' },
  ]);
  expect(await tend.api.events.properties({ event: 'Page Viewed' })).toEqual(expect.arrayContaining([{ name: 'path', example: '/pricing' }]));
  expect(await tend.api.events.properties({ event: 'Never Sent' })).toEqual([]);
});

test('contacts.traitNames lists trait keys with an example; contacts.search finds a sample contact', async ({ tend }) => {
  const traits = await tend.api.contacts.traitNames();
  expect(traits.slice(0, 2).map(({ name }) => name).sort()).toEqual(['email', 'plan']);
  expect(traits).toContainEqual({ name: 'firstName', example: 'Ada' });

  const found = await tend.api.contacts.search({ search: 'ada@pick' });
  expect(found).toEqual([{ id: await tend.contactId('pick-ada'), userId: 'pick-ada', email: 'ada@pick.example' }]);
  expect((await tend.api.contacts.search({ search: 'pick-' })).map(({ userId }) => userId).sort()).toEqual(['pick-ada', 'pick-bob']);
});
