import { describe, expect, test } from 'vitest';
import { templateOptions, templateOverrideHint, type LibraryEntry } from './template-options';

const library: LibraryEntry[] = [
  { id: 'welcome', kind: 'template', name: 'Welcome', liveVersion: 2, archivedAt: null },
  { id: 'order', kind: 'template', name: 'Order shipped', liveVersion: null, archivedAt: null },
  { id: 'old', kind: 'template', name: 'Old news', liveVersion: 1, archivedAt: '2026-11-29T10:00:00.000Z' },
  { id: 'base', kind: 'layout', name: 'Base layout', liveVersion: 1, archivedAt: null },
];

describe('the send-email step’s template picker', () => {
  test('offers live templates, shows unpublished ones disabled, and leaves out layouts, partials and archived ones', () => {
    expect(templateOptions(library, '')).toEqual([
      { value: '', label: 'None: write the email in this step', disabled: false },
      { value: 'welcome', label: 'Welcome (welcome) · v2', disabled: false },
      { value: 'order', label: 'Order shipped (order): not published, publish it first', disabled: true },
    ]);
  });

  test('keeps a chosen id the library cannot send, saying why', () => {
    expect(templateOptions(library, 'welcom').at(-1)).toEqual({ value: 'welcom', label: 'welcom (not in the library)', disabled: true });
    expect(templateOptions(library, 'old').at(-1)).toEqual({ value: 'old', label: 'old (archived)', disabled: true });
    expect(templateOptions(library, 'base').at(-1)).toEqual({ value: 'base', label: 'base (a layout, not a template)', disabled: true });
    expect(templateOptions(library, 'welcome')).toHaveLength(3);
  });

  test('says what the step’s own subject and body do beside a template', () => {
    expect(templateOverrideHint('subject', 'welcome')).toBe('Empty: the subject of the template "welcome". Written here, it replaces it.');
    expect(templateOverrideHint('html', 'welcome')).toMatch(/^Empty: the body of the template "welcome"/);
    expect(templateOverrideHint('from', 'welcome')).toBeNull();
  });
});
