import { describe, expect, test } from 'vitest';
import { pushSnippets } from './push-snippets';

describe('pushSnippets', () => {
  test('points the page and the service worker at this Tend, with the write key', () => {
    const { page, serviceWorker } = pushSnippets('https://tend.shop.example/', 'wk_abc');

    expect(page).toContain('<script src="https://tend.shop.example/push/tend-push.js"></script>');
    expect(page).toContain('TendPush.subscribe({ host: "https://tend.shop.example", writeKey: "wk_abc" })');
    expect(serviceWorker).toBe('importScripts("https://tend.shop.example/push/sw.js");');
  });
});
