import { describe, expect, test } from 'vitest';
import { hrefFor, parseHash } from './route';

describe('parseHash', () => {
  test('opens the journey list when there is no hash', () => {
    expect(parseHash('')).toEqual({ page: 'journeys' });
    expect(parseHash('#/')).toEqual({ page: 'journeys' });
  });

  test('reads each page', () => {
    expect(parseHash('#/journeys')).toEqual({ page: 'journeys' });
    expect(parseHash('#/journeys/welcome')).toEqual({ page: 'journey', id: 'welcome' });
    expect(parseHash('#/outbox')).toEqual({ page: 'outbox' });
  });

  test('reports a hash it does not know', () => {
    expect(parseHash('#/contacts')).toEqual({ page: 'not-found', hash: '#/contacts' });
    expect(parseHash('#/journeys/a/b')).toEqual({ page: 'not-found', hash: '#/journeys/a/b' });
  });

  test('round-trips journey ids through hrefFor', () => {
    const route = { page: 'journey', id: 'win back/2' } as const;
    expect(parseHash(hrefFor(route))).toEqual(route);
  });
});
