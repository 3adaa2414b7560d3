import { suppress, unsubscribeToken } from '@tend/channels';
import { eq, workspaces } from '@tend/db';
import type { JourneyGraphInput } from '@tend/journey';
import type { Browser, Locator, Page } from 'playwright-core';
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

/** Three marketing emails in a row: under a cap of 2 a week, the third waits. */
const threeEmails: JourneyGraphInput = {
  id: 'three-emails',
  name: 'Three emails',
  nodes: [
    { id: 'in', type: 'trigger.event', data: { event: 'Asked Thrice' } },
    { id: 'first', type: 'send-email', data: { subject: 'One', html: '<p>One</p>' } },
    { id: 'second', type: 'send-email', data: { subject: 'Two', html: '<p>Two</p>' } },
    { id: 'third', type: 'send-email', data: { subject: 'Three', html: '<p>Three</p>' } },
    { id: 'out', type: 'exit' },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'first' },
    { id: 'b', source: 'first', target: 'second' },
    { id: 'c', source: 'second', target: 'third' },
    { id: 'd', source: 'third', target: 'out' },
  ],
};

/** The words a form control's description says (its hint, or the server's refusal put there). */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  return id ? page.locator(`[id="${id}"]`).innerText() : '';
}

describe.runIf(runBrowser)('the audience pages: contacts, segments, RFM, imports, and consent with the Messaging page', () => {
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

  test('the Messaging page saves a cap, quiet hours and a topic, and shows a refused value at its field', async ({ tend }) => {
    await page.goto(`${url}/#/messaging`);
    const email = page.getByRole('group', { name: 'Email', exact: true });
    await email.getByRole('checkbox', { name: 'Frequency cap' }).check();
    await email.getByLabel('Messages').fill('2');
    await email.getByLabel('In any (days)').fill('7');
    expect(await email.innerText()).toContain('At most 2 marketing emails to one contact in any 7 days');
    const quiet = page.getByRole('region', { name: 'Quiet hours' });
    await quiet.getByRole('checkbox', { name: 'Hold marketing during quiet hours' }).check();
    await quiet.getByLabel('From').fill('21:00');
    await quiet.getByLabel('Until').fill('09:00');
    await quiet.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: 'Push' }).uncheck();
    expect(await quiet.innerText()).toContain("Marketing SMS waits from 21:00 until 09:00 in the contact's time zone");
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await tend.api.policy.get()).toMatchObject({ email: { cap: { count: 2, perDays: 7 } }, quietHours: { start: '21:00', end: '09:00', channels: ['sms'], defaultTimeZone: 'UTC' } });

    const addTopic = page.getByRole('form', { name: 'Add a topic' });
    await addTopic.getByLabel('Topic name').fill('Offers');
    expect(await addTopic.getByLabel('Topic id').inputValue()).toBe('offers');
    await addTopic.getByRole('button', { name: 'Add topic' }).click();
    await page.getByRole('table', { name: 'Topics' }).getByRole('row', { name: /Offers/ }).waitFor();
    await screenshot(page, 'audience-09-messaging');

    // After a reload, everything is read back from the server.
    await page.reload();
    await expect.poll(() => email.getByLabel('Messages').inputValue(), { timeout: 10_000 }).toBe('2');
    expect(await email.getByLabel('In any (days)').inputValue()).toBe('7');
    expect(await quiet.getByLabel('From').inputValue()).toBe('21:00');
    expect(await quiet.getByLabel('Until').inputValue()).toBe('09:00');
    expect(await quiet.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: 'SMS' }).isChecked()).toBe(true);
    expect(await quiet.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: 'Push' }).isChecked()).toBe(false);
    expect(await page.getByRole('table', { name: 'Topics' }).innerText()).toMatch(/Offers\s+offers/);

    // A cap of 0 is refused by the server, which names the field: the words show under it.
    const count = email.getByLabel('Messages');
    await count.fill('0');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => descriptionOf(page, count), { timeout: 10_000 }).toBe('a cap allows at least 1 message');
    expect(await count.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'audience-10-messaging-refused');
    expect(await tend.api.policy.get()).toMatchObject({ email: { cap: { count: 2, perDays: 7 } } });
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await count.inputValue()).toBe('2');
  });

  test("a contact's page shows consent with its history and sources, and suppressed addresses an admin can lift", async ({ tend }) => {
    // Champions 2 leaves all marketing email by the one-click link of a message (RFC 8058).
    const [workspace] = await tend.database.db.select({ secret: workspaces.trackingSecret }).from(workspaces).where(eq(workspaces.id, tend.workspace.id));
    const champion2 = await tend.contactId('shop-a2');
    const token = unsubscribeToken({ workspaceId: tend.workspace.id, contactId: champion2, topic: '', idempotencyKey: 'e2e-newsletter' }, workspace!.secret);
    const oneClick = await tend.app.inject({ method: 'POST', url: `/u/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    await suppress(tend.database.db, { workspaceId: tend.workspace.id, channel: 'email', address: 'shop-a2@shop.example', reason: 'hard-bounce', source: 'bounce-webhook' });

    // Champions 1 reaches the email cap the Messaging page set (2 in 7 days): the third email waits.
    const champion1 = await tend.contactId('shop-a1');
    await tend.publish(threeEmails);
    await tend.track('shop-a1', 'Asked Thrice');
    await tend.waitForMail('shop-a1@shop.example', 2);
    await expect.poll(async () => (await tend.api.policy.contactMessages({ contactId: champion1 })).map((message) => message.status), { timeout: 15_000 }).toEqual(['deferred', 'sent', 'sent']);

    // Champions 1 is unsubscribed from offers by email in the console.
    await page.goto(`${url}/#/contacts/shop-a1`);
    const consent = page.getByRole('region', { name: 'Consent' });
    await consent.getByRole('button', { name: 'Unsubscribe from Offers by email' }).click();
    const history = consent.getByRole('table', { name: 'Consent history' });
    await expect.poll(() => history.getByRole('row').nth(1).innerText(), { timeout: 10_000 }).toMatch(/Email\s+Offers\s+Default → Unsubscribed\s+Console\s+by ines@shop\.example/);
    expect(await consent.getByRole('button', { name: 'Subscribe to Offers by email' }).isVisible()).toBe(true);
    expect(await consent.getByRole('table', { name: 'Subscriptions' }).getByRole('row', { name: /Offers/ }).innerText()).toContain('not sent: unsubscribed from this topic');
    const sent = page.getByRole('table', { name: 'Messages to this contact' });
    expect(await sent.getByRole('row', { name: /third/ }).innerText()).toMatch(/written when it goes[\s\S]*three-emails\s+third\s+deferred\s+until .+: the email frequency cap \(2 in 7 days\)/);
    expect(await sent.getByRole('row', { name: /first/ }).innerText()).toMatch(/One[\s\S]*three-emails\s+first\s+sent/);
    expect((await tend.api.policy.contactConsents({ contactId: champion1 })).states).toMatchObject([{ channel: 'email', topic: 'offers', status: 'unsubscribed', source: 'console' }]);

    await page.goto(`${url}/#/contacts/shop-a2`);
    await page.getByRole('heading', { name: 'Champions 2', level: 1 }).waitFor();
    await expect.poll(() => history.getByRole('row').nth(1).innerText(), { timeout: 10_000 }).toMatch(/Email\s+all marketing\s+Default → Unsubscribed\s+One-click link\s+from message e2e-newsletter/);
    expect(await consent.innerText()).toMatch(/shop-a2@shop\.example\s+suppressed\s+Hard bounce since/);

    // The bounced mailbox works again: an admin lifts its suppression on the Messaging page.
    await page.goto(`${url}/#/messaging`);
    const suppressed = page.getByRole('table', { name: 'Suppressed addresses' });
    await page.getByRole('searchbox', { name: 'Search suppressed addresses' }).fill('a2@shop');
    await expect.poll(() => suppressed.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    expect(await suppressed.innerText()).toMatch(/Email\s+shop-a2@shop\.example\s+Hard bounce\s+bounce-webhook/);
    await suppressed.getByRole('button', { name: 'Remove suppression of shop-a2@shop.example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove suppression' }).click();
    await page.getByText('No suppressed address matches').waitFor();
    expect((await tend.api.policy.suppressions({})).suppressions).toEqual([]);
    expect((await tend.api.audit.list({})).map((entry) => entry.action)).toContain('suppression.remove');
    const today = (await tend.api.policy.messagesByDay({})).at(-1);
    expect(today).toMatchObject({ sent: 2, deferred: 1, skipped: 0 });
    expect(await page.getByRole('img', { name: /^2 sent, 1 deferred and 0 skipped in 14 days$/ }).isVisible()).toBe(true);
    await screenshot(page, 'audience-11-messaging-chart');
  });
});
