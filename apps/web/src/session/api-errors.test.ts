import { describe, expect, test } from 'vitest';
import { apiErrorCode, isUnauthorized, readableMessage, shouldRetry } from './api-errors';

const trpcError = (code: string) => Object.assign(new Error('refused'), { data: { code, httpStatus: 401 } });

describe('apiErrorCode', () => {
  test('reads the code a tRPC error carries', () => {
    expect(apiErrorCode(trpcError('UNAUTHORIZED'))).toBe('UNAUTHORIZED');
    expect(isUnauthorized(trpcError('UNAUTHORIZED'))).toBe(true);
    expect(isUnauthorized(trpcError('FORBIDDEN'))).toBe(false);
  });

  test('is null for errors without one', () => {
    expect(apiErrorCode(new TypeError('Failed to fetch'))).toBeNull();
    expect(apiErrorCode(Object.assign(new Error('x'), { data: null }))).toBeNull();
    expect(apiErrorCode(Object.assign(new Error('x'), { data: { code: 401 } }))).toBeNull();
    expect(apiErrorCode(undefined)).toBeNull();
  });
});

describe('shouldRetry', () => {
  test('tries once more after a network or server failure', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(0, trpcError('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(shouldRetry(1, trpcError('INTERNAL_SERVER_ERROR'))).toBe(false);
  });

  test('never retries a refusal: signing in or another role is what changes the answer', () => {
    expect(shouldRetry(0, trpcError('UNAUTHORIZED'))).toBe(false);
    expect(shouldRetry(0, trpcError('FORBIDDEN'))).toBe(false);
    expect(shouldRetry(0, trpcError('NOT_FOUND'))).toBe(false);
  });
});

describe('readableMessage', () => {
  test('joins the messages of a failed input check', () => {
    const issues = [
      { origin: 'string', code: 'invalid_format', path: ['id'], message: 'id: 2 to 39 lower-case letters, digits or dashes' },
      { code: 'too_small', path: ['name'], message: 'name: give the workspace a name' },
    ];
    expect(readableMessage(new Error(JSON.stringify(issues, null, 2)))).toBe('id: 2 to 39 lower-case letters, digits or dashes; name: give the workspace a name');
  });

  test('leaves any other message as it is', () => {
    expect(readableMessage(new Error('only an owner can grant or change the owner role'))).toBe('only an owner can grant or change the owner role');
    expect(readableMessage(new Error('[not json'))).toBe('[not json');
    expect(readableMessage(new Error('[1, 2]'))).toBe('[1, 2]');
  });
});
