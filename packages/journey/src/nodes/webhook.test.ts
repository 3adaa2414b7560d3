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

/** The webhook journey above, with these headers and, optionally, another body or url. */
function withHeaders(headers: Record<string, string>, change: { body?: string; url?: string } = {}): JourneyGraphInput {
  const graph = callingWebhook(change.url ?? 'https://crm.example/hook');
  const hook = graph.nodes.find((node) => node.id === 'hook')!;
  hook.data = { ...hook.data, headers, ...(change.body === undefined ? {} : { body: change.body }) };
  return graph;
}

const useASecret = 'store the credential as a workspace secret and write {{ secrets.NAME }}';

describe('webhook headers and workspace secrets', () => {
  it.each([
    ['Authorization', 'Bearer t0ken'],
    ['authorization', 'Token abc123'],
    ['Proxy-Authorization', 'Basic dXNlcjpwYXNz'],
    ['X-Api-Key', 'k-123'],
    ['api-key', 'k-123'],
    ['X-Auth-Token', 'k-123'],
    ['X-Custom-Auth', 'Bearer t0ken'],
    ['X-Upstream', 'basic dXNlcjpwYXNz'],
  ])('refuses a credential written out in %s, on that header', (name, value) => {
    expect(validateJourney(withHeaders({ [name]: value })).problems).toEqual([
      { nodeId: 'hook', field: `headers.${name}`, message: expect.stringContaining(useASecret) },
    ]);
  });

  it('accepts a credential read from a workspace secret, and headers that carry none', () => {
    const headers = { Authorization: 'Bearer {{ secrets.CRM_TOKEN }}', 'X-Api-Key': '{{secrets.CRM_KEY}}', 'X-Shop': 'acme', Accept: 'application/json' };
    expect(validateJourney(withHeaders(headers)).problems).toEqual([]);
    expect(validateJourney(withHeaders(headers), { secretNames: ['CRM_TOKEN', 'CRM_KEY'] }).problems).toEqual([]);
  });

  it('refuses a header reading a secret the workspace does not have, when the server knows its secrets', () => {
    const graph = withHeaders({ Authorization: 'Bearer {{ secrets.CRM_TOKEN }}' });
    expect(validateJourney(graph, { secretNames: ['OTHER'] }).problems).toEqual([
      { nodeId: 'hook', field: 'headers.Authorization', message: 'the workspace has no secret CRM_TOKEN: add it in Settings → Secrets' },
    ]);
    // Offline (the CLI) the names are unknown: the worker fails the call if the secret is still missing then.
    expect(validateJourney(graph).problems).toEqual([]);
  });

  it.each([
    ['{{ contact.email }}', 'a header reads workspace secrets only, as {{ secrets.NAME }}; it cannot read "contact"'],
    ['Bearer {{ secrets }}', 'name the secret outright, as {{ secrets.NAME }}'],
    ['Bearer {{ secrets.CRM.id }}', 'name the secret outright, as {{ secrets.NAME }}'],
    ['Bearer {{ secrets.crm_token }}', '"crm_token" is not a secret name: use upper-case letters, digits and underscores, starting with a letter, at most 64 (e.g. CRM_TOKEN)'],
    ['Bearer {{ secrets.CRM_TOKEN', expect.stringContaining('template does not parse')],
  ])('refuses the header value %s, saying why', (value, message) => {
    expect(validateJourney(withHeaders({ Authorization: value })).problems).toEqual([{ nodeId: 'hook', field: 'headers.Authorization', message }]);
  });

  it('refuses a secret in the body or the address, which can be echoed back or logged', () => {
    const inBody = withHeaders({}, { body: '{"token": "{{ secrets.CRM_TOKEN }}"}' });
    expect(validateJourney(inBody).problems).toEqual([{ nodeId: 'hook', field: 'body', message: expect.stringContaining("only in a webhook's header values") }]);
    const inUrl = withHeaders({}, { url: 'https://crm.example/hook?token={{ secrets.CRM_TOKEN }}' });
    expect(validateJourney(inUrl).problems).toEqual([{ nodeId: 'hook', field: 'url', message: expect.stringContaining("only in a webhook's header values") }]);
  });

  it('does not mistake a trait called secrets for the workspace secrets', () => {
    expect(validateJourney(withHeaders({}, { body: '{"note": "{{ contact.secrets }}"}' })).problems).toEqual([]);
  });
});
