import { journeys, journeyVersions, workspaces, type Database, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import { compileJourney, type JourneyGraphInput } from '@tend/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveLibrary, templateAvailability } from './live-library.js';
import { publishTemplate } from './publish-template.js';
import { createStarterLibrary } from './starter-library.js';
import { TemplateError } from './template-error.js';
import { archiveTemplate, createTemplate, getTemplate, listTemplates, restoreTemplateVersion, saveTemplateDraft, templateVersion } from './template-store.js';

const workspaceId = 'ws';
const userId = null;

describe('the template library', () => {
  let handle: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    await db.insert(workspaces).values({ id: workspaceId, name: 'Acme', writeKey: 'wk', emailFrom: 'Acme <hi@acme.example>' });
  });
  afterAll(() => handle?.close());

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof TemplateError ? { reason: error.reason, message: error.message, field: error.field } : error));

  /** A journey whose live version sends `template`. */
  async function liveJourneySending(id: string, template: string) {
    const graph: JourneyGraphInput = {
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
    const compiled = compileJourney(graph);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    await db.insert(journeys).values({ workspaceId, id, name: id, liveVersion: 1 });
    await db.insert(journeyVersions).values({ workspaceId, journeyId: id, version: 1, hash: compiled.hash, graph, ir: compiled.ir });
  }

  it('creates an item whose starter draft already compiles, and refuses a bad or taken id', async () => {
    const created = await createTemplate(db, { workspaceId, id: 'promo', kind: 'template', name: 'Promo', userId });
    expect(created).toMatchObject({ id: 'promo', kind: 'template', name: 'Promo', revision: 1, liveVersion: null, versions: [], problems: [] });
    expect(created.draft.format).toBe('mjml');
    expect(await refusal(createTemplate(db, { workspaceId, id: 'promo', kind: 'partial', name: 'Again', userId }))).toMatchObject({ reason: 'exists', field: 'id' });
    expect(await refusal(createTemplate(db, { workspaceId, id: 'Bad Id', kind: 'partial', name: 'Bad', userId }))).toMatchObject({ reason: 'invalid', field: 'id' });
  });

  it('refuses a stale save, and returns the problems of a saved draft', async () => {
    await createTemplate(db, { workspaceId, id: 'news', kind: 'template', name: 'News', format: 'html', userId });
    const first = await saveTemplateDraft(db, { workspaceId, id: 'news', draft: { format: 'html', subject: 'News', body: '<p>{{ contact.firstName </p>' }, revision: 1, userId });
    expect(first.revision).toBe(2);
    expect(first.problems).toEqual([{ template: 'news', field: 'body', line: 1, column: 4, message: expect.stringContaining('not closed') }]);
    // Another tab still at revision 1.
    expect(await refusal(saveTemplateDraft(db, { workspaceId, id: 'news', draft: { format: 'html', subject: 'x', body: 'x' }, revision: 1, userId }))).toMatchObject({
      reason: 'conflict',
      message: expect.stringContaining('Reload'),
    });
    expect(await refusal(saveTemplateDraft(db, { workspaceId, id: 'news', draft: { format: 'pdf', body: '' }, revision: 2, userId }))).toMatchObject({ reason: 'invalid', field: 'draft.format' });
  });

  it('publishes versions, refuses a draft with problems, keeps identical content as it is, and restores an old version', async () => {
    await createTemplate(db, { workspaceId, id: 'receipt', kind: 'template', name: 'Receipt', format: 'html', userId });
    const save = (body: string, revision: number) => saveTemplateDraft(db, { workspaceId, id: 'receipt', draft: { format: 'html', subject: 'Your receipt', body }, revision, userId });
    await save('<p>Thanks {{ contact.firstName }}</p>', 1);
    expect(await publishTemplate(db, { workspaceId, id: 'receipt', revision: 2, userId })).toEqual({ ok: true, version: 1, unchanged: false });
    expect(await publishTemplate(db, { workspaceId, id: 'receipt', revision: 2, userId })).toEqual({ ok: true, version: 1, unchanged: true });
    // Publishing a revision that is not the draft's is refused: someone saved since.
    expect(await refusal(publishTemplate(db, { workspaceId, id: 'receipt', revision: 1, userId }))).toMatchObject({ reason: 'conflict' });

    await save('<p>Thanks {{ contact.firstName | upcse }}</p>', 2);
    const refused = await publishTemplate(db, { workspaceId, id: 'receipt', revision: 3, userId });
    expect(refused).toEqual({ ok: false, problems: [{ template: 'receipt', field: 'body', line: 1, column: 11, message: 'undefined filter: upcse' }] });

    await save('<p>Thank you, {{ contact.firstName }}</p>', 3);
    expect(await publishTemplate(db, { workspaceId, id: 'receipt', revision: 4, userId })).toEqual({ ok: true, version: 2, unchanged: false });
    const detail = await getTemplate(db, workspaceId, 'receipt');
    expect(detail.liveVersion).toBe(2);
    expect(detail.versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await templateVersion(db, workspaceId, 'receipt', 1)).content.body).toBe('<p>Thanks {{ contact.firstName }}</p>');

    expect(await restoreTemplateVersion(db, { workspaceId, id: 'receipt', version: 1, userId })).toEqual({ revision: 5 });
    expect((await getTemplate(db, workspaceId, 'receipt')).draft.body).toBe('<p>Thanks {{ contact.firstName }}</p>');
    // The live version is what sends use, until the restored draft is published.
    expect((await liveLibrary(db, workspaceId, { id: 'receipt' })).items.get('receipt')).toMatchObject({ version: 2 });
    expect(await refusal(templateVersion(db, workspaceId, 'receipt', 9))).toMatchObject({ reason: 'not-found' });
  });

  it('creates the starter library published, once', async () => {
    expect(await createStarterLibrary(db, { id: workspaceId, name: 'Acme' }, userId)).toEqual({ created: ['header', 'footer', 'product', 'base', 'welcome'] });
    expect(await createStarterLibrary(db, { id: workspaceId, name: 'Acme' }, userId)).toEqual({ created: [] });
    const welcome = await getTemplate(db, workspaceId, 'welcome');
    expect(welcome).toMatchObject({ liveVersion: 1, problems: [] });
    expect(await templateAvailability(db, workspaceId)).toEqual(expect.arrayContaining([{ id: 'welcome', live: true }, { id: 'promo', live: false }]));
  });

  it('refuses a partial version that breaks a live template using it, naming the template', async () => {
    const footer = await getTemplate(db, workspaceId, 'footer');
    // Inside the layout's body a column is not allowed: the welcome email would break.
    const saved = await saveTemplateDraft(db, { workspaceId, id: 'footer', draft: { format: 'mjml', body: '<mj-column><mj-text>Bye</mj-text></mj-column>' }, revision: footer.revision, userId });
    expect(saved.problems).toEqual([]);
    const refused = await publishTemplate(db, { workspaceId, id: 'footer', revision: saved.revision, userId });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^the live template "welcome" would no longer work with this version \(welcome: once assembled with its layout and partials: mj-column cannot be used inside/),
    ]);
    const draftChanged = async () => (await listTemplates(db, workspaceId)).find((item) => item.id === 'footer')?.draftChanged;
    expect(await draftChanged()).toBe(true);
    // A fixed footer publishes, and the next send uses it.
    const fixed = await saveTemplateDraft(db, { workspaceId, id: 'footer', draft: { format: 'mjml', body: '<mj-section><mj-column><mj-text>New footer</mj-text></mj-column></mj-section>' }, revision: saved.revision, userId });
    expect(await publishTemplate(db, { workspaceId, id: 'footer', revision: fixed.revision, userId })).toEqual({ ok: true, version: 2, unchanged: false });
    expect((await liveLibrary(db, workspaceId, { id: 'welcome' })).items.get('footer')).toMatchObject({ version: 2 });
    expect(await draftChanged()).toBe(false);
  });

  it('refuses to archive what is in use, naming the journeys or templates, and lists who uses what', async () => {
    await liveJourneySending('onboarding', 'welcome');
    expect(await refusal(archiveTemplate(db, workspaceId, 'welcome'))).toEqual({
      reason: 'in-use',
      field: undefined,
      message: 'the template "welcome" is sent by the live version of journey "onboarding": remove it from that journey (or archive them) first',
    });
    expect(await refusal(archiveTemplate(db, workspaceId, 'product'))).toMatchObject({ reason: 'in-use', message: 'the partial "product" is used by the live template "welcome": change it first' });

    const listed = await listTemplates(db, workspaceId);
    expect(Object.fromEntries(listed.map((item) => [item.id, item.usedBy]))).toMatchObject({ welcome: ['onboarding'], base: ['onboarding'], footer: ['onboarding'], product: ['onboarding'], promo: [] });

    // Unused: archived, listed last, no longer in the library sends see; publishing brings it back.
    const archived = await archiveTemplate(db, workspaceId, 'promo');
    expect(archived.id).toBe('promo');
    const after = await listTemplates(db, workspaceId);
    expect(after.at(-1)).toMatchObject({ id: 'promo', archivedAt: archived.archivedAt });
    expect(await templateAvailability(db, workspaceId)).not.toContainEqual(expect.objectContaining({ id: 'promo' }));
    const promo = await getTemplate(db, workspaceId, 'promo');
    expect(await publishTemplate(db, { workspaceId, id: 'promo', revision: promo.revision, userId })).toMatchObject({ ok: true, version: 1 });
    expect((await listTemplates(db, workspaceId)).find((item) => item.id === 'promo')?.archivedAt).toBeNull();
  });
});
