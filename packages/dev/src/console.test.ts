import { existsSync, readFileSync } from 'node:fs';
import { defaultWebDir, publishJourney } from '@tend/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startTestTend, type TestTend } from './testing/index.js';

const welcome = JSON.parse(readFileSync(new URL('../../../examples/journeys/welcome.json', import.meta.url), 'utf8'));
const browserPath = chromiumPath();
// CI installs Debian's chromium and must run this; a developer machine without it is told why it skipped.
const runBrowser = Boolean(browserPath) || process.env.CI === 'true';
if (!runBrowser) console.warn('console.test.ts skipped: install Debian\'s chromium (apt-get install chromium) or set CHROMIUM_PATH');

describe.runIf(runBrowser)('the console in a real browser', () => {
  let tend: TestTend;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    if (!browserPath) throw new Error('no chromium: install Debian\'s chromium or set CHROMIUM_PATH');
    if (!existsSync(defaultWebDir)) throw new Error('the console is not built: run `npm run build -w @tend/web`');
    tend = await startTestTend();
    url = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    expect((await publishJourney(tend.database.db, tend.workspace.id, welcome)).ok).toBe(true);
    const identify = await fetch(`${url}/v1/identify`, {
      method: 'POST',
      headers: { authorization: tend.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1', traits: { email: 'ada@example.com', firstName: 'Ada' } }),
    });
    expect(identify.status).toBe(200);
    await tend.smtp.waitFor(1);
    browser = await launchChromium(browserPath);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await tend?.stop();
  });

  it('lists the published journey and draws it on the canvas', async () => {
    await page.goto(`${url}/#/journeys`);
    await page.getByText('Welcome series').first().click();
    await page.waitForSelector('.react-flow__node');
    expect(await page.locator('.react-flow__node').count()).toBe(7);
    expect(await page.locator('.react-flow__edge').count()).toBe(6);
    await expect.poll(() => page.locator('.react-flow').innerText()).toContain('Wait 2 days');
  });

  it('shows the sent welcome email on the Outbox page', async () => {
    await page.goto(`${url}/#/outbox`);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('Welcome, Ada!');
    expect(await page.locator('body').innerText()).toContain('ada@example.com');
  });
});
