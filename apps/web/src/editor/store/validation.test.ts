import { catalogueJson } from '@tend/journey';
import { describe, expect, test } from 'vitest';
import { createEditorStore } from './editor-store';
import { problemsOf } from './validation';

function journeySending(template: string) {
  const store = createEditorStore({
    id: 'templated',
    name: 'Templated',
    nodes: [
      { id: 'in', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'Joined' } },
      { id: 'mail', type: 'send-email', position: { x: 0, y: 100 }, data: { template } },
      { id: 'out', type: 'exit', position: { x: 0, y: 200 }, data: {} },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'mail' },
      { id: 'b', source: 'mail', target: 'out' },
    ],
  });
  store.getState().setCatalogue(catalogueJson());
  return store;
}

const templateProblems = (store: ReturnType<typeof journeySending>) => problemsOf(store.getState()).filter((problem) => problem.field === 'template');

describe('validation against the email library', () => {
  test('is not checked until the library is read, as publish offline would not', () => {
    expect(templateProblems(journeySending('welcom'))).toEqual([]);
  });

  test('marks a step naming a template the library lacks or has not published, as publish refuses it', () => {
    const store = journeySending('welcom');
    store.getState().setTemplates([
      { id: 'welcome', live: true },
      { id: 'order', live: false },
    ]);
    expect(templateProblems(store)).toEqual([{ nodeId: 'mail', field: 'template', message: 'there is no email template "welcom": create it under Templates' }]);

    store.getState().setNodeConfig('mail', { template: 'order' });
    expect(templateProblems(store).map((problem) => problem.message)).toEqual(['publish the template "order" first']);

    store.getState().setNodeConfig('mail', { template: 'welcome' });
    expect(problemsOf(store.getState())).toEqual([]);
  });
});

describe('validation against the workspace’s topics', () => {
  const topicProblems = (store: ReturnType<typeof journeySending>) => problemsOf(store.getState()).filter((problem) => problem.field === 'topic');

  test('marks a step naming no topic of the workspace once the topics are read, as publish refuses it', () => {
    const store = journeySending('');
    store.getState().setNodeConfig('mail', { subject: 'Sale', html: '<p>Sale</p>', topic: 'offres' });
    expect(topicProblems(store)).toEqual([]);

    store.getState().setTopics(['news', 'offers']);
    expect(topicProblems(store)).toEqual([
      { nodeId: 'mail', field: 'topic', message: 'there is no topic "offres": choose one of "news", "offers", or add it under Messaging → Topics' },
    ]);

    store.getState().setNodeConfig('mail', { subject: 'Sale', html: '<p>Sale</p>', topic: 'offers' });
    expect(problemsOf(store.getState())).toEqual([]);
  });
});
