import type { Page } from 'playwright-core';

/**
 * Milliseconds from a key press (seen by the page's own keydown listener) until `selector`
 * appears (or disappears), measured inside the page so the browser driver's latency is not counted.
 */
export async function keyToDom(page: Page, key: string, selector: string, until: 'present' | 'absent'): Promise<number> {
  await page.evaluate(
    ({ selector, until }) => {
      const store = window as unknown as { __latency: Promise<number> };
      store.__latency = new Promise<number>((resolve) => {
        let pressed = 0;
        const done = () => (until === 'present') === (document.querySelector(selector) !== null);
        const observer = new MutationObserver(() => {
          if (pressed && done()) {
            observer.disconnect();
            resolve(performance.now() - pressed);
          }
        });
        window.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    },
    { selector, until },
  );
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __latency: Promise<number> }).__latency);
}

/** The same from a click on `button` until `selector` appears: the baseline page's edit. */
export async function clickToDom(page: Page, button: string, selector: string): Promise<number> {
  await page.evaluate((selector) => {
    const store = window as unknown as { __latency: Promise<number> };
    store.__latency = new Promise<number>((resolve) => {
      let clicked = 0;
      const observer = new MutationObserver(() => {
        if (clicked && document.querySelector(selector)) {
          observer.disconnect();
          resolve(performance.now() - clicked);
        }
      });
      window.addEventListener('pointerdown', () => (clicked = performance.now()), { capture: true, once: true });
      observer.observe(document.body, { subtree: true, childList: true });
    });
  }, selector);
  await page.locator(button).click();
  return page.evaluate(() => (window as unknown as { __latency: Promise<number> }).__latency);
}
