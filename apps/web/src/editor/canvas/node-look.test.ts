import { catalogueJson } from '@tend/journey';
import { describe, expect, test } from 'vitest';
import { groupCatalogue, searchCatalogue } from './node-look';

const catalogue = catalogueJson();

describe('groupCatalogue', () => {
  test('lists entries, waits, logic and actions, in that order', () => {
    const groups = groupCatalogue(catalogue);
    expect(groups.map(({ group }) => group)).toEqual(['entries', 'waits', 'logic', 'actions']);
    expect(groups[1]?.entries.map((entry) => entry.type)).toEqual(['wait', 'wait-until', 'wait-for-event']);
  });

  test('offers only the newest version of a type', () => {
    const email = catalogue.find((entry) => entry.type === 'send-email');
    if (!email) throw new Error('no send-email in the catalogue');
    const groups = groupCatalogue([...catalogue, { ...email, version: 2, title: 'Send email (new)' }]);
    const actions = groups.find(({ group }) => group === 'actions')?.entries ?? [];
    expect(actions.filter((entry) => entry.type === 'send-email').map((entry) => entry.version)).toEqual([2]);
  });
});

describe('searchCatalogue', () => {
  test('finds by title words, titles starting with the word first', () => {
    const found = searchCatalogue(catalogue, 'wait').map((entry) => entry.type);
    expect(found.slice(0, 3).sort()).toEqual(['wait', 'wait-for-event', 'wait-until']);
    expect(searchCatalogue(catalogue, 'sms').map((entry) => entry.type)).toContain('send-sms');
    expect(searchCatalogue(catalogue, 'no such node')).toEqual([]);
  });

  test('lists everything for an empty query', () => {
    expect(searchCatalogue(catalogue, '  ')).toHaveLength(new Set(catalogue.map((entry) => entry.type)).size);
  });
});
