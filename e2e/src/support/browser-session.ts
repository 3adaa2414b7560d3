import type { Browser, Page } from 'playwright-core';
import type { Role } from '@tend/db';
import { addMember } from './accounts.js';
import type { TestTend } from './test-tend.js';

/**
 * A person at the console in their own browser context (their own cookies), signed in through
 * the sign-in form as they would: the one helper every browser test starts from.
 */
export async function openConsoleAs(
  browser: Browser,
  tend: TestTend,
  url: string,
  person: { email: string; role: Role; password?: string },
): Promise<Page> {
  const password = person.password ?? 'a long enough password';
  await addMember(tend, { email: person.email, role: person.role, workspaceId: tend.workspace.id, password }).catch((error: unknown) => {
    // The same person opening a second tab is already a member.
    if (!/duplicate|unique/i.test(String((error as Error).message))) throw error;
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInWithForm(page, url, person.email, password);
  return page;
}

/** Fills the sign-in form and waits for the journeys list. */
export async function signInWithForm(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/#/journeys`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
}
