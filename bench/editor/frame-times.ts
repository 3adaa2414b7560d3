import type { Page } from 'playwright-core';
import { summarize, type Summary } from '../stats.js';
import { startFrameRecording, stopFrameRecording } from './in-page.js';

/**
 * Frame times while a person pans and zooms the canvas: requestAnimationFrame intervals
 * recorded in the page during mouse drags over the pane and wheel turns, as a hand would do.
 */
export async function panAndZoomFrames(page: Page, pane: string): Promise<Summary> {
  const box = await page.locator(pane).first().boundingBox();
  if (!box) throw new Error(`no ${pane} on the page to pan`);
  await page.evaluate(startFrameRecording);
  // Near the pane's left edge, clear of the journey's nodes (fitted in the middle): a drag there pans.
  const centre = { x: box.x + 40, y: box.y + box.height / 2 };
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) await page.mouse.move(centre.x + step * 8, centre.y + step * 5);
    await page.mouse.up();
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, round % 2 === 0 ? -120 : 120);
  }
  const frames = (await page.evaluate(stopFrameRecording)) as number[];
  return summarize(frames);
}
