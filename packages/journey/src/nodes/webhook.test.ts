import { describe, expect, it } from 'vitest';
import { parseFetchAllowlist } from '../fetch-target/allowlist.js';
import type { JourneyGraphInput } from '../graph.js';
import { validateJourney, type ValidationOptions } from '../validate.js';

/** A journey that calls one webhook on sign-up. */
function callingWebhook(url: string): JourneyGraphInput {
  return {
    id: 'notify-crm',
    name: 'Notify the CRM',
    nodes: [
      { id: 'start', type: 'trigger.event', data: { event: 'Signed Up' } },
      { id: 'hook', type: 'webhook', data: { url, body: '{"email": "{{ contact.email }}"}' } },
      { id: 'end', type: 'exit', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hook' },
      { id: 'e2', source: 'hook', target: 'end' },
    ],
  };
}

function urlProblems(url: string, options?: ValidationOptions) {
  return validateJourney(callingWebhook(url), options).problems.filter((problem) => problem.field === 'url');
}

describe('publishing a webhook', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
    ['http://2130706433/hook', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/hook', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:7f00:1]/hook', '::ffff:7f00:1 is a loopback address (IPv4 127.0.0.1 written as IPv6)'],
    ['http://0.0.0.0/hook', '0.0.0.0 is an unspecified address'],
    ['https://10.1.2.3/hook', '10.1.2.3 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud metadata address'],
    ['http://localhost:3000/hook', 'localhost is a loopback name'],
    ['http://api.localhost/hook', 'api.localhost is a loopback name'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata name'],
  ])('is refused for %s, on the url field, saying why', (url, reason) => {
    expect(urlProblems(url)).toEqual([
      { nodeId: 'hook', field: 'url', message: `${reason}: Tend does not call internal addresses unless TEND_FETCH_ALLOW names them` },
    ]);
  });

  it('is accepted for a public address or a name (names are checked against what they resolve to, at send)', () => {
    expect(validateJourney(callingWebhook('https://8.8.8.8/hook')).problems).toEqual([]);
    expect(validateJourney(callingWebhook('https://[2606:4700::1111]/hook')).problems).toEqual([]);
    expect(validateJourney(callingWebhook('https://crm.example/hook')).problems).toEqual([]);
  });

  it('is accepted for an internal target the allowlist names, and only that one', () => {
    const fetchAllowlist = parseFetchAllowlist(['127.0.0.1', '10.0.0.0/8', 'localhost']);
    expect(urlProblems('http://127.0.0.1:8080/hook', { fetchAllowlist })).toEqual([]);
    expect(urlProblems('https://10.1.2.3/hook', { fetchAllowlist })).toEqual([]);
    expect(urlProblems('http://localhost:3000/hook', { fetchAllowlist })).toEqual([]);
    expect(urlProblems('http://192.168.0.10/hook', { fetchAllowlist })).toMatchObject([{ message: expect.stringContaining('192.168.0.10 is a private address') }]);
  });
});
