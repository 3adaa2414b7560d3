import { describe, expect, it } from 'vitest';
import { summarizeNode as summarizeEntry } from '../editor/summarize-node.js';
import type { JourneyGraphInput } from '../graph.js';
import { validateJourney } from '../validate.js';
import { catalogueJson } from './catalogue.js';
import { sendEmailNode } from './send-email.js';

const summarizeNode = (type: string, config: Record<string, unknown>) => summarizeEntry(catalogueJson().find((entry) => entry.type === type), config);

function sending(data: Record<string, unknown>): JourneyGraphInput {
  return {
    id: 'welcome',
    name: 'Welcome',
    nodes: [
      { id: 'in', type: 'trigger.event', data: { event: 'Joined' } },
      { id: 'mail', type: 'send-email', data },
      { id: 'out', type: 'exit' },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'mail' },
      { id: 'b', source: 'mail', target: 'out' },
    ],
  };
}

describe('send-email with a library template', () => {
  it('needs a subject and a body only when it names no template', () => {
    expect(sendEmailNode.config.safeParse({ template: 'welcome' }).success).toBe(true);
    const inline = sendEmailNode.config.safeParse({});
    expect(inline.success || inline.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['subject', 'write a subject line'],
      ['html', 'write the email body'],
    ]);
  });

  it('says which template it sends', () => {
    expect(summarizeNode('send-email', { template: 'welcome' })).toBe('Email: template welcome');
    expect(summarizeNode('send-email', { template: 'welcome', subject: 'Hi' })).toBe('Email: template welcome');
    expect(summarizeNode('send-email', { subject: 'Hi' })).toBe('Email: Hi');
  });

  it('is refused at publish when the workspace has no such template, or has not published it', () => {
    const templates = [
      { id: 'welcome', live: true },
      { id: 'draft', live: false },
    ];
    expect(validateJourney(sending({ template: 'welcome' }), { templates })).toMatchObject({ ok: true });
    expect(validateJourney(sending({ template: 'nothing' }), { templates }).problems).toEqual([
      { nodeId: 'mail', field: 'template', message: 'there is no email template "nothing": create it under Templates' },
    ]);
    expect(validateJourney(sending({ template: 'draft' }), { templates }).problems).toEqual([{ nodeId: 'mail', field: 'template', message: 'publish the template "draft" first' }]);
    // Offline (the CLI's own check) the library is not known: the server checks it.
    expect(validateJourney(sending({ template: 'nothing' })).ok).toBe(true);
  });
});

describe('send-email reply-to', () => {
  it('takes one mailbox, and refuses anything else at its field', () => {
    expect(validateJourney(sending({ template: 'welcome', replyTo: 'Help <help@shop.example>' })).ok).toBe(true);
    expect(validateJourney(sending({ template: 'welcome', replyTo: 'help@shop.example, sales@shop.example' })).problems).toEqual([
      { nodeId: 'mail', field: 'replyTo', message: '"help@shop.example, sales@shop.example" names more than one address: write one reply-to address, e.g. Shop <hello@shop.example>' },
    ]);
  });
});
