import type { Browser, Page } from 'playwright-core';
import { afterAll, describe } from 'vitest';
import { openConsoleAs } from '../support/browser-session.js';
import { expect, test, type Tend } from '../support/index.js';
import { canvasEdges, canvasNode, openEditor, runBrowser, screenshot, startBrowser, waitUntilSaved } from './support/editor-ui.js';
import { editorJourney } from './support/graphs.js';

if (!runBrowser) console.warn("contacts-in-flight.test.ts skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

/** Resolves once `count` contacts wait at the node (what the Watch tab and the publish dialog count). */
async function waitingAt(tend: Tend, journeyId: string, nodeId: string, count: number): Promise<void> {
  await expect.poll(async () => (await tend.api.journeys.stats({ id: journeyId })).nodes[nodeId]?.waiting ?? 0, { timeout: 20_000 }).toBe(count);
}

describe.runIf(runBrowser)('contacts in a live journey, from the editor', () => {
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

  test('publishing without a wait contacts are at moves them to the wait chosen in the node map', async ({ tend }) => {
    await tend.publish(
      editorJourney('trial', 'Trial nudges', {
        nodes: {
          start: ['trigger.event', { event: 'Trial Started' }],
          long: ['wait', { amount: 3, unit: 'days' }],
          short: ['wait', { amount: 1, unit: 'days' }],
          final: ['wait', { amount: 2, unit: 'hours' }],
          done: ['exit'],
        },
        edges: ['start -> long', 'long -> short', 'short -> final', 'final -> done'],
      }),
    );
    for (const userId of ['trial-1', 'trial-2']) {
      await tend.identify(userId, { email: `${userId}@example.com` });
      await tend.track(userId, 'Trial Started');
    }
    await waitingAt(tend, 'trial', 'long', 2);

    // The draft drops the 3-day wait: the trigger leads straight to the 1-day one.
    await openEditor(page, url, 'trial');
    await canvasNode(page, 'long').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => canvasNode(page, 'long').count()).toBe(0);
    await canvasNode(page, 'start').getByRole('button', { name: 'Connect output…' }).click();
    const menu = page.getByRole('dialog', { name: /Connect an output of Event happened/ });
    await menu.getByLabel('Connect to').selectOption('short');
    await menu.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => canvasEdges(page).count()).toBe(3);
    await waitUntilSaved(page);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish Trial nudges' });
    const changes = publish.getByRole('list', { name: 'What changes' });
    await expect.poll(() => changes.innerText()).toMatch(/long/);
    await publish.getByRole('radio', { name: 'Move waiting contacts to the new version' }).check();
    const target = publish.getByLabel(/Contacts waiting at .*long.* move to/);
    await expect.poll(() => publish.innerText()).toContain('2 contacts waiting there now.');
    // The next wait is proposed; the marketer sends them further, to the last wait.
    expect(await target.inputValue()).toBe('short');
    await target.selectOption('final');
    // All of the dialog is in view, its buttons too (regression: it was cut off on the right).
    const dialogBox = await publish.boundingBox();
    const buttonBox = await publish.getByRole('button', { name: 'Publish', exact: true }).boundingBox();
    expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
    await screenshot(page, '05-publish-dialog-diff');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => publish.innerText()).toContain('Published version 2. 2 contacts moved.');
    await publish.getByRole('button', { name: 'Done' }).click();

    // Both now wait at the 2-hour wait of version 2; three hours later they are through.
    await waitingAt(tend, 'trial', 'final', 2);
    await tend.sleep('3 hours');
    await tend.ended('trial-1', 'trial');
    expect(await tend.path('trial-1', 'trial')).toEqual(['start:entered', 'long:moved', 'final:waited', 'done:exited']);
    const trail = await tend.trail('trial-1', 'trial');
    expect(trail.map((visit) => `${visit.nodeId}@v${visit.version}`)).toEqual(['start@v1', 'long@v1', 'final@v2', 'done@v2']);
    expect(trail[1]).toMatchObject({ outcome: 'moved', detail: { toVersion: 2, to: 'final' } });

    // The contact page shows the move: entered on v1, moved from the removed wait to the chosen one on v2.
    await page.goto(`${url}/#/contacts/${await tend.contactId('trial-1')}/trial`);
    const rows = page.locator('section', { has: page.getByRole('heading', { name: 'Trail in Trial nudges' }) }).getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    expect(await rows.nth(1).innerText()).toMatch(/start[\s\S]*v1/);
    expect(await rows.nth(2).innerText()).toMatch(/long[\s\S]*moved[\s\S]*To final of version 2[\s\S]*v1/);
    expect(await rows.nth(3).innerText()).toMatch(/final[\s\S]*v2/);
  });

  test('a contact removed from a node with a reason: the trail says who and why', async ({ tend }) => {
    await tend.publish(
      editorJourney('nudge', 'Pricing nudge', {
        nodes: { start: ['trigger.event', { event: 'Viewed Pricing' }], hold: ['wait', { amount: 3, unit: 'days' }], done: ['exit'] },
        edges: ['start -> hold', 'hold -> done'],
      }),
    );
    await tend.identify('ned', { email: 'ned@example.com' });
    await tend.track('ned', 'Viewed Pricing');
    await waitingAt(tend, 'nudge', 'hold', 1);

    await openEditor(page, url, 'nudge', '/watch');
    await expect.poll(() => canvasNode(page, 'hold').innerText(), { timeout: 10_000 }).toContain('1 waiting');
    await canvasNode(page, 'hold').click();
    const here = page.getByRole('region', { name: 'Contacts at this node' });
    await expect.poll(() => here.innerText()).toContain('ned@example.com');
    await here.getByRole('button', { name: 'Remove from journey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove ned@example.com from the journey?' });
    // No reason, no removal.
    expect(await dialog.getByRole('button', { name: 'Remove', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('Asked by support ticket #123');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => here.innerText()).toContain('Removed ned@example.com from the journey.');

    const ended = await tend.ended('ned', 'nudge');
    expect(ended.status).not.toBe('active');
    const removed = (await tend.trail('ned', 'nudge')).find((visit) => visit.outcome === 'removed');
    expect(removed).toMatchObject({ nodeId: 'hold', detail: { reason: 'Asked by support ticket #123', by: 'mara@shop.example' } });

    await page.goto(`${url}/#/contacts/${await tend.contactId('ned')}/nudge`);
    const row = page.getByRole('row', { name: /hold/ });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('removed');
    expect(await row.innerText()).toContain('Asked by support ticket #123');
    expect(await row.innerText()).toContain('mara@shop.example');
  });
});
