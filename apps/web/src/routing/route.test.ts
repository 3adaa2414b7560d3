import { describe, expect, test } from 'vitest';
import { hrefFor, parseHash, routeInAnotherWorkspace } from './route';

describe('parseHash', () => {
  test('opens the journey list when there is no hash', () => {
    expect(parseHash('')).toEqual({ page: 'journeys' });
    expect(parseHash('#/')).toEqual({ page: 'journeys' });
  });

  test('reads each page', () => {
    expect(parseHash('#/journeys')).toEqual({ page: 'journeys' });
    expect(parseHash('#/journeys/welcome')).toEqual({ page: 'journey', id: 'welcome' });
    expect(parseHash('#/journeys/welcome/watch')).toEqual({ page: 'journey', id: 'welcome', tab: 'watch' });
    expect(parseHash('#/journeys/welcome/history')).toEqual({ page: 'journey', id: 'welcome', tab: 'history' });
    expect(parseHash('#/journeys/welcome/history/3')).toEqual({ page: 'journey', id: 'welcome', tab: 'history', version: 3 });
    expect(parseHash('#/outbox')).toEqual({ page: 'outbox' });
    expect(parseHash('#/messaging')).toEqual({ page: 'messaging' });
    expect(parseHash('#/templates')).toEqual({ page: 'templates' });
    expect(parseHash('#/templates/welcome')).toEqual({ page: 'template', id: 'welcome' });
    expect(parseHash('#/contacts')).toEqual({ page: 'contacts' });
    expect(parseHash('#/contacts/ada')).toEqual({ page: 'contact', id: 'ada', journeyId: null });
    expect(parseHash('#/contacts/ada/welcome')).toEqual({ page: 'contact', id: 'ada', journeyId: 'welcome' });
    expect(parseHash('#/settings')).toEqual({ page: 'settings' });
    expect(parseHash('#/audit')).toEqual({ page: 'audit' });
    expect(parseHash('#/events')).toEqual({ page: 'events' });
    expect(parseHash('#/invitation/inv_abc-123')).toEqual({ page: 'invitation', token: 'inv_abc-123' });
  });

  test('reports a hash it does not know', () => {
    expect(parseHash('#/billing')).toEqual({ page: 'not-found', hash: '#/billing' });
    expect(parseHash('#/settings/members')).toEqual({ page: 'not-found', hash: '#/settings/members' });
    expect(parseHash('#/events/ev_1')).toEqual({ page: 'not-found', hash: '#/events/ev_1' });
    expect(parseHash('#/invitation')).toEqual({ page: 'not-found', hash: '#/invitation' });
    expect(parseHash('#/invitation/a/b')).toEqual({ page: 'not-found', hash: '#/invitation/a/b' });
    expect(parseHash('#/journeys/a/b')).toEqual({ page: 'not-found', hash: '#/journeys/a/b' });
    expect(parseHash('#/journeys/a/history/latest')).toEqual({ page: 'not-found', hash: '#/journeys/a/history/latest' });
    expect(parseHash('#/journeys/a/history/0')).toEqual({ page: 'not-found', hash: '#/journeys/a/history/0' });
    expect(parseHash('#/journeys/a/watch/1')).toEqual({ page: 'not-found', hash: '#/journeys/a/watch/1' });
    expect(parseHash('#/contacts/a/b/c')).toEqual({ page: 'not-found', hash: '#/contacts/a/b/c' });
  });

  test('reads the audience pages', () => {
    expect(parseHash('#/segments')).toEqual({ page: 'segments' });
    expect(parseHash('#/segments/new')).toEqual({ page: 'segment', id: null });
    expect(parseHash('#/segments/lapsed')).toEqual({ page: 'segment', id: 'lapsed' });
    expect(parseHash('#/rfm')).toEqual({ page: 'rfm' });
    expect(parseHash('#/import')).toEqual({ page: 'import' });
    expect(parseHash('#/segments/a/b')).toEqual({ page: 'not-found', hash: '#/segments/a/b' });
  });

  test("reads the contact list's filters from the query, leaving out empty ones", () => {
    expect(parseHash('#/contacts?segment=lapsed&rfm=At%20risk&q=%20ada%20')).toEqual({
      page: 'contacts',
      filters: { segment: 'lapsed', rfmGroup: 'At risk', search: 'ada' },
    });
    expect(parseHash('#/contacts?trait=plan&op=contains&value=pro')).toEqual({ page: 'contacts', filters: { trait: { name: 'plan', op: 'contains', value: 'pro' } } });
    // An operator it does not know reads as "is", and a query with nothing set as no filter.
    expect(parseHash('#/contacts?trait=plan&op=like&value=pro')).toEqual({ page: 'contacts', filters: { trait: { name: 'plan', op: 'eq', value: 'pro' } } });
    expect(parseHash('#/contacts?segment=&q=')).toEqual({ page: 'contacts' });
  });

  test('round-trips filters, segments and the new pages through hrefFor', () => {
    for (const route of [
      { page: 'contacts', filters: { search: 'ada & co', segment: 'vip', rfmGroup: "Can't lose them", trait: { name: 'plan', op: 'neq', value: 'free' } } },
      { page: 'contacts', filters: { trait: { name: 'phone', op: 'exists', value: '' } } },
      { page: 'segment', id: 'win back/2' },
      { page: 'segment', id: null },
      { page: 'segments' },
      { page: 'rfm' },
      { page: 'import' },
    ] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
    expect(hrefFor({ page: 'contacts', filters: {} })).toBe('#/contacts');
    expect(hrefFor({ page: 'contacts', filters: { rfmGroup: 'At risk' } })).toBe('#/contacts?rfm=At+risk');
  });

  test('keeps a segment that is not valid percent-encoding', () => {
    expect(parseHash('#/contacts/100%')).toEqual({ page: 'contact', id: '100%', journeyId: null });
  });

  test('round-trips journey ids through hrefFor', () => {
    const route = { page: 'journey', id: 'win back/2' } as const;
    expect(parseHash(hrefFor(route))).toEqual(route);
  });

  test("round-trips the journey editor's tabs through hrefFor", () => {
    for (const route of [
      { page: 'journey', id: 'win back/2', tab: 'watch' },
      { page: 'journey', id: 'welcome', tab: 'history' },
      { page: 'journey', id: 'welcome', tab: 'history', version: 12 },
    ] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
    expect(hrefFor({ page: 'journey', id: 'welcome', tab: 'edit' })).toBe('#/journeys/welcome');
  });

  test('round-trips the new pages and invitation tokens through hrefFor', () => {
    for (const route of [{ page: 'settings' }, { page: 'audit' }, { page: 'events' }, { page: 'messaging' }, { page: 'templates' }, { page: 'template', id: 'order_2' }, { page: 'invitation', token: 'inv_a/b+c' }] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
  });

  test('round-trips user ids that look like paths or emails', () => {
    const route = { page: 'contact', id: 'ada@example.com/1', journeyId: 'win-back' } as const;
    expect(hrefFor(route)).toBe('#/contacts/ada%40example.com%2F1/win-back');
    expect(parseHash(hrefFor(route))).toEqual(route);
  });
});

describe('routeInAnotherWorkspace', () => {
  test("leaves a journey's or a contact's page for the list", () => {
    expect(routeInAnotherWorkspace({ page: 'journey', id: 'welcome' })).toEqual({ page: 'journeys' });
    expect(routeInAnotherWorkspace({ page: 'journey', id: 'welcome', tab: 'history', version: 2 })).toEqual({ page: 'journeys' });
    expect(routeInAnotherWorkspace({ page: 'contact', id: 'ada', journeyId: 'welcome' })).toEqual({ page: 'contacts' });
    expect(routeInAnotherWorkspace({ page: 'template', id: 'welcome' })).toEqual({ page: 'templates' });
  });

  test("leaves a segment's page and a filtered list for the plain lists: segments are per workspace", () => {
    expect(routeInAnotherWorkspace({ page: 'segment', id: 'vip' })).toEqual({ page: 'segments' });
    expect(routeInAnotherWorkspace({ page: 'contacts', filters: { segment: 'vip' } })).toEqual({ page: 'contacts' });
    expect(routeInAnotherWorkspace({ page: 'rfm' })).toEqual({ page: 'rfm' });
  });

  test('keeps pages every workspace has', () => {
    const settings = { page: 'settings' } as const;
    expect(routeInAnotherWorkspace(settings)).toBe(settings);
    expect(routeInAnotherWorkspace({ page: 'outbox' })).toEqual({ page: 'outbox' });
  });
});
