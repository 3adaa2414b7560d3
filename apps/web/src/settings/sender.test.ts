import { describe, expect, test } from 'vitest';
import { atField, senderChanged, senderInput } from './sender';

describe('senderInput', () => {
  test('trims both fields and sends an empty reply-to as none', () => {
    expect(senderInput({ from: ' Shop <hello@shop.example> ', replyTo: '  ' })).toEqual({ from: 'Shop <hello@shop.example>', replyTo: null });
    expect(senderInput({ from: 'hello@shop.example', replyTo: ' Help <help@shop.example>' })).toEqual({ from: 'hello@shop.example', replyTo: 'Help <help@shop.example>' });
  });
});

describe('senderChanged', () => {
  const saved = { from: 'Shop <hello@shop.example>', replyTo: null };
  test('ignores spaces around the values and an empty reply-to', () => {
    expect(senderChanged(saved, { from: 'Shop <hello@shop.example> ', replyTo: '' })).toBe(false);
    expect(senderChanged(saved, { from: 'Shop <hello@shop.example>', replyTo: 'help@shop.example' })).toBe(true);
    expect(senderChanged({ ...saved, replyTo: 'help@shop.example' }, { from: saved.from, replyTo: '' })).toBe(true);
  });
});

describe('atField', () => {
  test("drops the field's own name from the server's message", () => {
    expect(atField('from: write one sender, e.g. Shop <hello@shop.example>', 'from')).toBe('Write one sender, e.g. Shop <hello@shop.example>');
    expect(atField('"x" is not an email address', 'replyTo')).toBe('"x" is not an email address');
    expect(atField(undefined, 'from')).toBeUndefined();
  });
});
