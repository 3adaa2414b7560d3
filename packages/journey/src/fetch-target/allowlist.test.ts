import { describe, expect, it } from 'vitest';
import { parseFetchAllowlist } from './allowlist.js';
import { refusedAddress, refusedHost, refusedUrl } from './refusal.js';

const nothing = parseFetchAllowlist([]);

describe('refusedHost, with no allowlist', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1 is a loopback address'],
    ['[::1]', '::1 is a loopback address'],
    ['[::ffff:7f00:1]', '::ffff:7f00:1 is a loopback address (IPv4 127.0.0.1 written as IPv6)'],
    ['0.0.0.0', '0.0.0.0 is an unspecified address'],
    ['169.254.169.254', '169.254.169.254 is a cloud metadata address'],
    ['localhost', 'localhost is a loopback name'],
    ['LocalHost.', 'localhost is a loopback name'],
    ['shop.localhost', 'shop.localhost is a loopback name'],
    ['metadata.google.internal', 'metadata.google.internal is a cloud metadata name'],
  ])('refuses %s', (host, reason) => {
    expect(refusedHost(host, nothing)).toBe(reason);
  });

  it('lets public addresses and other names through (a name is judged by what it resolves to, at send)', () => {
    expect(refusedHost('8.8.8.8', nothing)).toBeUndefined();
    expect(refusedHost('[2606:4700::1111]', nothing)).toBeUndefined();
    expect(refusedHost('crm.example', nothing)).toBeUndefined();
  });

  it('sees through odd IPv4 spellings, which the URL parser writes as dotted quads', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://017700000001/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/']) {
      expect(refusedUrl(url, nothing), url).toMatch(/is a loopback address/);
    }
  });
});

describe('parseFetchAllowlist', () => {
  const allowlist = parseFetchAllowlist(['127.0.0.1', ' 10.0.0.0/8 ', 'CRM.internal', '[fd00::1]', 'localhost', '169.254.0.0/16', '']);

  it('allows exactly the addresses, ranges and names it lists', () => {
    expect(refusedHost('127.0.0.1', allowlist)).toBeUndefined();
    expect(refusedHost('127.0.0.2', allowlist)).toBe('127.0.0.2 is a loopback address');
    expect(refusedHost('[::ffff:127.0.0.1]', allowlist)).toBeUndefined();
    expect(refusedHost('[::1]', allowlist)).toBe('::1 is a loopback address');
    expect(refusedAddress('10.200.3.4', allowlist)).toBeUndefined();
    expect(refusedAddress('11.0.0.1', allowlist)).toBeUndefined(); // public anyway
    expect(refusedAddress('192.168.0.1', allowlist)).toBe('192.168.0.1 is a private address');
    expect(refusedHost('[fd00::1]', allowlist)).toBeUndefined();
    expect(refusedHost('[fd00::2]', allowlist)).toMatch(/private address/);
    expect(refusedHost('crm.internal', allowlist)).toBeUndefined();
    expect(refusedHost('localhost', allowlist)).toBeUndefined();
    expect(refusedHost('shop.localhost', allowlist)).toBe('shop.localhost is a loopback name');
  });

  it('does not open a cloud metadata address through a range, only when it is named', () => {
    expect(refusedAddress('169.254.1.1', allowlist)).toBeUndefined();
    expect(refusedAddress('169.254.169.254', allowlist)).toBe('169.254.169.254 is a cloud metadata address');
    expect(refusedAddress('169.254.169.254', parseFetchAllowlist(['169.254.169.254']))).toBeUndefined();
  });

  it('refuses an entry that is neither a name, an address nor a range, naming the setting', () => {
    expect(() => parseFetchAllowlist(['10.0.0.0/33'])).toThrow('TEND_FETCH_ALLOW: "10.0.0.0/33" is not a host name, an IP address or a CIDR range');
    expect(() => parseFetchAllowlist(['http://crm.internal'])).toThrow(/TEND_FETCH_ALLOW/);
  });
});
