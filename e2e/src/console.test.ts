import { existsSync } from 'node:fs';
import { defaultWebDir, ownerSignInLink } from '@tend/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe } from 'vitest';
import { addMember } from './support/accounts.js';
import { chromiumPath, expect, launchChromium, test } from './support/index.js';

const browserPath = chromiumPath();
// CI installs Debian's chromium and must run this; a developer machine without it is told why it skipped.
const runBrowser = Boolean(browserPath) || process.env.CI === 'true';
if (!runBrowser) console.warn('console.test.ts skipped: install Debian\'s chromium (apt-get install chromium) or set CHROMIUM_PATH');

describe.runIf(runBrowser)('the console in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let url: string;

  test.beforeAll(async ({ tend }) => {
    if (!browserPath) throw new Error('no chromium: install Debian\'s chromium or set CHROMIUM_PATH');
    if (!existsSync(defaultWebDir)) throw new Error('the console is not built: run `npm run build -w @tend/web`');
    // The browser needs a real port; the fixture's Tend closes it when the file ends.
    url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    await tend.publishExample('welcome');
    await tend.identify('u1', { email: 'ada@example.com', firstName: 'Ada' });
    await tend.smtp.waitFor(1);
    browser = await launchChromium(browserPath);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a visitor who is not signed in sees the sign-in page and nothing of the workspace', async () => {
    await page.goto(`${url}/#/journeys`);
    await expect.poll(() => page.locator('body').innerText()).toContain('Password');
    expect(await page.locator('body').innerText()).not.toContain('Welcome series');
  });

  test('a marketer signs in with email and password, and signs out', async ({ tend }) => {
    await addMember(tend, { email: 'mara@shop.example', role: 'marketer', workspaceId: tend.workspace.id, password: 'a long marketer password' });
    await page.goto(`${url}/#/journeys`);
    await page.getByLabel('Email').fill('mara@shop.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/wrong email or password/i);
    await page.getByLabel('Password').fill('a long marketer password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Welcome series');
    expect(await page.locator('body').innerText()).toContain('mara@shop.example');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Password');
  });

  test("the owner signs in with the one-time link npm start prints", async ({ tend }) => {
    await page.goto((await ownerSignInLink(tend.database.db, url))!);
    await expect.poll(() => page.locator('body').innerText()).toContain('Welcome series');
    expect(await page.locator('body').innerText()).toContain('owner@tend.local');
  });

  test('lists the published journey and draws it on the canvas', async () => {
    await page.goto(`${url}/#/journeys`);
    await page.getByText('Welcome series').first().click();
    await page.waitForSelector('.react-flow__node');
    expect(await page.locator('.react-flow__node').count()).toBe(7);
    expect(await page.locator('.react-flow__edge').count()).toBe(6);
    await expect.poll(() => page.locator('.react-flow').innerText()).toContain('Wait 2 days');
  });

  test('shows the sent welcome email on the Outbox page', async () => {
    await page.goto(`${url}/#/outbox`);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('Welcome, Ada!');
    expect(await page.locator('body').innerText()).toContain('ada@example.com');
  });
});
