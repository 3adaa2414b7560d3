import { describe, expect, test } from 'vitest';
import { summarizeNode } from './node-summary';

describe('summarizeNode', () => {
  test('says what each built-in node does with its config', () => {
    expect(summarizeNode('trigger.identify', { onlyNewContacts: true })).toBe('When a contact is identified (new contacts only)');
    expect(summarizeNode('trigger.identify', { onlyNewContacts: false })).toBe('When a contact is identified');
    expect(summarizeNode('trigger.event', { event: 'Order Completed' })).toBe('When Order Completed happens');
    expect(summarizeNode('wait', { amount: 2, unit: 'days' })).toBe('Wait 2 days');
    expect(summarizeNode('send-email', { subject: 'Welcome, {{ contact.firstName }}', html: '<p>Hi</p>' })).toBe(
      'Email: Welcome, {{ contact.firstName }}',
    );
    expect(summarizeNode('exit', {})).toBe('The contact leaves the journey');
  });

  test('applies the identify trigger default when the config omits it', () => {
    expect(summarizeNode('trigger.identify', {})).toBe('When a contact is identified (new contacts only)');
  });

  test('speaks of one unit in the singular', () => {
    expect(summarizeNode('wait', { amount: 1, unit: 'hours' })).toBe('Wait 1 hour');
  });

  test('names what is missing instead of printing undefined', () => {
    expect(summarizeNode('wait', { unit: 'days' })).toBe('Wait (no duration set)');
    expect(summarizeNode('trigger.event', { event: '  ' })).toBe('When an event happens (no event named)');
    expect(summarizeNode('send-email', {})).toBe('Email (no subject yet)');
  });

  test('leaves unknown node types to the catalogue description', () => {
    expect(summarizeNode('custom.crm-sync', { list: 'vip' })).toBe('');
  });
});
