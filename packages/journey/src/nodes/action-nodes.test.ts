import { describe, expect, it } from 'vitest';
import { compileJourney } from '../compile.js';
import { validateJourney } from '../validate.js';
import { catalogueJson } from './catalogue.js';
import { addToListNode, removeFromListNode } from './lists.js';
import { sendPushNode } from './send-push.js';
import { sendSmsNode } from './send-sms.js';
import { updateProfileNode } from './update-profile.js';
import { webhookNode } from './webhook.js';

/** The messages a marketer would see for this config, by field. */
function problems(spec: { config: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } }, config: unknown) {
  const result = spec.config.safeParse(config);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('action node specs', () => {
  it('are in the catalogue with a JSON Schema the inspector can render', () => {
    const catalogue = catalogueJson();
    for (const type of ['send-sms', 'send-push', 'webhook', 'update-profile', 'add-to-list', 'remove-from-list']) {
      const entry = catalogue.find((candidate) => candidate.type === type);
      expect(entry, type).toMatchObject({ version: 1, category: 'action', group: 'actions', outputs: [{ id: 'next', label: 'next' }] });
      expect(entry?.configSchema).toMatchObject({ type: 'object' });
    }
  });

  it('send-sms: a message is required and bounded', () => {
    expect(problems(sendSmsNode, { body: 'Hi {{ contact.firstName }}' })).toEqual([]);
    expect(problems(sendSmsNode, { body: '  ' })).toEqual(['body: write the text message']);
    expect(problems(sendSmsNode, { body: 'x'.repeat(1601) })).toEqual(['body: keep the message under 1,600 characters (10 SMS parts)']);
  });

  it('send-push: title and text required, the link absolute or a path', () => {
    expect(problems(sendPushNode, { title: 'Sale', body: 'Today only', url: '/sale' })).toEqual([]);
    expect(problems(sendPushNode, { title: 'Sale', body: 'Today only', url: '{{ contact.cartUrl }}' })).toEqual([]);
    expect(problems(sendPushNode, { title: '', body: 'x', url: 'sale' })).toEqual([
      'title: write a title',
      'url: link to a page: a full https:// address or a path such as /cart',
    ]);
  });

  it('webhook: defaults to POST with a 10 s timeout, and says what is wrong with a config', () => {
    expect(webhookNode.config.parse({ url: 'https://crm.example/hooks' })).toEqual({ url: 'https://crm.example/hooks', method: 'POST', timeoutMs: 10_000 });
    expect(
      problems(webhookNode, {
        url: 'ftp://crm.example',
        method: 'DELETE',
        headers: { 'Idempotency-Key': 'x', 'bad header': 'y' },
        timeoutMs: 120_000,
        saveResponseAs: 'crm.id',
      }),
    ).toEqual([
      'url: enter the full address to call, starting with https://',
      'method: choose POST, PUT, PATCH or GET',
      'headers.Idempotency-Key: Tend sets Idempotency-Key itself: remove it',
      'headers.bad header: "bad header" is not a valid header name',
      'timeoutMs: a webhook may take at most 60 seconds (60000 ms)',
      expect.stringMatching(/^saveResponseAs: "crm.id" is not a trait name/),
    ]);
    expect(problems(webhookNode, { url: 'https://crm.example', method: 'GET', body: '{}' })).toEqual(['body: a GET request has no body: remove it or choose POST']);
  });

  it('update-profile: trait names, templates and a non-empty change are checked', () => {
    expect(problems(updateProfileNode, { set: { plan: 'pro', visits: '{{ contact.visits | plus: 1 }}', tags: ['a'] }, unset: ['trial'] })).toEqual([]);
    expect(problems(updateProfileNode, { set: {} })).toEqual(['set: set or remove at least one trait']);
    expect(problems(updateProfileNode, { set: { id: 'x', 'first name': 'y', greeting: '{{ contact.name | nosuchfilter }}' } })).toEqual([
      'set.id: "id" is the contact\'s own identifier and cannot be set',
      expect.stringMatching(/^set.first name: "first name" is not a trait name/),
      expect.stringMatching(/^set.greeting: template does not parse/),
    ]);
    expect(problems(updateProfileNode, { set: { plan: 'pro' }, unset: ['plan'] })).toEqual(['unset: "plan" is both set and removed: keep one']);
  });

  it('lists: the list is named by a slug', () => {
    expect(problems(addToListNode, { list: 'vip-customers' })).toEqual([]);
    expect(problems(removeFromListNode, { list: 'VIP customers' })).toEqual([
      'list: a list id is lowercase letters and digits joined by dashes, e.g. "vip-customers"',
    ]);
  });

  it('a journey using every new action validates and compiles to action nodes', () => {
    const actions = [
      { id: 'sms', type: 'send-sms', data: { body: 'Hi {{ contact.firstName }}' } },
      { id: 'push', type: 'send-push', data: { title: 'Hi', body: 'Welcome' } },
      { id: 'hook', type: 'webhook', data: { url: 'https://crm.example/hooks', body: '{"id": "{{ contact.id }}"}' } },
      { id: 'profile', type: 'update-profile', data: { set: { stage: 'onboarded' } } },
      { id: 'add', type: 'add-to-list', data: { list: 'onboarded' } },
      { id: 'remove', type: 'remove-from-list', data: { list: 'prospects' } },
    ];
    const ids = ['start', ...actions.map((action) => action.id), 'done'];
    const graph = {
      id: 'onboarding',
      name: 'Onboarding',
      nodes: [{ id: 'start', type: 'trigger.identify', data: {} }, ...actions, { id: 'done', type: 'exit', data: {} }],
      edges: ids.slice(1).map((target, index) => ({ id: `e${index}`, source: ids[index]!, target })),
    };

    expect(validateJourney(graph).problems).toEqual([]);
    const compiled = compileJourney(graph);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.ir.nodes.hook).toMatchObject({ kind: 'action', type: 'webhook', version: 1, config: { method: 'POST', timeoutMs: 10_000 } });
  });
});
