import type { Browser, Page } from 'playwright-core';
import { afterAll, describe } from 'vitest';
import { openConsoleAs } from '../support/browser-session.js';
import { expect, test } from '../support/index.js';
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  dragConnect,
  dragFromPalette,
  focusInSidePanel,
  inspector,
  openEditor,
  problemsPanel,
  runBrowser,
  screenshot,
  settleView,
  startBrowser,
  tabTo,
  waitUntilSaved,
} from './support/editor-ui.js';

if (!runBrowser) console.warn("build-journey.test.ts skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

/** The abandoned-cart journey's steps as the issue draws it, by node id. */
const expectedNodes = [
  { id: 'exit-1', type: 'exit' },
  { id: 'exit-2', type: 'exit' },
  { id: 'send-email-1', type: 'send-email', data: { subject: 'Your cart misses you', html: 'Your cart is still there.' } },
  { id: 'trigger-event-1', type: 'trigger.event', data: { event: 'Cart Started' } },
  { id: 'wait-for-event-1', type: 'wait-for-event', data: { event: 'Order Completed', timeout: { amount: 4, unit: 'hours' } } },
];

describe.runIf(runBrowser)('a marketer builds the abandoned-cart journey in the editor', () => {
  let browser: Browser;
  let page: Page;
  let url: string;

  test.beforeAll(async ({ tend }) => {
    url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    // Something for the journeys list to show beside the new one.
    await tend.publishExample('welcome');
    await tend.identify('list-1', { email: 'list-1@example.com', firstName: 'Lin' });
    browser = await startBrowser();
    page = await openConsoleAs(browser, tend, url, { email: 'mara@shop.example', role: 'marketer' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('with the mouse: drag from the palette, connect, fill in, publish, watch the counts', async ({ tend }) => {
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Welcome series');
    await screenshot(page, '01-journeys-list');

    await page.getByRole('button', { name: 'New journey' }).click();
    const create = page.getByRole('dialog', { name: 'New journey' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Cart reminder');
    expect(await create.getByRole('textbox', { name: 'Id' }).inputValue()).toBe('cart-reminder');
    await screenshot(page, '02-new-journey-templates');
    await create.getByRole('radio', { name: /Blank/ }).check();
    await create.getByRole('button', { name: 'Create journey' }).click();
    await page.locator('.react-flow').waitFor();
    await expect.poll(() => page.locator('.journey-canvas').innerText()).toContain('Start with an entry');

    // Four steps dragged onto the empty canvas, one under the other.
    await dragFromPalette(page, 'Event happened', { dx: 0, dy: -150 });
    await dragFromPalette(page, 'Wait for event', { dx: 0, dy: 150 });
    await dragFromPalette(page, 'Exit', { dx: -170, dy: 170 });
    await dragFromPalette(page, 'Send email', { dx: 340, dy: 0 });
    await expect.poll(() => canvasNodes(page).count()).toBe(4);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await settleView(page);

    // Fresh steps are incomplete: each card is marked, and the panel lists what to fill in.
    const wait = canvasNode(page, 'wait-for-event-1');
    await expect.poll(() => wait.getByRole('img', { name: '1 problem' }).count()).toBe(1);
    await expect.poll(() => problemsPanel(page).innerText()).toContain('Send email — subject: write a subject line');
    expect(await page.getByRole('button', { name: '4 problems' }).isDisabled()).toBe(true);
    await screenshot(page, '04-problems-on-nodes');

    // The fields, in the inspector of each step: a problem clicked selects its step.
    const fix = (problem: string) => problemsPanel(page).getByRole('button', { name: problem }).click();
    await fix('Event happened — event: name the track event, e.g. "Order Completed"');
    await inspector(page, 'Event happened').getByLabel('Event', { exact: true }).fill('Cart Started');
    await expect.poll(() => canvasNode(page, 'trigger-event-1').innerText()).toContain('When Cart Started happens');
    await fix('Wait for event — event: name the event to wait for, e.g. "Order Completed"');
    const waitForm = inspector(page, 'Wait for event');
    await waitForm.getByLabel('Event', { exact: true }).fill('Order Completed');
    await waitForm.getByLabel('Timeout amount').fill('4');
    await waitForm.getByLabel('Timeout unit').selectOption('hours');
    await expect.poll(() => wait.innerText()).toContain('Wait up to 4 hours for Order Completed');
    await fix('Send email — subject: write a subject line');
    const email = inspector(page, 'Send email');
    await email.getByRole('textbox', { name: 'Subject' }).fill('Your cart misses you');
    await email.getByRole('textbox', { name: 'HTML' }).fill('Your cart is still there.');
    await expect.poll(() => canvasNode(page, 'send-email-1').innerText()).toContain('Email: Your cart misses you');

    // Filled in but not connected: the wait says no trigger leads to it, on its card and in the panel.
    await expect.poll(() => problemsPanel(page).innerText()).toContain('Wait for event — outputs.timed-out: connect this output');
    expect(await wait.getByRole('img', { name: '2 problems' }).getAttribute('title')).toContain('outputs.happened: connect this output');

    // Unconnected steps tidy into a row, apart, each handle in reach of the mouse.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await dragConnect(page, { nodeId: 'trigger-event-1', output: 'next' }, 'wait-for-event-1');
    await expect.poll(() => canvasEdges(page).count()).toBe(1);
    await dragConnect(page, { nodeId: 'wait-for-event-1', output: 'happened' }, 'exit-1');
    await expect.poll(() => canvasEdges(page).count()).toBe(2);
    await dragConnect(page, { nodeId: 'wait-for-event-1', output: 'timed-out' }, 'send-email-1');
    await expect.poll(() => canvasEdges(page).count()).toBe(3);
    await expect.poll(() => problemsPanel(page).innerText()).not.toContain('Wait for event');
    await expect.poll(() => wait.getByRole('img', { name: /problem/ }).count()).toBe(0);
    // The email still ends nowhere; "+" under it adds the last step, connected.
    expect(await problemsPanel(page).innerText()).toContain('Send email — outputs.next: connect this output');
    await canvasNode(page, 'send-email-1').getByRole('button', { name: /Add a step after Send email/ }).click();
    await page.getByRole('combobox', { name: 'Search steps' }).fill('exit');
    await page.keyboard.press('Enter');
    await expect.poll(() => canvasEdges(page).count()).toBe(4);
    await expect.poll(() => problemsPanel(page).innerText()).toContain('No problems');
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await settleView(page);
    // Selected without a click: the minimap may cover a corner of the canvas.
    await canvasNode(page, 'send-email-1').focus();
    await page.keyboard.press('Enter');
    await screenshot(page, '03-editor-inspector');
    await waitUntilSaved(page);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish Cart reminder' });
    await expect.poll(() => publish.innerText()).toContain('First version');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => publish.innerText()).toContain('Published version 1.');
    await publish.getByRole('button', { name: 'Done' }).click();
    const live = await tend.api.journeys.get({ id: 'cart-reminder' });
    expect(live.liveVersion).toBe(1);
    expect([...(live.graph?.nodes ?? [])].sort((a, b) => a.id.localeCompare(b.id))).toMatchObject(expectedNodes);

    // Two shoppers start carts; one orders. The Watch tab counts them on the canvas.
    await tend.identify('shopper-1', { email: 'shopper-1@example.com' });
    await tend.identify('shopper-2', { email: 'shopper-2@example.com' });
    await tend.track('shopper-1', 'Cart Started');
    await tend.track('shopper-2', 'Cart Started');
    await page.getByRole('link', { name: 'Watch' }).click();
    await expect.poll(() => canvasNode(page, 'trigger-event-1').innerText(), { timeout: 20_000 }).toContain('2 entered');
    await expect.poll(() => wait.innerText(), { timeout: 20_000 }).toContain('2 waiting');
    await tend.track('shopper-2', 'Order Completed');
    await expect.poll(() => wait.getByTitle(/^happened: /).getAttribute('title'), { timeout: 20_000 }).toBe('happened: 1');
    await expect.poll(() => canvasNode(page, 'exit-1').innerText(), { timeout: 20_000 }).toContain('1 entered');
    // Four hours later the other one gets the email.
    await tend.sleep('5 hours');
    await tend.waitForMail('shopper-1@example.com', 1);
    await expect.poll(() => canvasNode(page, 'send-email-1').innerText(), { timeout: 20_000 }).toContain('1 entered');
    await expect.poll(() => wait.getByTitle(/^timed out: /).getAttribute('title'), { timeout: 20_000 }).toBe('timed out: 1');
    await screenshot(page, '06-watch-counts');
  });

  test('with the keyboard alone: palette, Connect output…, inspector, publish', async ({ tend }) => {
    await tend.api.journeys.create({ id: 'cart-keys', name: 'Cart by keyboard' });
    await openEditor(page, url, 'cart-keys');
    const palette = page.getByRole('navigation', { name: 'Steps to add' });
    const add = async (title: string) => {
      await tabTo(page, palette.getByRole('button', { name: title, exact: true }));
      await page.keyboard.press('Enter');
    };
    // Enter on a palette item adds it after the selected step (the one just added).
    await add('Event happened');
    await add('Wait for event');
    await add('Exit');
    await add('Send email');
    await add('Exit');
    await expect.poll(() => canvasNodes(page).count()).toBe(5);
    await expect.poll(() => canvasEdges(page).count()).toBe(3);

    // The wait's "timed out" output, connected to the email without a mouse.
    await tabTo(page, canvasNode(page, 'wait-for-event-1').getByRole('button', { name: 'Connect output…' }));
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: /Connect an output of Wait for event/ });
    // The first free output is chosen; the target list starts at the exit.
    expect(await menu.getByLabel('Output').inputValue()).toBe('timed-out');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await menu.getByLabel('Connect to').inputValue()).toBe('send-email-1');
    await tabTo(page, menu.getByRole('button', { name: 'Connect' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => canvasEdges(page).count()).toBe(4);

    // Enter on a step opens its inspector with focus in its first field.
    const configure = async (nodeId: string) => {
      await tabTo(page, canvasNode(page, nodeId), { backwards: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => focusInSidePanel(page)).toBe(true);
    };
    await configure('trigger-event-1');
    await page.keyboard.type('Cart Started');
    await configure('wait-for-event-1');
    await page.keyboard.type('Order Completed');
    const waitForm = inspector(page, 'Wait for event');
    await tabTo(page, waitForm.getByLabel('Timeout amount'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hours');
    await expect.poll(() => canvasNode(page, 'wait-for-event-1').innerText()).toContain('Wait up to 4 hours for Order Completed');
    await configure('send-email-1');
    // The first field is the library template picker; this email is written in the step.
    await tabTo(page, inspector(page, 'Send email').getByRole('textbox', { name: 'Subject' }));
    await page.keyboard.type('Your cart misses you');
    await tabTo(page, inspector(page, 'Send email').getByRole('textbox', { name: 'HTML' }));
    await page.keyboard.type('Your cart is still there.');
    await expect.poll(() => problemsPanel(page).innerText()).toContain('No problems');
    await waitUntilSaved(page);

    await tabTo(page, page.getByRole('button', { name: 'Publish', exact: true }), { backwards: true });
    await page.keyboard.press('Enter');
    const publish = page.getByRole('dialog', { name: 'Publish Cart by keyboard' });
    await tabTo(page, publish.getByRole('button', { name: 'Publish' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => publish.innerText()).toContain('Published version 1.');

    const live = await tend.api.journeys.get({ id: 'cart-keys' });
    const nodes = [...(live.graph?.nodes ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(nodes).toMatchObject(expectedNodes);
    const edges = (live.graph?.edges ?? []).map((edge) => `${edge.source}.${edge.sourceHandle ?? 'next'}->${edge.target}`).sort();
    expect(edges).toEqual([
      'send-email-1.next->exit-2',
      'trigger-event-1.next->wait-for-event-1',
      'wait-for-event-1.happened->exit-1',
      'wait-for-event-1.timed-out->send-email-1',
    ]);
  });
});
