import { join } from 'node:path';
import { chromiumPath, launchChromium } from '@tend/e2e/harness';
import type { Browser, Page } from 'playwright-core';
import type { Cleanup } from '../cleanup.js';
import { progress, type Comparison } from '../report.js';
import { summarize } from '../stats.js';
import type { BenchTend } from '../tend-instance.js';
import { serveBaselinePage } from './baseline-page.js';
import { consoleMutation } from './console-call.js';
import { clickToDom, keyToDom } from './edit-latency.js';
import { panAndZoomFrames } from './frame-times.js';
import { generatedJourney } from './generate-journey.js';
import { inViewNodeIds, twoFrames } from './in-page.js';

const journeySize = 300;
const loads = 3;
const edits = 10;

/**
 * The editor in headless Chromium: time to interactive of a 300-node journey, frame times while
 * panning and zooming it, and edit → problem shown on the node, each beside the same figure for
 * an empty React Flow page built and measured in the same run.
 */
export async function benchEditor(options: { tend: BenchTend; workDir: string; cleanup: Cleanup }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const executable = chromiumPath();
  if (!executable) return { rows: [], notes: ["skipped: no chromium (apt-get install chromium, or set CHROMIUM_PATH)"] };
  if (!options.tend.signInLink) throw new Error('npm start printed no sign-in link for the browser');
  progress('building the empty React Flow baseline page');
  const baseline = await serveBaselinePage(join(options.workDir, 'baseline-page'));
  options.cleanup.defer('baseline page server', () => baseline.close());
  const browser = await launchChromium(executable);
  options.cleanup.defer('chromium', () => browser.close());

  const editor = await signedInPage(browser, options.tend.signInLink);
  const id = `generated-${journeySize}`;
  await consoleMutation(editor, 'journeys.create', { id, name: `Generated ${journeySize}-node journey`, graph: generatedJourney(id, journeySize) });
  const editorUrl = `${options.tend.url}/#/journeys/${id}`;

  progress(`time to interactive: ${loads} loads each`);
  const editorLoads: number[] = [];
  const baselineLoads: number[] = [];
  for (let round = 0; round < loads; round++) {
    editorLoads.push(await timeToInteractive(editor, editorUrl, journeySize));
    baselineLoads.push(await timeToInteractive(editor, baseline.url, 0));
  }

  progress('frame times while panning and zooming');
  await editor.goto('about:blank');
  await editor.goto(editorUrl);
  await untilNodes(editor, journeySize);
  const editorFrames = await panAndZoomFrames(editor, '.react-flow__pane');
  const empty = await browser.newPage();
  await empty.goto(baseline.url);
  await empty.locator('.react-flow__pane').waitFor();
  const baselineFrames = await panAndZoomFrames(empty, '.react-flow__pane');

  progress(`edit → problem on the node: ${edits} deletions and undos`);
  // A fresh load (a goto that changes only the hash would keep the panned viewport).
  await editor.goto('about:blank');
  await editor.goto(editorUrl);
  await untilNodes(editor, journeySize);
  // Deleting an email step leaves the wait before it with an output leading nowhere: the validator
  // flags that wait and its card shows the marker. The steps in the middle of the window are in view.
  const step = await emailStepInView(editor);
  const marker = `.react-flow__node[data-id="step-${step - 1}"] [aria-label*="problem"]`;
  const editorEdits: number[] = [];
  const baselineEdits: number[] = [];
  for (let round = 0; round < edits; round++) {
    await editor.locator(`.react-flow__node[data-id="step-${step}"]`).click();
    editorEdits.push(await keyToDom(editor, 'Delete', marker, 'present'));
    await keyToDom(editor, 'Control+z', marker, 'absent');
    baselineEdits.push(await clickToDom(empty, 'button', `.react-flow__node[data-id="n${round}"]`));
  }

  const load = summarize(editorLoads);
  const base = summarize(baselineLoads);
  const edit = summarize(editorEdits);
  const baseEdit = summarize(baselineEdits);
  return {
    rows: [
      { figure: `time to interactive, ${journeySize} nodes (median)`, value: load.p50, baseline: 'empty React Flow page', base: base.p50, unit: 'duration' },
      { figure: 'frame time panning/zooming, p50', value: editorFrames.p50, baseline: 'empty React Flow page', base: baselineFrames.p50, unit: 'duration' },
      { figure: 'frame time panning/zooming, p95', value: editorFrames.p95, baseline: 'empty React Flow page', base: baselineFrames.p95, unit: 'duration' },
      { figure: 'edit → problem on the node, p50', value: edit.p50, baseline: 'click → node drawn, empty page', base: baseEdit.p50, unit: 'duration' },
      { figure: 'edit → problem on the node, p95', value: edit.p95, baseline: 'click → node drawn, empty page', base: baseEdit.p95, unit: 'duration' },
    ],
    notes: [
      `time to interactive: from navigation until all ${journeySize} nodes are drawn and two frames have painted (signed in, catalogue and draft fetched)`,
      `frames: ${editorFrames.count} editor and ${baselineFrames.count} baseline requestAnimationFrame intervals over 3 drags and 30 wheel turns`,
      "edit: Delete on a selected email step until the validator's marker shows on the wait it left without a next step, measured in the page",
    ],
  };
}

async function signedInPage(browser: Browser, signInLink: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(signInLink);
  await page.getByRole('heading', { name: 'Journeys' }).waitFor();
  return page;
}

async function timeToInteractive(page: Page, url: string, nodes: number): Promise<number> {
  await page.goto('about:blank');
  const began = performance.now();
  await page.goto(url);
  await (nodes > 0 ? untilNodes(page, nodes) : page.locator('.react-flow__pane').waitFor());
  await page.evaluate(twoFrames);
  return performance.now() - began;
}

/** The number of a generated email step (step-N, N = 2 mod 3) drawn inside the canvas, with the wait before it. */
async function emailStepInView(page: Page): Promise<number> {
  const inView = await page.evaluate(inViewNodeIds);
  const step = (inView as string[])
    .map((id) => /^step-(\d+)$/.exec(id)?.[1])
    .map(Number)
    .find((n) => n % 3 === 2 && (inView as string[]).includes(`step-${n - 1}`));
  if (step === undefined) throw new Error('no email step of the generated journey is in view');
  return step;
}

async function untilNodes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, count, { timeout: 60_000 });
}
