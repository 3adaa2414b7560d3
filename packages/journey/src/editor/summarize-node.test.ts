import { describe, expect, test } from 'vitest';
import { catalogueJson } from '../nodes/catalogue.js';
import { summarizeNode as summarizeEntry } from './summarize-node.js';

const catalogue = catalogueJson();

/** The summary of a built-in node type, as the editor renders it from the catalogue. */
function summarizeNode(type: string, config: Record<string, unknown>): string {
  return summarizeEntry(catalogue.find((entry) => entry.type === type), config);
}

describe('summarizeNode', () => {
  test('says what each trigger does with its config', () => {
    expect(summarizeNode('trigger.identify', { onlyNewContacts: true })).toBe('When a contact is identified (new contacts only)');
    expect(summarizeNode('trigger.identify', { onlyNewContacts: false })).toBe('When a contact is identified');
    expect(summarizeNode('trigger.event', { event: 'Order Completed' })).toBe('When Order Completed happens');
    expect(summarizeNode('trigger.event', { event: 'Order Completed', filters: [{ property: 'total', op: 'gte', value: 100 }] })).toBe(
      'When Order Completed happens (1 filter)',
    );
    expect(summarizeNode('trigger.segment', { segment: 'vip' })).toBe('When they enter segment vip');
    expect(summarizeNode('trigger.date-attribute', { attribute: 'birthday', offsetDays: -7, time: '09:00' })).toBe(
      '7 days before birthday at 09:00',
    );
    expect(summarizeNode('trigger.date-attribute', { attribute: 'renewal', offsetDays: 1, time: '08:30', recurring: true })).toBe(
      '1 day after renewal at 08:30, every year',
    );
    expect(summarizeNode('trigger.schedule', { cron: '0 9 * * 1' })).toBe('Schedule 0 9 * * 1');
    expect(summarizeNode('trigger.schedule', { cron: '0 9 * * 1', condition: { kind: 'segment', segment: 'vip' } })).toBe(
      'Schedule 0 9 * * 1 (contacts matching a condition)',
    );
  });

  test('applies config defaults the file omits', () => {
    expect(summarizeNode('trigger.identify', {})).toBe('When a contact is identified (new contacts only)');
    expect(summarizeNode('trigger.date-attribute', { attribute: 'birthday' })).toBe('On birthday at 09:00');
    expect(summarizeNode('webhook', { url: 'https://crm.example/hook' })).toBe('Webhook POST https://crm.example/hook');
  });

  test('says what each control node does', () => {
    expect(summarizeNode('wait', { amount: 2, unit: 'days' })).toBe('Wait 2 days');
    expect(summarizeNode('wait-until', { time: '09:00', weekdays: [3, 1] })).toBe('Wait until 09:00 on Mon, Wed');
    expect(summarizeNode('wait-until', { time: '09:00', weekdays: [] })).toBe('Wait until 09:00');
    expect(summarizeNode('wait-until', { time: '18:00', weekdays: [5, 4, 3, 2, 1] })).toBe('Wait until 18:00 on weekdays');
    expect(summarizeNode('wait-until', { time: '10:00', weekdays: [0, 6] })).toBe('Wait until 10:00 at weekends');
    expect(
      summarizeNode('wait-for-event', { event: 'Order Completed', matchEntryProperty: 'cartId', timeout: { amount: 4, unit: 'hours' } }),
    ).toBe('Wait up to 4 hours for Order Completed (same cartId)');
    const cases = [
      { id: 'vip', label: 'VIP', condition: { kind: 'segment', segment: 'vip' } },
      { id: 'big', label: 'Big spender', condition: { kind: 'segment', segment: 'big' } },
    ];
    expect(summarizeNode('branch', { cases })).toBe('Branch: 2 cases + else');
    expect(summarizeNode('branch', { cases: cases.slice(1) })).toBe('Branch: 1 case + else');
    expect(
      summarizeNode('split', {
        paths: [
          { id: 'treatment', label: 'Treatment', percent: 90 },
          { id: 'holdout', label: 'Holdout', percent: 10, holdout: true },
        ],
      }),
    ).toBe('Split: Treatment 90% · Holdout 10% (holdout)');
    expect(summarizeNode('goal', { event: 'Order Completed', window: { amount: 150, unit: 'days' } })).toBe(
      'Goal: Order Completed within 150 days',
    );
    expect(summarizeNode('goal', { event: 'Order Completed' })).toBe('Goal: Order Completed while in the journey');
    expect(summarizeNode('exit', {})).toBe('The contact leaves the journey');
  });

  test('says what each action does', () => {
    expect(summarizeNode('send-email', { subject: 'Welcome, {{ contact.firstName }}', html: '<p>Hi</p>' })).toBe(
      'Email: Welcome, {{ contact.firstName }}',
    );
    expect(summarizeNode('send-sms', { body: 'Your cart is waiting:\n{{ event.properties.cartUrl }}' })).toBe(
      'SMS: Your cart is waiting: {{ event.properties.cartUrl }}',
    );
    expect(summarizeNode('send-push', { title: 'Back in stock', body: 'Get it now' })).toBe('Push: Back in stock');
    expect(summarizeNode('webhook', { url: 'https://crm.example/hook', method: 'PUT', saveResponseAs: 'crm' })).toBe(
      'Webhook PUT https://crm.example/hook, answer saved as crm',
    );
    expect(summarizeNode('update-profile', { set: { plan: 'pro', vip: true } })).toBe('Update profile: plan, vip');
    expect(summarizeNode('update-profile', { set: { plan: 'pro' }, unset: ['trial_ends'] })).toBe(
      'Update profile: plan; remove trial_ends',
    );
    expect(summarizeNode('update-profile', { set: { a: 1, b: 2, c: 3, d: 4, e: 5 } })).toBe('Update profile: a, b, c +2 more');
    expect(summarizeNode('add-to-list', { list: 'vip' })).toBe('Add to list vip');
    expect(summarizeNode('remove-from-list', { list: 'vip' })).toBe('Remove from list vip');
  });

  test('speaks of one unit in the singular', () => {
    expect(summarizeNode('wait', { amount: 1, unit: 'hours' })).toBe('Wait 1 hour');
    expect(summarizeNode('trigger.date-attribute', { attribute: 'birthday', offsetDays: -1 })).toBe('1 day before birthday at 09:00');
  });

  test('names what is missing instead of printing undefined', () => {
    expect(summarizeNode('wait', { unit: 'days' })).toBe('Wait (no duration set)');
    expect(summarizeNode('trigger.event', { event: '  ' })).toBe('When an event happens (no event named)');
    expect(summarizeNode('send-email', {})).toBe('Email (no subject yet)');
    expect(summarizeNode('wait-for-event', { event: 'Order Completed' })).toBe('Wait for Order Completed (no time limit set)');
    expect(summarizeNode('wait-until', {})).toBe('Wait until a time of day (no time set)');
    expect(summarizeNode('branch', {})).toBe('Branch: no cases yet, everyone goes to else');
    expect(summarizeNode('split', { paths: 'oops' })).toBe('Split (no paths yet)');
    expect(summarizeNode('webhook', {})).toBe('Webhook POST (no address set)');
    expect(summarizeNode('update-profile', { set: {} })).toBe('Update profile (no traits chosen)');
    expect(summarizeNode('add-to-list', {})).toBe('Add to a list (no list named)');
    expect(summarizeNode('trigger.schedule', {})).toBe('On a schedule (no cron expression set)');
  });

  test('leaves a type the catalogue does not list to the caller', () => {
    expect(summarizeNode('custom.crm-sync', { list: 'vip' })).toBe('');
  });

  test("renders a custom node's own template, and falls back to its title", () => {
    const entry = { ...catalogue.find((candidate) => candidate.type === 'add-to-list')!, type: 'acme.crm', title: 'Sync to CRM' };
    expect(summarizeEntry({ ...entry, summary: 'Sync to {{ crm | upcase }}' }, { crm: 'hubspot' })).toBe('Sync to HUBSPOT');
    expect(summarizeEntry({ ...entry, summary: '{% if crm %}Sync to {{ crm }}{% endif %}' }, {})).toBe('Sync to CRM');
    expect(summarizeEntry({ ...entry, summary: '{% if %}' }, {})).toBe('Sync to CRM');
    expect(summarizeEntry({ ...entry, summary: '{{ missing.deeply.nested }}' }, {})).toBe('Sync to CRM');
  });

  test('never prints undefined, whatever the config holds', () => {
    const odd = [{}, { amount: 'x' }, { cases: [null, 3] }, { paths: [null, { id: 'a' }] }, { set: 'x', unset: [1] }, { filters: 'x', event: 3 }];
    for (const entry of catalogue) {
      for (const config of odd) {
        const text = summarizeEntry(entry, config);
        expect(text, entry.type).not.toMatch(/undefined|null|NaN|\[object/);
        expect(text, entry.type).not.toBe('');
      }
    }
  });

  test('split paths without a label or a share', () => {
    expect(summarizeNode('split', { paths: [{ id: 'a', percent: 0 }, { label: ' ' }, null] })).toBe('Split: a 0% · unnamed path · unnamed path');
  });
});
