import { describe, expect, test } from 'vitest';
import { draftStatus, sameContent, sameEdit, withField } from './draft-state';
import type { TemplateContent } from './template-types';

const live: TemplateContent = { format: 'mjml', subject: 'Welcome, {{ contact.firstName }}!', body: '<mj-text>Hi</mj-text>', preheader: 'Good to see you' };

describe('withField', () => {
  test('sets a field, and leaves an emptied optional field out as the server stores it', () => {
    expect(withField(live, 'body', '<mj-text>Hello</mj-text>').body).toBe('<mj-text>Hello</mj-text>');
    expect(withField(live, 'text', 'Hi there')).toEqual({ ...live, text: 'Hi there' });
    expect(withField(live, 'preheader', '')).toEqual({ format: 'mjml', subject: live.subject, body: live.body });
    expect(live.preheader).toBe('Good to see you');
  });
});

describe('the draft against the live version', () => {
  test('an absent field and an empty one are the same draft', () => {
    expect(sameContent({ ...live, text: '' }, live, 'template')).toBe(true);
    expect(sameContent(withField(live, 'body', 'changed'), live, 'template')).toBe(false);
    expect(sameContent({ ...live, format: 'html' }, live, 'template')).toBe(false);
  });

  test('a layout’s subject does not count: the server drops it', () => {
    expect(sameContent({ ...live, subject: 'ignored' }, { ...live, subject: undefined }, 'layout')).toBe(true);
  });

  test('says whether the draft has unpublished changes', () => {
    expect(draftStatus(live, undefined, 'template')).toBeNull();
    expect(draftStatus(live, null, 'template')).toBe('never-published');
    expect(draftStatus({ ...live }, live, 'template')).toBe('same-as-live');
    expect(draftStatus(withField(live, 'subject', 'Hello'), live, 'template')).toBe('unpublished-changes');
  });

  test('a renamed item is an edit to save, whatever spaces were typed around the name', () => {
    expect(sameEdit({ name: 'Welcome', draft: live }, { name: ' Welcome ', draft: live }, 'template')).toBe(true);
    expect(sameEdit({ name: 'Welcome', draft: live }, { name: 'Hello', draft: live }, 'template')).toBe(false);
  });
});
