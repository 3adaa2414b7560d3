import { describe, expect, test } from 'vitest';
import { absoluteLink, loginCommand } from './links';

describe('absoluteLink', () => {
  test("completes a path with the console's origin", () => {
    expect(absoluteLink('/#/invitation/inv_abc', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/#/invitation/inv_abc');
    expect(absoluteLink('#/invitation/inv_abc', 'http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000/#/invitation/inv_abc');
  });

  test('keeps a link the server made absolute from its public URL', () => {
    expect(absoluteLink('https://tend.shop.example/#/invitation/inv_abc', 'http://127.0.0.1:3000')).toBe('https://tend.shop.example/#/invitation/inv_abc');
  });
});

describe('loginCommand', () => {
  test('names this server and the new token', () => {
    expect(loginCommand('http://127.0.0.1:3000/', 'tk_secret')).toBe('npx tend login --url http://127.0.0.1:3000 --token tk_secret');
  });
});
