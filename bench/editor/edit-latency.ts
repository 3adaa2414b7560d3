import type { Page } from 'playwright-core';
import { armLatency, readLatency } from './in-page.js';

/**
 * Milliseconds from a key press (seen by the page's own keydown listener) until `selector`
 * appears (or disappears), measured inside the page so the browser driver's latency is not counted.
 */
export async function keyToDom(page: Page, key: string, selector: string, until: 'present' | 'absent'): Promise<number> {
  await page.evaluate(armLatency('keydown', selector, until));
  await page.keyboard.press(key);
  return (await page.evaluate(readLatency)) as number;
}

/** The same from a click on `button` until `selector` appears: the baseline page's edit. */
export async function clickToDom(page: Page, button: string, selector: string): Promise<number> {
  await page.evaluate(armLatency('pointerdown', selector, 'present'));
  await page.locator(button).click();
  return (await page.evaluate(readLatency)) as number;
}
