import type { Page } from 'playwright-core';
import { summarize, type Summary } from '../stats.js';

/**
 * Frame times while a person pans and zooms the canvas: requestAnimationFrame intervals
 * recorded in the page during mouse drags over the pane and wheel turns, as a hand would do.
 */
export async function panAndZoomFrames(page: Page, pane: string): Promise<Summary> {
  const box = await page.locator(pane).first().boundingBox();
  if (!box) throw new Error(`no ${pane} on the page to pan`);
  await page.evaluate(() => {
    const store = window as unknown as { __frames: number[]; __recording: boolean };
    store.__frames = [];
    store.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      store.__frames.push(now - last);
      last = now;
      if (store.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) await page.mouse.move(centre.x + step * 8, centre.y + step * 5);
    await page.mouse.up();
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, round % 2 === 0 ? -120 : 120);
  }
  const frames = await page.evaluate(() => {
    const store = window as unknown as { __frames: number[]; __recording: boolean };
    store.__recording = false;
    // The first interval spans the set-up, not a frame.
    return store.__frames.slice(1);
  });
  return summarize(frames);
}
