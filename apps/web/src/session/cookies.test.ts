import { describe, expect, test } from 'vitest';
import { readCookie } from './cookies';

describe('readCookie', () => {
  test('finds a cookie among others, whatever the spacing', () => {
    expect(readCookie('theme=dark; tend_csrf=csrf_abc-123;other=1', 'tend_csrf')).toBe('csrf_abc-123');
    expect(readCookie('tend_csrf=x', 'tend_csrf')).toBe('x');
  });

  test('is null when the cookie is absent or the string is empty', () => {
    expect(readCookie('', 'tend_csrf')).toBeNull();
    expect(readCookie('tend_csrf_old=1; xtend_csrf=2', 'tend_csrf')).toBeNull();
  });

  test('keeps "=" inside a value and decodes percent-encoding', () => {
    expect(readCookie('a=b=c', 'a')).toBe('b=c');
    expect(readCookie('a=hello%20world', 'a')).toBe('hello world');
    expect(readCookie('a=100%', 'a')).toBe('100%');
  });
});
