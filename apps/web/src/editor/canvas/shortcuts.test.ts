import { describe, expect, test } from 'vitest';
import { shortcutFor } from './shortcuts';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('shortcutFor', () => {
  test('undo and redo on both platforms', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
  });

  test('clipboard, delete, layout, help', () => {
    expect(press('c', { metaKey: true })).toBe('copy');
    expect(press('v', { ctrlKey: true })).toBe('paste');
    expect(press('x', { ctrlKey: true })).toBe('cut');
    expect(press('Delete')).toBe('delete');
    expect(press('Backspace')).toBe('delete');
    expect(press('L', { shiftKey: true, code: 'KeyL' })).toBe('tidy');
    expect(press('!', { shiftKey: true, code: 'Digit1' })).toBe('fit');
    expect(press('?', { shiftKey: true })).toBe('help');
  });

  test('leaves other keys alone', () => {
    expect(press('l')).toBeNull();
    expect(press('c')).toBeNull();
    expect(press('c', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(press('Delete', { ctrlKey: true })).toBeNull();
  });
});
