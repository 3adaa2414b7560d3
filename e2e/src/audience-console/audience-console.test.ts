import type { Browser, Page } from 'playwright-core';
import { afterAll, describe } from 'vitest';
import { openConsoleAs } from '../support/browser-session.js';
import { expect, test } from '../support/index.js';
import { canvasNode, runBrowser, screenshot, startBrowser } from '../editor/support/editor-ui.js';
import { orderRevenue, seedSmallShop, shop } from './support/small-shop.js';

if (!runBrowser) console.warn("audience-console.test.ts skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

/** The names in the contact list, in its order. */
async function listedNames(page: Page): Promise<string[]> {
  const links = page.getByRole('region', { name: 'Contacts found' }).getByRole('row').getByRole('link');
  return (await links.allInnerTexts()).sort();
}

describe.runIf(runBrowser)('the audience pages: contacts, segments, RFM and imports', () => {
  let browser: Browser;
  let page: Page;
  let url: string;

  test.beforeAll(async ({ tend }) => {
    url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    await seedSmallShop(tend);
    await tend.api.segments.create({ id: 'repeat-buyers', name: 'Repeat buyers', definition: { kind: 'event-count', event: 'Order Completed', atLeast: 4, withinDays: 365 } });
    browser = await startBrowser();
    page = await openConsoleAs(browser, tend, url, { email: 'ines@shop.example', role: 'admin' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the contact list filters by RFM group and by segment, and a row opens the contact', async () => {
    await page.goto(`${url}/#/contacts`);
    const status = page.getByRole('region', { name: 'Contacts found' }).getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('10 contacts');

    await page.getByRole('combobox', { name: 'RFM group' }).selectOption('Champions');
    await expect.poll(() => page.url()).toContain('#/contacts?rfm=Champions');
    await expect.poll(() => listedNames(page)).toEqual(['Champions 1', 'Champions 2']);
    await screenshot(page, 'audience-01-contacts-by-rfm-group');

    await page.getByRole('combobox', { name: 'RFM group' }).selectOption('');
    await page.getByRole('combobox', { name: 'Segment' }).selectOption('repeat-buyers');
    await expect.poll(() => listedNames(page)).toEqual(['At risk 1', 'At risk 2', 'Champions 1', 'Champions 2']);
    expect(await status.innerText()).toBe('4 contacts');

    // The trait filter narrows the segment further: plan is "pro" only for the champions.
    await page.getByRole('combobox', { name: 'Trait name' }).fill('plan');
    await page.getByRole('textbox', { name: 'Trait value' }).fill('pro');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => listedNames(page)).toEqual(['Champions 1', 'Champions 2']);

    await page.getByRole('link', { name: 'Champions 1' }).click();
    await page.getByRole('heading', { name: 'Champions 1', level: 1 }).waitFor();
    const audience = page.getByRole('region', { name: 'Audience' });
    await expect.poll(() => audience.innerText(), { timeout: 10_000 }).toContain('Repeat buyers');
    expect(await audience.innerText()).toMatch(/Champions[\s\S]*R 5 · F 5/);
    const events = page.getByRole('region', { name: 'Events' }).getByRole('row', { name: /Order Completed/ });
    await expect.poll(() => events.count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Export data (JSON)' }).isVisible()).toBe(true);
    await screenshot(page, 'audience-02-contact-page');
  });

  test('the segment builder counts as the condition changes, shows a refusal in place, and saves', async ({ tend }) => {
    await page.goto(`${url}/#/segments/new`);
    await page.getByLabel('Name', { exact: true }).fill('Best and lost');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('combobox', { name: 'Condition 1 kind' }).selectOption('rfm');
    const groups = page.getByRole('group', { name: 'Condition 1 RFM groups' });
    await groups.getByRole('checkbox', { name: 'Champions' }).check();
    const count = page.getByRole('complementary', { name: 'Who matches' });
    await expect.poll(() => count.innerText(), { timeout: 10_000 }).toMatch(/^Who matches\s+2 contacts match\b/);
    await groups.getByRole('checkbox', { name: 'Lost' }).check();
    await expect.poll(() => count.innerText(), { timeout: 10_000 }).toMatch(/^Who matches\s+4 contacts match\b/);
    expect(await count.innerText()).toContain('Lost 1');

    // A second condition without its event is refused by the server: the text shows on the row and beside the count.
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('combobox', { name: 'Condition 2 kind' }).selectOption('event-count');
    await expect.poll(() => count.innerText(), { timeout: 10_000 }).toContain('conditions.1.event: name the event');
    expect(await page.locator('.condition-row').nth(1).innerText()).toContain('name the event');
    await screenshot(page, 'audience-03-segment-builder-refused');
    await page.getByRole('button', { name: 'Remove condition 2' }).click();
    await expect.poll(() => count.innerText(), { timeout: 10_000 }).toMatch(/4 contacts match/);
    await screenshot(page, 'audience-04-segment-builder');

    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('heading', { name: 'Best and lost', level: 1 }).waitFor();
    expect(page.url()).toContain('#/segments/best-and-lost');
    expect(await tend.api.segments.get({ id: 'best-and-lost' })).toMatchObject({ size: 4, definition: { kind: 'rfm', groups: ['Champions', 'Lost'] } });

    await page.getByRole('link', { name: 'View contacts' }).click();
    await expect.poll(() => listedNames(page)).toEqual(['Champions 1', 'Champions 2', 'Lost 1', 'Lost 2']);

    await page.goto(`${url}/#/segments`);
    const row = page.getByRole('row', { name: /Best and lost/ });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/best-and-lost[\s\S]*\b4\b/);
    await screenshot(page, 'audience-05-segments');
  });

  test('the RFM page shows the grid of the shop, and starts a journey for a group', async ({ tend }) => {
    await page.goto(`${url}/#/rfm`);
    for (const { cell, group, orders } of shop) {
      const button = page.getByRole('button', { name: new RegExp(`^R ${cell.r}, F ${cell.f}:`) });
      await expect.poll(() => button.getAttribute('aria-label'), { timeout: 10_000 }).toBe(`R ${cell.r}, F ${cell.f}: ${group}, 2 contacts, ${(2 * orders * orderRevenue).toFixed(2)} spent`);
    }
    // Every other cell is empty.
    const labels = await page.locator('.heatmap__cell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(25);
    expect(labels.filter((label) => label.includes(', 0 contacts'))).toHaveLength(20);

    await page.getByRole('button', { name: /^R 2, F 4:/ }).hover();
    await screenshot(page, 'audience-06-rfm');
    await page.getByRole('button', { name: /^R 2, F 4:/ }).click();
    const chosen = page.getByRole('region', { name: 'Chosen group' });
    await expect.poll(() => chosen.innerText()).toContain('At risk');
    await chosen.getByRole('button', { name: 'Start a journey for At risk' }).click();

    await page.waitForURL(/#\/journeys\/rfm-at-risk$/, { timeout: 15_000 });
    await expect.poll(() => canvasNode(page, 'entered-segment').innerText(), { timeout: 15_000 }).toContain('rfm-at-risk');
    expect(await tend.api.segments.get({ id: 'rfm-at-risk' })).toMatchObject({ name: 'RFM: At risk', size: 2, definition: { kind: 'rfm', groups: ['At risk'] } });
    const draft = await tend.api.drafts.get({ id: 'rfm-at-risk' });
    expect(draft?.graph).toMatchObject({ nodes: expect.arrayContaining([expect.objectContaining({ type: 'trigger.segment', data: { segment: 'rfm-at-risk' } })]) });
  });

  test('the import page maps a contacts CSV, uploads it and shows the summary with the bad row', async ({ tend }) => {
    await page.goto(`${url}/#/import`);
    const csv = 'customer_id,mail,first_name\nc-1,ada@example.com,Ada\n,nobody@example.com,Nobody\nc-3,grace@example.com,Grace\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'new-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('combobox', { name: 'Column customer_id' }).inputValue(), { timeout: 10_000 }).toBe('userId');
    expect(await page.getByRole('combobox', { name: 'Column mail' }).inputValue()).toBe('email');
    expect(await page.getByRole('textbox', { name: 'Trait name for first_name' }).inputValue()).toBe('firstName');
    // The mapping's check of the first rows: line 3 has no user id.
    const mapping = page.getByRole('region', { name: 'Columns' });
    await expect.poll(() => mapping.getByRole('row', { name: /^3\b/ }).innerText(), { timeout: 10_000 }).toContain('no customer_id');
    await screenshot(page, 'audience-07-import-mapping');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Imported' });
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/Rows read\s+3[\s\S]*Contacts imported\s+2[\s\S]*Rows refused\s+1/);
    expect(await summary.getByRole('table', { name: 'Rows not imported' }).innerText()).toMatch(/3\s+no customer_id/);
    await screenshot(page, 'audience-08-import-summary');

    const ada = await tend.api.contacts.get({ id: 'c-1' });
    expect(ada.contact).toMatchObject({ email: 'ada@example.com', traits: { firstName: 'Ada' } });
  });
});
