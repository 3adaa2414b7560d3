/** What a key press on the canvas does. Pure, so the mapping is tested without a DOM. */
export type ShortcutAction = 'undo' | 'redo' | 'delete' | 'copy' | 'cut' | 'paste' | 'tidy' | 'fit' | 'help' | 'escape';

interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (mod && !press.altKey) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !press.shiftKey) return 'redo';
    if (press.shiftKey) return null;
    if (key === 'c') return 'copy';
    if (key === 'x') return 'cut';
    if (key === 'v') return 'paste';
    return null;
  }
  if (mod || press.altKey) return null;
  if (press.key === 'Delete' || press.key === 'Backspace') return 'delete';
  if (press.key === 'Escape') return 'escape';
  if (press.key === '?') return 'help';
  if (press.shiftKey && (press.code === 'KeyL' || key === 'l')) return 'tidy';
  if (press.shiftKey && (press.code === 'Digit1' || press.key === '!')) return 'fit';
  return null;
}

/** The shortcuts, as the help popover lists them. */
export const shortcutList: readonly { keys: string; does: string }[] = [
  { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', does: 'Redo' },
  { keys: 'Delete, Backspace', does: 'Delete the selected steps and connections' },
  { keys: 'Ctrl/⌘ + C, X, V', does: 'Copy, cut, paste steps (also into another journey)' },
  { keys: 'Shift + click, Shift + drag', does: 'Select several steps' },
  { keys: 'Tab, then Enter', does: 'Reach a step and open its settings' },
  { keys: 'Shift + L', does: 'Tidy up the layout' },
  { keys: 'Shift + 1', does: 'Zoom to fit' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Escape', does: 'Close a menu, clear the selection' },
];

/** Typing in a field keeps its own shortcuts (undo in a text box undoes the typing). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}
