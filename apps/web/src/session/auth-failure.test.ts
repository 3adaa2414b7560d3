import { describe, expect, test } from 'vitest';
import { authFailure, retryAfterSeconds, waitInWords } from './auth-failure';

const now = new Date('2025-11-20T10:00:00Z');

describe('retryAfterSeconds', () => {
  test('reads seconds or an HTTP date', () => {
    expect(retryAfterSeconds('90', now)).toBe(90);
    expect(retryAfterSeconds('Thu, 20 Nov 2025 10:02:00 GMT', now)).toBe(120);
  });

  test('never goes below zero, and is null when absent or unreadable', () => {
    expect(retryAfterSeconds('Thu, 20 Nov 2025 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});

describe('waitInWords', () => {
  test('rounds up to the unit a reader waits in', () => {
    expect(waitInWords(1)).toBe('in 1 second');
    expect(waitInWords(45)).toBe('in 45 seconds');
    expect(waitInWords(61)).toBe('in about 2 minutes');
    expect(waitInWords(3600)).toBe('in about 1 hour');
  });
});

describe('authFailure', () => {
  test("shows the server's message", () => {
    expect(authFailure(401, { error: 'unauthorized', message: 'wrong email or password' }, null, now)).toEqual({
      status: 401,
      message: 'Wrong email or password',
      retryAt: null,
    });
  });

  test('says when a rate-limited sign-in may be tried again', () => {
    const failure = authFailure(429, { message: 'Rate limit exceeded, retry in 1 minute' }, '60', now);
    expect(failure.message).toBe('Rate limit exceeded, retry in 1 minute. You can try again in about 1 minute.');
    expect(failure.retryAt).toEqual(new Date('2025-11-20T10:01:00Z'));
    expect(authFailure(429, null, null, now)).toEqual({ status: 429, message: 'Too many attempts. Wait a little before trying again.', retryAt: null });
  });

  test('says what it can when the body is not the JSON the server sends', () => {
    expect(authFailure(502, 'Bad Gateway', null, now).message).toBe('The server answered 502');
    expect(authFailure(401, undefined, null, now).message).toBe('Wrong email or password');
  });
});
