import { describe, expect, it } from 'vitest';
import { internalAddressKind, isIpAddress } from './internal-address.js';

describe('internalAddressKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.4.2', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['fd12:3456::1', 'a private address (IPv6 unique local)'],
    ['169.254.1.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['224.0.0.1', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['198.18.0.1', 'a reserved address'], // benchmarking (RFC 2544)
    ['2001:2::1', 'a benchmarking address'],
    ['192.0.2.10', 'a reserved address'], // documentation
    ['240.0.0.1', 'a reserved address'],
    ['255.255.255.255', 'a broadcast address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
  ])('refuses %s: %s', (address, kind) => {
    expect(internalAddressKind(address)).toBe(kind);
  });

  it.each([
    ['::ffff:7f00:1', 'a loopback address (IPv4 127.0.0.1 written as IPv6)'], // IPv4-mapped
    ['::ffff:127.0.0.1', 'a loopback address (IPv4 127.0.0.1 written as IPv6)'],
    ['::7f00:1', 'a loopback address (IPv4 127.0.0.1 written as IPv6)'], // IPv4-compatible, which ipaddr.js calls unicast
    ['::ffff:a00:5', 'a private address (IPv4 10.0.0.5 written as IPv6)'],
    ['::ffff:169.254.169.254', 'a cloud metadata address (IPv4 169.254.169.254 written as IPv6)'],
    ['64:ff9b::7f00:1', 'a loopback address (IPv4 127.0.0.1 written as IPv6)'], // NAT64
    ['2002:a00:5::1', 'a private address (IPv4 10.0.0.5 written as IPv6)'], // 6to4
  ])('judges %s as the IPv4 address it carries', (address, kind) => {
    expect(internalAddressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(internalAddressKind(address)).toBeUndefined();
  });

  it('names special-purpose ranges it has no word for', () => {
    expect(internalAddressKind('2001::1')).toBe('a special-purpose address (teredo)');
  });
});

describe('isIpAddress', () => {
  it('knows addresses as URLs and resolvers write them, and nothing else', () => {
    expect(['127.0.0.1', '::1', 'fe80::1', '2606:4700::1111'].map(isIpAddress)).toEqual([true, true, true, true]);
    expect(['localhost', 'crm.internal', '0x7f.1', '2130706433'].map(isIpAddress)).toEqual([false, false, false, false]);
  });
});
