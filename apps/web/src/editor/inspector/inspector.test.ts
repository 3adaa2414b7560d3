import { QueryClientProvider } from '@tanstack/react-query';
import { catalogueJson } from '@tend/journey';
import type { CatalogueEntry } from '@tend/journey/editor';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { queryClient, trpc } from '../../trpc';
import { createEditorStore, EditorStoreProvider } from '../store/editor-store';
import { Inspector } from './inspector';
import { JourneySettingsForm } from './journey-settings-form';

// A render to HTML (no DOM in these tests): the form is generated from the real catalogue, and
// what a marketer (and Playwright) finds by name is there.
const catalogue = catalogueJson() as unknown as CatalogueEntry[];
queryClient.setQueryData(trpc.system.catalogue.queryKey(), catalogue as never);

const graph = {
  id: 'welcome',
  name: 'Welcome',
  settings: { reentry: 'once-at-a-time', timeZone: 'Europe/Paris', exitWhen: [{ event: 'Unsubscribed', filters: [] }] },
  nodes: [
    { id: 'start', type: 'trigger.event', version: 1, position: { x: 0, y: 0 }, data: { event: 'Signed Up', filters: [{ property: 'plan', op: 'in', value: ['pro'] }] } },
    { id: 'pause', type: 'wait', version: 1, position: { x: 0, y: 100 }, data: { amount: 2, unit: 'days' } },
    {
      id: 'check',
      type: 'branch',
      version: 1,
      position: { x: 0, y: 200 },
      data: { cases: [{ id: 'vip', label: 'VIP', condition: { kind: 'any', conditions: [{ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, { kind: 'segment', segment: 'vip', member: true }] } }, { id: 'case-2', label: 'Other' }] },
    },
    { id: 'hello', type: 'send-email', version: 1, position: { x: 0, y: 300 }, data: { subject: 'Hi {{ contact.firstName }}', html: '' } },
    { id: 'morning', type: 'wait-until', version: 1, position: { x: 0, y: 400 }, data: { time: '09:00', weekdays: [1] } },
    { id: 'call', type: 'webhook', version: 1, position: { x: 0, y: 500 }, data: { url: 'https://example.com', headers: { 'X-Team': 'growth' } } },
  ],
  edges: [],
};

function render(selected: string | null, component: () => ReturnType<typeof createElement>, saved: object = graph) {
  const store = createEditorStore(saved);
  store.getState().setCatalogue(catalogue);
  if (selected) store.getState().select([selected]);
  // A server render reads zustand's initial state (useSyncExternalStore's server snapshot): make it this one.
  const state = store.getState();
  store.getInitialState = () => state;
  const html = renderToString(createElement(QueryClientProvider, { client: queryClient }, createElement(EditorStoreProvider, { store }, component())));
  // React marks where text pieces meet; the DOM (and a screen reader) reads them as one text.
  return html.replaceAll('<!-- -->', '');
}

const inspect = (nodeId: string) => render(nodeId, () => createElement(Inspector));

describe('<Inspector />', () => {
  it('draws a trigger with its event picker and its filters as rows', () => {
    const html = inspect('start');
    expect(html).toContain('Event happened');
    expect(html).toContain('value="Signed Up"');
    expect(html).toContain('aria-label="Filter 1 property"');
    expect(html).toContain('value="pro"');
    expect(html).toContain('Add filter');
  });

  it('draws a wait as one duration line', () => {
    const html = inspect('pause');
    expect(html).toContain('aria-label="Duration amount"');
    expect(html).toMatch(/<option value="days" selected="">/);
  });

  it('draws branch cases with named buttons and the condition as rows', () => {
    const html = inspect('check');
    expect(html).toContain('Add case');
    expect(html).toContain('Remove case 2');
    expect(html).toContain('Move case 1 down');
    expect(html).toContain('Match any');
    expect(html).toContain('aria-label="Condition 1 trait"');
    expect(html).toContain('aria-label="Condition 2 segment"');
    // The second case has no condition: the validator's message shows on its field.
    expect(html).toContain('choose a condition kind');
  });

  it('shows our validator’s messages on fields, and a preview with a test send for messages', () => {
    const html = inspect('hello');
    expect(html).toContain('write the email body');
    expect(html).toContain('Send test to');
    expect(html).toContain('Made-up contact');
  });

  it('draws time of day, weekdays and headers with their own controls', () => {
    const wait = inspect('morning');
    expect(wait).toContain('type="time"');
    expect(wait).toContain('aria-label="Monday"');
    const webhook = inspect('call');
    expect(webhook).toContain('aria-label="Header 1 name"');
    expect(webhook).toContain('value="growth"');
  });

  it('draws nothing without exactly one selected node', () => {
    expect(render(null, () => createElement(Inspector))).toBe('');
  });
});

describe('<JourneySettingsForm />', () => {
  it('shows name, re-entry choices, cool-down and exit events', () => {
    // No cool-down set: the validator's message shows under it.
    const html = render(null, () => createElement(JourneySettingsForm), { ...graph, settings: { ...graph.settings, reentry: 'cooldown' } });
    expect(html).toContain('value="Welcome"');
    expect(html).toContain('Again after a cool-down');
    expect(html).toContain('aria-label="Cool-down amount"');
    expect(html).toContain('set how long the cool-down lasts');
    expect(html).toContain('aria-label="Exit event 1"');
    expect(html).toContain('Add exit event');
  });

  it('shows the priority and the journey caps, with what publish says of a wrong one', () => {
    const html = render(null, () => createElement(JourneySettingsForm), { ...graph, settings: { ...graph.settings, priority: 8, caps: { sms: { count: 0, perDays: 1 } } } });
    expect(html).toMatch(/<option value="8" selected="">8<\/option>/);
    expect(html).toContain('the higher priority’s message goes first');
    expect(html).toContain('aria-label="SMS cap: messages"');
    expect(html).not.toContain('aria-label="Email cap: messages"');
    expect(html).toContain('a cap allows at least 1 message');
  });
});
