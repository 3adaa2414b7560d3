import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWebDir } from '@tend/server';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath, launchChromium } from '../../support/harness.js';

/**
 * What the editor's browser tests share: starting the browser, finding steps on the canvas,
 * the save state, keyboard reach and screenshots. Selectors are roles and labels a marketer
 * reads, but for the canvas's own nodes (React Flow draws them as divs with a data-id).
 */

export const browserPath = chromiumPath();
// CI installs Debian's chromium and must run these; a developer machine without it is told why they skipped.
export const runBrowser = Boolean(browserPath) || process.env.CI === 'true';

export async function startBrowser(): Promise<Browser> {
  if (!browserPath) throw new Error("no chromium: install Debian's chromium or set CHROMIUM_PATH");
  if (!existsSync(defaultWebDir)) throw new Error('the console is not built: run `npm run build -w @tend/web`');
  return launchChromium(browserPath);
}

/** A step on the canvas by its node id. */
export function canvasNode(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"]`);
}

export function canvasNodes(page: Page): Locator {
  return page.locator('.react-flow__node');
}

export function canvasEdges(page: Page): Locator {
  return page.locator('.react-flow__edge');
}

/** The ids of the steps on the canvas, sorted. */
export async function nodeIds(page: Page): Promise<string[]> {
  const ids = await canvasNodes(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
  return ids.sort();
}

/** The header's save state: "Saved", "Saving…", "Unsaved changes", "Not saved: …". */
export function saveState(page: Page): Locator {
  return page.locator('.editor-header__save');
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect.poll(() => saveState(page).innerText(), { timeout: 15_000 }).toBe('Saved');
}

/** Opens a journey's editor (or one of its tabs) and waits for its canvas. */
export async function openEditor(page: Page, url: string, journeyId: string, tab: '' | '/watch' | '/history' = ''): Promise<void> {
  await page.goto(`${url}/#/journeys/${journeyId}${tab}`);
  await page.locator('.react-flow').first().waitFor();
}

/** Opens a journey's editor on a fresh load of the console, so what it read earlier (the email library, the topics) is read again. */
export async function openEditorAfresh(page: Page, url: string, journeyId: string): Promise<void> {
  await openEditor(page, url, journeyId);
  await page.reload();
  await page.locator('.react-flow').first().waitFor();
}

/** Publishes the open journey from its toolbar once its draft is saved, with the dialog's defaults; returns the dialog. */
export async function publishFromToolbar(page: Page, journeyName: string): Promise<Locator> {
  await waitUntilSaved(page);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Publish ${journeyName}` });
  await dialog.getByRole('button', { name: 'Publish' }).click();
  return dialog;
}

/** The inspector of the selected step ("Send email settings"). */
export function inspector(page: Page, title: string): Locator {
  return page.getByRole('region', { name: `${title} settings` });
}

export function problemsPanel(page: Page): Locator {
  return page.getByRole('region', { name: /problem/i });
}

/**
 * Presses Tab until `target` has focus, as someone at the keyboard would, and fails when it is
 * never reached: the control must be in the tab order.
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 150;
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element: { ownerDocument: { activeElement: unknown } }) => element === element.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)} in ${max} presses`);
}

/**
 * Drags a palette item onto the canvas pane, `from` its centre (where the view centres the step
 * dropped last, so steps dropped 150 px apart stay apart). Playwright's mouse drag does
 * not start native HTML5 drag and drop in headless Chromium, so this dispatches the same events
 * a browser would (dragstart on the item, dragover and drop on the canvas) with one shared
 * DataTransfer: the palette writes it and the canvas reads it, as in a real drag.
 */
export async function dragFromPalette(page: Page, title: string, from: { dx: number; dy: number }): Promise<void> {
  const item = page.getByRole('navigation', { name: 'Steps to add' }).getByRole('button', { name: title, exact: true });
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  // A string, not a function: this package compiles without the DOM's types.
  const transfer = await page.evaluateHandle('new DataTransfer()');
  const point = { clientX: box.x + box.width / 2 + from.dx, clientY: box.y + box.height / 2 + from.dy };
  await item.dispatchEvent('dragstart', { dataTransfer: transfer });
  await pane.dispatchEvent('dragenter', { dataTransfer: transfer, ...point });
  await pane.dispatchEvent('dragover', { dataTransfer: transfer, ...point });
  await pane.dispatchEvent('drop', { dataTransfer: transfer, ...point });
  await item.dispatchEvent('dragend', { dataTransfer: transfer });
  await transfer.dispose();
}

/** Connects one output of a step to another step by dragging between their handles with the mouse. */
export async function dragConnect(page: Page, from: { nodeId: string; output: string }, toNodeId: string): Promise<void> {
  await settleView(page);
  const source = await canvasNode(page, from.nodeId).locator(`.react-flow__handle.source[data-handleid="${from.output}"]`).boundingBox();
  const target = await canvasNode(page, toNodeId).boundingBox();
  if (!source || !target) throw new Error(`cannot see ${from.nodeId} or ${toNodeId} on the canvas`);
  // Released within 20 px of the target handle (top centre of the card), React Flow connects to it.
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + 4, { steps: 8 });
  await page.mouse.up();
}

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../../../artifacts/screenshots');

/** Saves the page as e2e/artifacts/screenshots/<name>.png (the README's pictures are picked from these). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let transitions (fit view, panel slides) settle so the picture shows the resting state.
  await page.evaluate('window.scrollTo(0, 0); new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  // Temporal's time-skipping test server lists no task-queue pollers, so the health indicator reads
  // "worker down" here though a worker runs: a fact of the test server, not of Tend, kept out of the pictures.
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), style: '.health { visibility: hidden; }' });
}

/** Resolves once the canvas stopped moving (fit view and centring animate for ~200 ms, a frame after the click). */
export async function settleView(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').first().getAttribute('style');
  let last = await transform();
  let still = 0;
  await expect
    .poll(async () => {
      const now = await transform();
      still = now === last ? still + 1 : 0;
      last = now;
      return still;
    }, { interval: 100, timeout: 5_000 })
    .toBeGreaterThanOrEqual(4);
}

/** Whether keyboard focus is inside the editor's right-hand panel (the inspector). */
export function focusInSidePanel(page: Page): Promise<boolean> {
  return page.evaluate("Boolean(document.activeElement?.closest('.editor-side'))") as Promise<boolean>;
}
