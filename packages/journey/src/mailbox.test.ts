import { describe, expect, it } from 'vitest';
import { mailbox, mailboxError } from './mailbox.js';

describe('mailboxError', () => {
  it.each([
    'hello@shop.example',
    'Shop <hello@shop.example>',
    '  Shop <hello@shop.example>  ',
    '<hello@shop.example>',
    'Ada at Shop <ada+news@shop.example>',
    'J. R. Smith <jr@shop.example>',
    'Café Lumière <bonjour@cafe.example>',
    '"Smith, Jo" <jo@shop.example>',
    '"Shop (Paris)" <paris@shop.example>',
    '"Say \\"hi\\"" <hi@shop.example>',
  ])('takes %s', (value) => {
    expect(mailboxError(value)).toBeNull();
  });

  it.each([
    ['', 'write one sender, e.g. Shop <hello@shop.example>'],
    ['   ', 'write one sender, e.g. Shop <hello@shop.example>'],
    ['hello.shop.example', '"hello.shop.example" is not an email address (it has no @): write one sender, e.g. Shop <hello@shop.example>'],
    ['Shop <hello.shop.example>', '"hello.shop.example" is not an email address (it has no @): write one sender, e.g. Shop <hello@shop.example>'],
    ['hello@shop', '"hello@shop" is not an email address: write one sender, e.g. Shop <hello@shop.example>'],
    ['a@shop.example, b@shop.example', '"a@shop.example, b@shop.example" names more than one address: write one sender, e.g. Shop <hello@shop.example>'],
    ['A <a@shop.example>; B <b@shop.example>', expect.stringContaining('names more than one address')],
    ['A <a@shop.example> B <b@shop.example>', expect.stringContaining('names more than one address')],
    ['team: a@shop.example;', expect.stringContaining('names more than one address')],
    ['Smith, Jo <jo@shop.example>', expect.stringContaining('names more than one address')],
    ['Shop hello@shop.example', 'put the address in angle brackets, e.g. Shop <hello@shop.example>'],
    ['Shop <hello@shop.example', 'end with the address in angle brackets, e.g. Shop <hello@shop.example>'],
    ['Shop <hello@shop.example> (news)', 'end with the address in angle brackets, e.g. Shop <hello@shop.example>'],
    ['hello@shop.example>', expect.stringContaining('open the address with "<"')],
    ['Shop (Paris) <paris@shop.example>', 'put the name in double quotes, e.g. "Shop (Paris)" <hello@shop.example>'],
    ['"Shop <hello@shop.example>', expect.stringContaining('close the quoted name with "')],
  ])('refuses %j, saying what to write', (value, message) => {
    expect(mailboxError(value, 'sender')).toEqual(message);
  });

  it('refuses a line break, which would let the value add header fields of its own (header injection)', () => {
    for (const value of ['hello@shop.example\r\nBcc: everyone@victim.example', 'Shop\n <hello@shop.example>', 'Shop <hello@shop.example>\rX-Spam: no']) {
      expect(mailboxError(value, 'sender')).toBe('write it on one line, without line breaks: write one sender, e.g. Shop <hello@shop.example>');
    }
    expect(mailboxError('Shop\u0000 <hello@shop.example>')).toMatch(/^remove the control character/);
  });
});

describe('mailbox (the zod check)', () => {
  it('trims a good value and refuses a bad one with the advice naming the field', () => {
    expect(mailbox('reply-to address').parse('  Help <help@shop.example> ')).toBe('Help <help@shop.example>');
    const refused = mailbox('reply-to address').safeParse('help');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('"help" is not an email address (it has no @): write one reply-to address, e.g. Shop <hello@shop.example>');
  });
});
