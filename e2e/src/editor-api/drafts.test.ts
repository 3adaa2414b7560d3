// The editor's working copy: autosave with revisions (a stale save is refused, naming who saved),
// new journeys that exist only as drafts, and reading any published version.
import { auditLog, and, eq } from '@tend/db';
import { expect, journey, email, test } from '../support/index.js';

test('a save based on the stored revision goes through; a stale one is refused naming who saved, unless forced', async ({ tend }) => {
  await tend.api.journeys.create({ id: 'drafted', name: 'Drafted' });
  const opened = await tend.api.drafts.get({ id: 'drafted' });
  expect(opened).toMatchObject({ revision: 1, graph: { id: 'drafted', name: 'Drafted', nodes: [], edges: [] }, updatedBy: tend.owner.email });

  const graph = { id: 'drafted', name: 'Drafted', nodes: [{ id: 'start', type: 'trigger.event', data: {} }], edges: [] };
  const saved = await tend.api.drafts.save({ id: 'drafted', graph, baseRevision: 1 });
  expect(saved.revision).toBe(2);
  expect(Date.parse(saved.updatedAt)).not.toBeNaN();
  // Kept as sent, even though it would not publish (the trigger has no event yet).
  expect((await tend.api.drafts.get({ id: 'drafted' }))?.graph).toEqual(graph);

  // Another tab still on revision 1.
  const stale = tend.api.drafts.save({ id: 'drafted', graph: { ...graph, nodes: [] }, baseRevision: 1 });
  await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(stale).rejects.toThrow(new RegExp(`Someone saved this draft after you opened it \\(revision 2, .* UTC by ${tend.owner.email.replace('.', '\\.')}\\)\\. Reload to see their changes, or overwrite them\\.`));
  // "I believe there is no draft yet" is stale too.
  await expect(tend.api.drafts.save({ id: 'drafted', graph, baseRevision: null })).rejects.toMatchObject({ code: 'CONFLICT' });

  const forced = await tend.api.drafts.save({ id: 'drafted', graph: { ...graph, nodes: [] }, baseRevision: 1, force: true });
  expect(forced.revision).toBe(3);
  expect((await tend.api.drafts.get({ id: 'drafted' }))?.graph).toMatchObject({ nodes: [] });
});

test('two saves racing on one revision: exactly one wins', async ({ tend }) => {
  await tend.api.journeys.create({ id: 'raced', name: 'Raced' });
  const results = await Promise.allSettled(
    Array.from({ length: 5 }, (_, index) => tend.api.drafts.save({ id: 'raced', graph: { id: 'raced', name: `try ${index}`, nodes: [], edges: [] }, baseRevision: 1 })),
  );
  expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  expect((await tend.api.drafts.get({ id: 'raced' }))?.revision).toBe(2);
});

test('a draft over 2 MB is refused with its size; a draft of an unknown journey is not found', async ({ tend }) => {
  await tend.api.journeys.create({ id: 'huge', name: 'Huge' });
  const graph = { id: 'huge', name: 'Huge', nodes: [{ id: 'mail', type: 'send-email', data: { html: 'x'.repeat(2.2 * 1024 * 1024) } }], edges: [] };
  await expect(tend.api.drafts.save({ id: 'huge', graph, baseRevision: 1 })).rejects.toThrow(/this draft is 2\.2 MB; a draft can be at most 2 MB/);
  await expect(tend.api.drafts.save({ id: 'no-such-journey', graph: {}, baseRevision: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect(await tend.api.drafts.get({ id: 'no-such-journey' })).toBeNull();
});

test('a new journey has a draft and no live version, is listed with hasDraft, and is audited', async ({ tend }) => {
  const template = { id: 'whatever', name: 'Template name', nodes: [{ id: 'start', type: 'trigger.event', data: { event: 'Signed Up' } }], edges: [] };
  expect(await tend.api.journeys.create({ id: 'from-template', name: 'From a template', graph: template })).toEqual({ id: 'from-template' });
  // The draft carries the journey's id and name, whatever the template said.
  expect((await tend.api.drafts.get({ id: 'from-template' }))?.graph).toEqual({ ...template, id: 'from-template', name: 'From a template' });

  const listed = (await tend.api.journeys.list()).find((row) => row.id === 'from-template');
  expect(listed).toMatchObject({ name: 'From a template', liveVersion: null, hasDraft: true, nodeCount: 0, entries7d: 0, entries30d: 0, conversions30d: 0 });
  expect(listed?.trend).toHaveLength(30);
  expect(await tend.api.journeys.get({ id: 'from-template' })).toMatchObject({ liveVersion: null, graph: null, versions: [] });

  const [entry] = await tend.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'journey.create'), eq(auditLog.target, 'from-template')));
  expect(entry?.actorLabel).toBe(tend.owner.email);

  await expect(tend.api.journeys.create({ id: 'from-template', name: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already exists') });
  await expect(tend.api.journeys.create({ id: 'Not A Slug', name: 'Bad' })).rejects.toThrow(/lowercase letters, digits and dashes/);
});

test('a published journey then saved as a draft lists hasDraft; any version reads back with its graph', async ({ tend }) => {
  const first = journey('versioned', { nodes: { start: ['trigger.event', { event: 'versioned go' }], hello: email('One'), done: ['exit'] }, edges: ['start -> hello', 'hello -> done'] });
  await tend.publish(first);
  const second = journey('versioned', { nodes: { start: ['trigger.event', { event: 'versioned go' }], hello: email('Two'), done: ['exit'] }, edges: ['start -> hello', 'hello -> done'] });
  await tend.publish(second);
  expect((await tend.api.journeys.list()).find((row) => row.id === 'versioned')?.hasDraft).toBe(false);

  const v1 = await tend.api.journeys.version({ id: 'versioned', version: 1 });
  expect(v1).toMatchObject({ version: 1, graph: { nodes: expect.arrayContaining([expect.objectContaining({ id: 'hello', data: { subject: 'One', html: '<p>One</p>' } })]) } });
  expect(v1.hash).toMatch(/\w+/);
  expect(Date.parse(v1.publishedAt)).not.toBeNaN();
  expect((await tend.api.journeys.version({ id: 'versioned', version: 2 })).hash).not.toBe(v1.hash);
  await expect(tend.api.journeys.version({ id: 'versioned', version: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'journey "versioned" has no version 9' });

  // Restore v1 as the draft.
  await tend.api.drafts.save({ id: 'versioned', graph: v1.graph, baseRevision: null });
  expect((await tend.api.journeys.list()).find((row) => row.id === 'versioned')?.hasDraft).toBe(true);
});
