// Code that runs inside the page, kept as text: tsx compiles the bench with esbuild's keepNames,
// which wraps functions declared in a page.evaluate callback in a `__name` helper the page lacks.

/** Starts recording requestAnimationFrame intervals into window.__frames. */
export const startFrameRecording = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  requestAnimationFrame(function tick(now) {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  });
})()`;

/** Stops the recording; the intervals, less the first (it spans the set-up, not a frame). */
export const stopFrameRecording = `(() => {
  window.__recording = false;
  return window.__frames.slice(1);
})()`;

/**
 * Arms window.__latency: resolves with the milliseconds from the next `trigger` event (keydown or
 * pointerdown) until `selector` is present (or absent) in the document.
 */
export function armLatency(trigger: 'keydown' | 'pointerdown', selector: string, until: 'present' | 'absent'): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const wantPresent = ${JSON.stringify(until === 'present')};
    window.__latency = new Promise((resolve) => {
      let began = 0;
      const observer = new MutationObserver(() => {
        if (began && (document.querySelector(selector) !== null) === wantPresent) {
          observer.disconnect();
          resolve(performance.now() - began);
        }
      });
      window.addEventListener(${JSON.stringify(trigger)}, () => { began = performance.now(); }, { capture: true, once: true });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  })()`;
}

export const readLatency = 'window.__latency';

/** Resolves after two painted frames. */
export const twoFrames = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

/** The ids of the canvas nodes drawn wholly inside the canvas's own box (not under the page's header). */
export const inViewNodeIds = `(() => {
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  return [...document.querySelectorAll('.react-flow__node')]
    .filter((node) => { const box = node.getBoundingClientRect(); return box.top >= pane.top && box.left >= pane.left && box.bottom <= pane.bottom && box.right <= pane.right; })
    .map((node) => node.getAttribute('data-id'));
})()`;
