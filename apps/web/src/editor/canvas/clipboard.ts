import type { ClipboardPayload } from '../store/editor-types';
import { parseClipboard } from '../store/graph-edits';

/**
 * Copied steps go on the system clipboard as JSON, so they paste into another journey or
 * tab; a copy is also kept here for when the browser refuses clipboard access.
 */
let lastCopied: ClipboardPayload | null = null;

export function writeClipboard(payload: ClipboardPayload, event?: ClipboardEvent): void {
  lastCopied = payload;
  const text = JSON.stringify(payload);
  if (event?.clipboardData) {
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    return;
  }
  navigator.clipboard?.writeText(text).catch(() => {
    // Refused (no permission, page not focused): the in-memory copy still pastes here.
  });
}

/** The steps on the clipboard: from a paste event, else the clipboard API, else the last copy. */
export async function readClipboard(event?: ClipboardEvent): Promise<ClipboardPayload | null> {
  const fromEvent = event?.clipboardData?.getData('text/plain');
  if (fromEvent) return parseClipboard(fromEvent);
  try {
    const text = await navigator.clipboard?.readText();
    const parsed = text ? parseClipboard(text) : null;
    if (parsed) return parsed;
  } catch {
    // Permission refused: fall back to what was copied in this tab.
  }
  return lastCopied;
}
