import { buildServer, checkHealth } from '@tend/server';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe } from 'vitest';
import { nodes as customNodes } from '../../../examples/nodes/discount-code.js';
import { openConsoleAs } from '../support/browser-session.js';
import { email } from '../support/journeys.js';
import { expect, test } from '../support/index.js';
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  inspector,
  nodeIds,
  openEditor,
  openEditorAfresh,
  publishFromToolbar,
  runBrowser,
  saveState,
  screenshot,
  settleView,
  startBrowser,
  waitUntilSaved,
} from './support/editor-ui.js';
import { editorJourney } from './support/graphs.js';

if (!runBrowser) console.warn("editing.test.ts skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

const welcome = (id: string, name: string, days = 2) =>
  editorJourney(id, name, {
    nodes: { start: ['trigger.event', { event: 'Signed Up' }], pause: ['wait', { amount: days, unit: 'days' }], hello: email('Hello'), done: ['exit'] },
    edges: ['start -> pause', 'pause -> hello', 'hello -> done'],
  });

describe.runIf(runBrowser)('editing a journey: undo, the clipboard, two tabs, versions, custom nodes, email templates, topics', () => {
  let browser: Browser;
  let page: Page;
  let url: string;

  test.beforeAll(async ({ tend }) => {
    url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await startBrowser();
    page = await openConsoleAs(browser, tend, url, { email: 'mara@shop.example', role: 'marketer' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('undo and redo by button and keyboard; steps copied in one journey paste into another', async ({ tend }) => {
    await tend.api.journeys.create({ id: 'copy-from', name: 'Copy from', graph: welcome('copy-from', 'Copy from') });
    await tend.api.journeys.create({
      id: 'copy-to',
      name: 'Copy to',
      graph: editorJourney('copy-to', 'Copy to', { nodes: { begin: ['trigger.identify'], end: ['exit'] }, edges: ['begin -> end'] }),
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await openEditor(page, url, 'copy-from');
    await expect.poll(() => canvasNodes(page).count()).toBe(4);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    expect(await undo.isDisabled()).toBe(true);

    await canvasNode(page, 'pause').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page)).toEqual(['done', 'hello', 'start']);
    await expect.poll(() => canvasEdges(page).count()).toBe(1);
    await undo.click();
    await expect.poll(() => nodeIds(page)).toEqual(['done', 'hello', 'pause', 'start']);
    await expect.poll(() => canvasEdges(page).count()).toBe(3);
    await redo.click();
    await expect.poll(() => nodeIds(page)).toEqual(['done', 'hello', 'start']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page)).toEqual(['done', 'hello', 'pause', 'start']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodeIds(page)).toEqual(['done', 'hello', 'start']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvasEdges(page).count()).toBe(3);
    expect(await redo.isDisabled()).toBe(false);
    await waitUntilSaved(page);

    // The wait and the email, with the edge between them, go to the other journey in another tab.
    await canvasNode(page, 'pause').click();
    await canvasNode(page, 'hello').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    const other = await page.context().newPage();
    try {
      await openEditor(other, url, 'copy-to');
      await expect.poll(() => canvasNodes(other).count()).toBe(2);
      await other.keyboard.press('Control+v');
      await expect.poll(() => nodeIds(other)).toEqual(['begin', 'end', 'send-email-1', 'wait-1']);
      await expect.poll(() => canvasEdges(other).count()).toBe(2);
      await expect.poll(() => canvasNode(other, 'send-email-1').innerText()).toContain('Email: Hello');
      await waitUntilSaved(other);
      const draft = await tend.api.drafts.get({ id: 'copy-to' });
      expect(draft?.graph).toMatchObject({
        nodes: expect.arrayContaining([
          expect.objectContaining({ id: 'wait-1', type: 'wait', data: { amount: 2, unit: 'days' } }),
          expect.objectContaining({ id: 'send-email-1', type: 'send-email', data: { subject: 'Hello', html: '<p>Hello</p>' } }),
        ]),
        edges: expect.arrayContaining([expect.objectContaining({ source: 'wait-1', target: 'send-email-1' })]),
      });
    } finally {
      await other.close();
    }
  });

  test('a save from a stale tab is refused with the reason; "Reload" and "Overwrite" both work', async ({ tend }) => {
    await tend.api.journeys.create({ id: 'shared', name: 'Shared draft', graph: welcome('shared', 'Shared draft') });
    const sam = await openConsoleAs(browser, tend, url, { email: 'sam@shop.example', role: 'marketer' });
    try {
      await openEditor(page, url, 'shared');
      await openEditor(sam, url, 'shared');
      const add = (who: Page, title: string) => who.getByRole('navigation', { name: 'Steps to add' }).getByRole('button', { name: title, exact: true }).click();

      await add(page, 'Wait');
      await waitUntilSaved(page);
      await add(sam, 'Goal');
      const conflict = sam.getByRole('dialog', { name: 'Someone else changed this draft' });
      await expect.poll(() => conflict.innerText(), { timeout: 15_000 }).toContain('Someone saved this draft after you opened it');
      expect(await conflict.innerText()).toContain('mara@shop.example');
      expect(await saveState(sam).innerText()).toBe('Not saved: someone else saved');
      await screenshot(sam, '08-stale-save-conflict');

      // Reload: Sam gets Mara's draft, and his unsaved step is gone.
      await conflict.getByRole('button', { name: 'Reload their version' }).click();
      await expect.poll(() => nodeIds(sam)).toEqual(['done', 'hello', 'pause', 'start', 'wait-1']);
      expect(await conflict.isVisible()).toBe(false);
      await waitUntilSaved(sam);

      // Overwrite: Mara saves again, then Sam keeps his version over hers.
      await add(page, 'Wait until');
      await waitUntilSaved(page);
      await add(sam, 'Random split');
      await expect.poll(() => conflict.isVisible(), { timeout: 15_000 }).toBe(true);
      await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
      await waitUntilSaved(sam);
      expect(await conflict.isVisible()).toBe(false);
      const draft = await tend.api.drafts.get({ id: 'shared' });
      const saved = ((draft?.graph as { nodes: { id: string }[] }).nodes ?? []).map((node) => node.id).sort();
      expect(saved).toEqual(['done', 'hello', 'pause', 'split-1', 'start', 'wait-1']);
    } finally {
      await sam.context().close();
    }
  });

  test('version history: an old version opens read-only and is restored as the draft', async ({ tend }) => {
    await tend.publish(welcome('history', 'Welcome history', 2));
    await tend.publish(welcome('history', 'Welcome history', 5));
    await openEditor(page, url, 'history', '/history');
    const versions = page.getByRole('navigation', { name: 'Versions' });
    await expect.poll(() => versions.innerText()).toMatch(/v2\s*live[\s\S]*v1/);
    await expect.poll(() => canvasNode(page, 'pause').innerText()).toContain('Wait 5 days');

    await versions.getByRole('link', { name: /^v1/ }).click();
    const v1 = page.getByRole('region', { name: 'Version 1' });
    await expect.poll(() => canvasNode(page, 'pause').innerText()).toContain('Wait 2 days');
    // Read-only: no palette, nothing to connect or add.
    expect(await page.getByRole('navigation', { name: 'Steps to add' }).count()).toBe(0);
    expect(await v1.getByRole('button', { name: 'Connect output…' }).count()).toBe(0);
    expect(await v1.getByRole('button', { name: /Add a step after/ }).count()).toBe(0);
    await settleView(page);
    await screenshot(page, '07-version-history');

    await v1.getByRole('button', { name: 'Restore as draft…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore version 1 as the draft?' });
    await confirm.getByRole('button', { name: 'Replace the draft' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/journeys\/history$/);
    await expect.poll(() => canvasNode(page, 'pause').innerText()).toContain('Wait 2 days');
    await waitUntilSaved(page);
    const draft = await tend.api.drafts.get({ id: 'history' });
    expect(draft?.graph).toMatchObject({ nodes: expect.arrayContaining([expect.objectContaining({ id: 'pause', data: { amount: 2, unit: 'days' } })]) });
    // The live version is still v2 until the restored draft is published.
    expect((await tend.api.journeys.get({ id: 'history' })).liveVersion).toBe(2);
  });

  test("a custom node from the server's TEND_NODES is in the palette and its form works", async ({ tend }) => {
    // The same Tend with the example discount-code node loaded, as TEND_NODES=examples/nodes/discount-code.ts does.
    let custom: FastifyInstance | undefined;
    try {
      custom = await buildServer({
        db: tend.database.db,
        temporal: tend.env.client,
        health: () => checkHealth(tend.database, tend.env.client, 'default'),
        customNodes,
      });
      const customUrl = await custom.listen({ host: '127.0.0.1', port: 0 });
      const cora = await openConsoleAs(browser, tend, customUrl, { email: 'cora@shop.example', role: 'marketer' });
      await tend.api.journeys.create({ id: 'discounts', name: 'Discounts' });
      await openEditor(cora, customUrl, 'discounts');
      const actions = cora.getByRole('navigation', { name: 'Steps to add' }).getByRole('region', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Create discount code' }).click();
      const node = canvasNode(cora, 'acme-discount-code-1');
      await expect.poll(() => node.innerText()).toContain('Discount code WELCOME10-…, 10% off');

      const form = inspector(cora, 'Create discount code');
      await form.getByLabel('Prefix').fill('vip');
      // The browser rebuilds the node's schema from JSON Schema, which carries the pattern but not
      // the node's own words ("use 2 to 8 capital letters"): either says what is wrong.
      await expect.poll(() => form.locator('.inspector-field:not(.rjsf-field-object)', { hasText: 'Prefix' }).innerText()).toMatch(/capital letters|must match pattern/);
      expect(await node.getByRole('img', { name: '1 problem' }).count()).toBe(1);
      await form.getByLabel('Prefix').fill('VIP');
      await form.getByLabel('Percent off').fill('60');
      await expect.poll(() => form.locator('.inspector-field:not(.rjsf-field-object)', { hasText: 'Percent off' }).innerText()).toMatch(/at most 50%|<=\s*50/);
      await form.getByLabel('Percent off').fill('20');
      await expect.poll(() => node.innerText()).toContain('Discount code VIP20-…, 20% off');
      // A valid config: what is left is the graph's (the step leads nowhere yet), not the form's.
      await expect.poll(() => node.getByRole('img', { name: /problem/ }).getAttribute('title')).toBe('outputs.next: connect this output (end a path with an Exit node)');
      await waitUntilSaved(cora);
      const draft = await tend.api.drafts.get({ id: 'discounts' });
      expect(draft?.graph).toMatchObject({ nodes: [{ id: 'acme-discount-code-1', type: 'acme.discount-code', data: { prefix: 'VIP', percentOff: 20 } }] });
      await cora.context().close();
    } finally {
      await custom?.close();
    }
  });
  test('the email library: starter library, a problem at its line, the preview, publish, and a journey sending the template', async ({ tend }) => {
    await page.goto(`${url}/#/templates`);
    const empty = page.getByRole('heading', { name: 'No email templates yet' });
    await empty.waitFor();
    await page.getByRole('button', { name: 'Start with a base layout, header, footer and product block' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Templates' }).innerText()).toContain('Welcome');
    expect(await page.getByRole('region', { name: 'Partials' }).innerText()).toMatch(/Footer[\s\S]*v1 live/);
    await page.getByRole('link', { name: 'Welcome', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome', exact: true }).waitFor();
    const preview = page.frameLocator('iframe[title="Email preview"]');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 15_000 }).toContain('Welcome, Ada!');

    // An element MJML does not know, on line 3: marked there, listed with its place, and publish refuses it.
    const starter = (await tend.api.templates.get({ id: 'welcome' })).draft.body.split('\n');
    const withLine3 = (line: string) => [...starter.slice(0, 2), line, ...starter.slice(2)].join('\n');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.fill(withLine3('<mj-textt>Oops</mj-textt>'));
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect.poll(() => problems.innerText(), { timeout: 15_000 }).toContain("Body, line 3, column 1: Element mj-textt doesn't exist or is not registered");
    expect(await page.locator('.cm-problem-line').innerText()).toContain('<mj-textt>Oops</mj-textt>');
    await problems.getByRole('button', { name: /line 3/ }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('.template-header').innerText()).toContain('Not published: 1 problem to fix');
    expect((await tend.api.templates.get({ id: 'welcome' })).liveVersion).toBe(1);
    await screenshot(page, '09-template-problem');

    // Fixed: no problems, and the preview shows it for the made-up contact.
    await body.fill(withLine3('<mj-section><mj-column><mj-text>Hello {{ contact.firstName }}, glad you came.</mj-text></mj-column></mj-section>'));
    await expect.poll(() => problems.innerText(), { timeout: 15_000 }).toContain('No problems');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 15_000 }).toContain('Hello Ada, glad you came.');
    await page.getByRole('button', { name: 'Mobile' }).click();
    await page.getByRole('button', { name: 'Text', exact: true }).click();
    await expect.poll(() => page.getByLabel('Text part as sent').innerText()).toContain('Hello Ada, glad you came.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('.template-header').innerText(), { timeout: 15_000 }).toContain('Published version 2');
    await expect.poll(() => page.getByRole('region', { name: 'Versions' }).innerText()).toMatch(/v2 live[\s\S]*v1/);
    expect(await saveState(page).innerText()).toBe('Saved');
    await screenshot(page, '10-template-editor');

    // A journey picks it: unpublished templates cannot be chosen, a wrong id is marked before publish.
    await tend.api.templates.create({ id: 'order-shipped', kind: 'template', name: 'Order shipped' });
    await tend.api.journeys.create({
      id: 'templated',
      name: 'Templated welcome',
      graph: editorJourney('templated', 'Templated welcome', {
        nodes: { start: ['trigger.event', { event: 'Signed Up' }], mail: ['send-email', { template: 'welcom', subject: '', html: '' }], done: ['exit'] },
        edges: ['start -> mail', 'mail -> done'],
      }),
    });
    // The console read the library a moment ago, before the API call above.
    await openEditorAfresh(page, url, 'templated');
    const mail = canvasNode(page, 'mail');
    await expect.poll(() => mail.getByRole('img', { name: /problem/ }).getAttribute('title')).toContain('there is no email template "welcom": create it under Templates');
    await mail.click();
    const form = inspector(page, 'Send email');
    const picker = form.getByRole('combobox', { name: /^Template/ });
    const unpublished = picker.locator('option', { hasText: 'Order shipped' });
    expect(await unpublished.getAttribute('disabled')).not.toBeNull();
    expect(await unpublished.textContent()).toContain('publish it first');
    await picker.selectOption('welcome');
    await expect.poll(() => mail.innerText()).toContain('Email: template welcome');
    await expect.poll(() => mail.getByRole('img', { name: /problem/ }).count()).toBe(0);
    expect(await form.innerText()).toContain('Empty: the subject of the template "welcome". Written here, it replaces it.');
    expect(await form.getByRole('link', { name: 'Open template' }).getAttribute('href')).toBe('#/templates/welcome');
    const publish = await publishFromToolbar(page, 'Templated welcome');
    await expect.poll(() => publish.innerText()).toContain('Published version 1.');
    const live = await tend.api.journeys.get({ id: 'templated' });
    expect(live.graph?.nodes.find((node) => node.id === 'mail')?.data).toMatchObject({ template: 'welcome' });
    expect((await tend.api.templates.list()).find((item) => item.id === 'welcome')?.usedBy).toEqual(['templated']);
  });

  test('a message step picks its topic from the workspace’s: one that is none of them is marked before publish', async ({ tend }) => {
    await tend.api.policy.saveTopic({ id: 'offers', name: 'Offers' });
    await tend.api.journeys.create({
      id: 'topical',
      name: 'Topical offer',
      graph: editorJourney('topical', 'Topical offer', {
        nodes: { start: ['trigger.event', { event: 'Signed Up' }], text: ['send-sms', { body: 'Half price this week', topic: 'offres' }], done: ['exit'] },
        edges: ['start -> text', 'text -> done'],
      }),
    });
    // The console read the topics a moment ago, before the API call above.
    await openEditorAfresh(page, url, 'topical');
    const text = canvasNode(page, 'text');
    await expect.poll(() => text.getByRole('img', { name: /problem/ }).getAttribute('title')).toContain('there is no topic "offres": choose one of');
    await text.click();
    const picker = inspector(page, 'Send SMS').getByRole('combobox', { name: /^Topic/ });
    expect(await picker.locator('option', { hasText: 'offres (no such topic)' }).getAttribute('disabled')).not.toBeNull();
    await picker.selectOption('offers');
    await expect.poll(() => text.getByRole('img', { name: /problem/ }).count()).toBe(0);
    const publish = await publishFromToolbar(page, 'Topical offer');
    await expect.poll(() => publish.innerText()).toContain('Published version 1.');
    expect((await tend.api.journeys.get({ id: 'topical' })).graph?.nodes.find((node) => node.id === 'text')?.data).toMatchObject({ topic: 'offers' });
  });
});
