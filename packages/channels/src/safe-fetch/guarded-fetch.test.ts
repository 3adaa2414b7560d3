import { createServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusedTargetError, UndeliverableError } from '../errors.js';
import { startHttpPeer, type HttpPeer } from '../testing/http-peer.js';
import { guardedFetch } from './guarded-fetch.js';
import type { Resolver } from './resolver.js';

describe('guardedFetch', () => {
  let peer: HttpPeer;
  let port: number;

  beforeAll(async () => {
    peer = await startHttpPeer();
    port = peer.port;
  });
  afterAll(() => peer?.stop());

  /** Refused with this reason, before any byte reached the peer listening on loopback. */
  async function expectRefused(fetchImpl: typeof fetch, url: string, reason: string) {
    const before = peer.received.length;
    const refusal = fetchImpl(url);
    await expect(refusal, url).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(refusal, url).rejects.toMatchObject({ reason, message: `the request refused: ${reason} (allow it with TEND_FETCH_ALLOW)` });
    expect(peer.received.length).toBe(before);
  }

  describe('with no allowlist, refuses at send', () => {
    const strict = guardedFetch();
    it.each([
      ['loopback', () => `http://127.0.0.1:${port}/hook`, '127.0.0.1 is a loopback address'],
      ['loopback (IPv6)', () => `http://[::1]:${port}/hook`, '::1 is a loopback address'],
      ['private (RFC 1918)', () => 'http://10.0.0.5/hook', '10.0.0.5 is a private address'],
      ['private (172.16/12)', () => 'http://172.16.0.1/hook', '172.16.0.1 is a private address'],
      ['private (192.168/16)', () => 'http://192.168.1.1/hook', '192.168.1.1 is a private address'],
      ['private (IPv6 ULA)', () => 'http://[fd12::1]/hook', 'fd12::1 is a private address (IPv6 unique local)'],
      ['link-local', () => 'http://169.254.1.1/hook', '169.254.1.1 is a link-local address'],
      ['link-local (IPv6)', () => 'http://[fe80::1]/hook', 'fe80::1 is a link-local address'],
      ['multicast', () => 'http://224.0.0.1/hook', '224.0.0.1 is a multicast address'],
      ['unspecified', () => `http://0.0.0.0:${port}/hook`, '0.0.0.0 is an unspecified address'],
      ['unspecified (IPv6)', () => `http://[::]:${port}/hook`, ':: is an unspecified address'],
      ['carrier-grade NAT', () => 'http://100.64.0.1/hook', '100.64.0.1 is a carrier-grade NAT address'],
      ['benchmarking', () => 'http://198.18.0.1/hook', '198.18.0.1 is a reserved address'],
      ['reserved', () => 'http://240.0.0.1/hook', '240.0.0.1 is a reserved address'],
      ['broadcast', () => 'http://255.255.255.255/hook', '255.255.255.255 is a broadcast address'],
      ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
      ['cloud metadata (IPv6)', () => 'http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud metadata address'],
      ['cloud metadata name', () => 'http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata name'],
      ['IPv4-mapped IPv6', () => `http://[::ffff:7f00:1]:${port}/hook`, '::ffff:7f00:1 is a loopback address (IPv4 127.0.0.1 written as IPv6)'],
      ['IPv4-mapped IPv6, dotted', () => `http://[::ffff:127.0.0.1]:${port}/hook`, '::ffff:7f00:1 is a loopback address (IPv4 127.0.0.1 written as IPv6)'],
      ['IPv4-compatible IPv6', () => `http://[::127.0.0.1]:${port}/hook`, '::7f00:1 is a loopback address (IPv4 127.0.0.1 written as IPv6)'],
      ['decimal IPv4', () => `http://2130706433:${port}/hook`, '127.0.0.1 is a loopback address'],
      ['hex IPv4', () => `http://0x7f.1:${port}/hook`, '127.0.0.1 is a loopback address'],
      ['octal IPv4', () => `http://017700000001:${port}/hook`, '127.0.0.1 is a loopback address'],
      ['localhost', () => `http://localhost:${port}/hook`, 'localhost is a loopback name'],
      ['a name under localhost', () => `http://api.localhost:${port}/hook`, 'api.localhost is a loopback name'],
    ])('%s', async (_class, url, reason) => {
      await expectRefused(strict, url(), reason);
    });

    it('a name that resolves to loopback', async () => {
      const resolve: Resolver = async () => ['127.0.0.1'];
      await expectRefused(guardedFetch({ resolve }), `http://hooks.example:${port}/hook`, 'hooks.example resolves to 127.0.0.1, a loopback address');
    });

    it('a redirect to an internal address: every connection is vetted, not just the first', async () => {
      peer.reply({ status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
      const fetchImpl = guardedFetch({ allow: ['127.0.0.1'] });
      await expect(fetchImpl(`${peer.url}/moved`)).rejects.toMatchObject({ reason: '169.254.169.254 is a cloud metadata address' });
    });

    it('any scheme but http and https', async () => {
      await expect(strict('file:///etc/passwd')).rejects.toBeInstanceOf(UndeliverableError);
    });
  });

  describe('with an allowlist, reaches exactly what it names', () => {
    it('an allowlisted address', async () => {
      const before = peer.received.length;
      const response = await guardedFetch({ allow: ['127.0.0.1'] })(`${peer.url}/hook`, { method: 'POST', body: '{"ok":true}' });
      expect(response.status).toBe(200);
      expect(peer.received.slice(before)).toMatchObject([{ method: 'POST', path: '/hook', json: { ok: true } }]);
    });

    it('an allowlisted range, written any way the URL parser accepts', async () => {
      const fetchImpl = guardedFetch({ allow: ['127.0.0.0/8'] });
      for (const url of [`http://127.0.0.1:${port}/a`, `http://2130706433:${port}/b`, `http://[::ffff:127.0.0.1]:${port}/c`]) {
        expect((await fetchImpl(url)).status, url).toBe(200);
      }
    });

    it('an allowlisted name, whatever it resolves to', async () => {
      const resolve: Resolver = async () => ['127.0.0.1'];
      expect((await guardedFetch({ allow: ['hooks.internal'], resolve })(`http://hooks.internal:${port}/hook`)).status).toBe(200);
    });

    it('and nothing next to it', async () => {
      const resolve: Resolver = async () => ['127.0.0.1'];
      const fetchImpl = guardedFetch({ allow: ['127.0.0.1', 'hooks.internal'], resolve });
      await expectRefused(fetchImpl, `http://127.0.0.2:${port}/hook`, '127.0.0.2 is a loopback address');
      await expectRefused(fetchImpl, `http://[::1]:${port}/hook`, '::1 is a loopback address');
      await expectRefused(fetchImpl, `http://localhost:${port}/hook`, 'localhost is a loopback name');
      await expectRefused(fetchImpl, 'http://10.0.0.5/hook', '10.0.0.5 is a private address');
    });

    it('refuses to start on an entry it cannot read', () => {
      expect(() => guardedFetch({ allow: ['10.0.0.0/40'] })).toThrow('TEND_FETCH_ALLOW: "10.0.0.0/40" is not a host name, an IP address or a CIDR range');
    });
  });

  it('connects to the address it vetted: DNS answering differently a moment later (rebinding) changes nothing', async () => {
    // 127.0.0.1 is allowlisted here, standing in for a public address; 127.0.0.2 is the internal
    // service a rebinding attacker points the second answer at, listening on the same port.
    const internal = await startHttpPeer({ host: '127.0.0.2', port }).catch(() => undefined);
    try {
      const answers: string[] = [];
      const rebinding: Resolver = async () => {
        const answer = answers.length === 0 ? '127.0.0.1' : '127.0.0.2';
        answers.push(answer);
        return [answer];
      };
      const before = peer.received.length;
      const response = await guardedFetch({ allow: ['127.0.0.1'], resolve: rebinding })(`http://rebind.example:${port}/hook`);
      expect(response.status).toBe(200);
      expect(peer.received.slice(before)).toMatchObject([{ path: '/hook', headers: { host: `rebind.example:${port}` } }]);
      expect(internal?.received ?? []).toEqual([]);
      expect(answers).toEqual(['127.0.0.1']);
    } finally {
      await internal?.stop();
    }
  });

  it('verifies TLS against the URL host name, not the address it dials', async () => {
    let servername: string | false | null | undefined;
    const server = createServer({ key: hooksTestKey, cert: hooksTestCertificate }, (request, response) => {
      servername = (request.socket as TLSSocket).servername;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const tlsPort = (server.address() as { port: number }).port;
    try {
      const resolve: Resolver = async () => ['127.0.0.1'];
      const response = await guardedFetch({ allow: ['hooks.test', '127.0.0.1'], resolve, ca: hooksTestCertificate })(`https://hooks.test:${tlsPort}/`);
      expect(await response.text()).toBe('ok');
      expect(servername).toBe('hooks.test');
      // The certificate names hooks.test only: dialled by address, verification fails.
      await expect(guardedFetch({ allow: ['127.0.0.1'], ca: hooksTestCertificate })(`https://127.0.0.1:${tlsPort}/`)).rejects.toThrow();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// A throwaway self-signed certificate for hooks.test (P-256, valid until 2126), trusted by this test alone.
const hooksTestKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXCAqy1arAiAcwCOQ
+P3+u1elJePcE/dF6sFFnZHWuqGhRANCAAQfxDI/r1QNvDSoL1TZ28oCIyQe1qcG
18NIOxZPMf01AYfdC+3UDAlSHq9ZqNWqozCdLB0h/D7oqw111fNMhwwo
-----END PRIVATE KEY-----
`;
const hooksTestCertificate = `-----BEGIN CERTIFICATE-----
MIIBmDCCAT6gAwIBAgIULfisfKwx6KQVB4CRaKZh58ya0T0wCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKaG9va3MudGVzdDAgFw0yNjExMjkyMjI1NDFaGA8yMTI2MTEw
NTIyMjU0MVowFTETMBEGA1UEAwwKaG9va3MudGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABB/EMj+vVA28NKgvVNnbygIjJB7WpwbXw0g7Fk8x/TUBh90L7dQM
CVIer1mo1aqjMJ0sHSH8PuirDXXV80yHDCijajBoMB0GA1UdDgQWBBTZ9Pzw28lN
+HoaFTa+c5jBPE16NzAfBgNVHSMEGDAWgBTZ9Pzw28lN+HoaFTa+c5jBPE16NzAP
BgNVHRMBAf8EBTADAQH/MBUGA1UdEQQOMAyCCmhvb2tzLnRlc3QwCgYIKoZIzj0E
AwIDSAAwRQIhAL4+wEShbZ2qdEGkaL/L8DY5YneN+vWnBrFLQsMEnkGBAiAL793D
nCJhm2yVQ8XanPZ683VTb/ItdsDt/Brnb9AT3A==
-----END CERTIFICATE-----
`;
