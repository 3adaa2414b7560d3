import { describe, expect, test } from 'vitest';
import { consoleHeaders } from './console-headers';

describe('consoleHeaders', () => {
  test('echoes the CSRF cookie and names the chosen workspace', () => {
    expect(consoleHeaders('tend_csrf=csrf_1; other=2', 'shop')).toEqual({ 'x-tend-csrf': 'csrf_1', 'x-tend-workspace': 'shop' });
  });

  test('leaves out what it does not know, so the server uses its defaults', () => {
    expect(consoleHeaders('', null)).toEqual({});
    expect(consoleHeaders('tend_csrf=', 'shop')).toEqual({ 'x-tend-workspace': 'shop' });
  });
});
