import { describe, expect, it } from 'vitest';
import { allowedHostsFor } from './allowed-hosts.js';

describe('allowedHostsFor', () => {
  it("takes TEND_PUBLIC_URL's host name and TEND_ALLOWED_HOSTS, without ports and in lower case", () => {
    const allowed = allowedHostsFor({ publicUrl: 'https://Tend.Example.com:8443/console', allowedHosts: ['tend-server:3000', 'fd00::5', '[fd00::6]'], host: '0.0.0.0' });
    expect([...allowed.names]).toEqual(['tend.example.com', 'tend-server', '[fd00::5]', '[fd00::6]']);
    expect(allowed.loopback).toBe(false);
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('allows loopback names when listening on %s', (host) => {
    expect(allowedHostsFor({ host }).loopback).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20'])('refuses to listen on %s without a public name, naming TEND_PUBLIC_URL', (host) => {
    expect(() => allowedHostsFor({ host })).toThrow(/TEND_PUBLIC_URL/);
    expect(allowedHostsFor({ host, allowedHosts: ['tend.internal'] }).names.has('tend.internal')).toBe(true);
  });
});
