import { guardedFetch } from '@tend/channels';
import { startHttpPeer, type HttpPeer } from '@tend/channels/testing';
import { contacts, eq, sql, workspaceSecrets, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { runNode } from '@tend/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhook } from './webhook.js';

describe('webhook', () => {
  let database: DatabaseHandle;
  let db: Database;
  let receiver: HttpPeer;
  // The receiver listens on loopback, an internal address: reached the documented way, by allowlisting it.
  const allowLoopback = guardedFetch({ allow: ['127.0.0.1'] });

  beforeAll(async () => {
    [database, receiver] = await Promise.all([openTestDatabase(), startHttpPeer()]);
    db = database.db;
    await seedWorkspace(db);
    await seedWorkspace(db, { id: 'elsewhere' });
  });
  afterAll(async () => {
    await receiver?.stop();
    await database?.close();
  });

  /** The contact's nth visit to the webhook, in a journey they entered by signing up for the pro plan. */
  const visit = (contactId: string, n = 1) => ({
    workspaceId: testWorkspaceId,
    contactId,
    idempotencyKey: `${contactId}/visit-${n}`,
    entryEvent: { name: 'Signed Up', properties: { plan: 'pro' } },
  });

  async function setSecret(name: string, value: string, workspaceId = testWorkspaceId) {
    await db.insert(workspaceSecrets).values({ workspaceId, name, value, updatedBy: 'user:test' });
  }

  /** The tables with a row holding `text` anywhere in it. */
  async function tablesHolding(text: string): Promise<string[]> {
    // Both drivers answer raw SQL with { rows }; the Database type leaves the result open.
    const rows = async <Row>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const holding: string[] = [];
    for (const { table_name: table } of tables) {
      const found = await rows(sql`select 1 from ${sql.identifier(table)} as row where row::text like ${`%${text}%`} limit 1`);
      if (found.length > 0) holding.push(table);
    }
    return holding;
  }

  async function traitsOf(contactId: string) {
    const [row] = await db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
    return row?.traits;
  }

  it('POSTs the JSON body filled in for the contact, escaping text and writing other values as JSON', async () => {
    const ada = await insertContact(db, { id: 'ada', email: 'ada@example.com', traits: { name: 'Ada "The Countess"\nLovelace', tags: ['vip', 'beta'], orders: 3 } });
    const context = visit(ada);
    const before = receiver.received.length;

    const result = await runNode(webhook, {
      config: {
        url: `${receiver.url}/hooks/signup?source=tend`,
        headers: { Authorization: 'Bearer t0ken' },
        body: '{"email": "{{ contact.email }}", "name": "{{ contact.name }}", "tags": {{ contact.tags }}, "orders": {{ contact.orders }}, "plan": "{{ event.properties.plan }}"}',
      },
      deps: { db, fetch: allowLoopback },
      context,
    });

    expect(result).toEqual({ ok: true, output: 'next' });
    const [request] = receiver.received.slice(before);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks/signup?source=tend',
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json', 'idempotency-key': context.idempotencyKey },
      json: { email: 'ada@example.com', name: 'Ada "The Countess"\nLovelace', tags: ['vip', 'beta'], orders: 3, plan: 'pro' },
    });
  });

  it('sends the same Idempotency-Key on every retry of one visit, and a new one for the next visit', async () => {
    const grace = await insertContact(db, { id: 'grace' });
    const [firstVisit, nextVisit] = [visit(grace, 1), visit(grace, 2)];
    const before = receiver.received.length;
    const config = { url: `${receiver.url}/hooks/ping`, method: 'PUT', body: '{"id": "{{ contact.id }}"}' };

    await runNode(webhook, { config, deps: { db, fetch: allowLoopback }, context: firstVisit });
    await runNode(webhook, { config, deps: { db, fetch: allowLoopback }, context: firstVisit });
    await runNode(webhook, { config, deps: { db, fetch: allowLoopback }, context: nextVisit });

    const keys = receiver.received.slice(before).map((request) => request.headers['idempotency-key']);
    expect(keys).toEqual([firstVisit.idempotencyKey, firstVisit.idempotencyKey, nextVisit.idempotencyKey]);
    expect(receiver.received.slice(before).every((request) => request.method === 'PUT')).toBe(true);
  });

  it('saves the JSON answer on the profile under saveResponseAs, keeping the other traits', async () => {
    const linus = await insertContact(db, { id: 'linus', traits: { firstName: 'Linus' } });
    receiver.reply({ status: 201, json: { id: 'crm-42', score: 7 } });

    await runNode(webhook, { config: { url: `${receiver.url}/crm`, method: 'GET', saveResponseAs: 'crm' }, deps: { db, fetch: allowLoopback }, context: visit(linus) });

    expect(await traitsOf(linus)).toEqual({ firstName: 'Linus', crm: { id: 'crm-42', score: 7 } });
    const request = receiver.received.at(-1);
    expect(request).toMatchObject({ method: 'GET', body: '' });
    expect(request?.headers['content-type']).toBeUndefined();
  });

  it('throws on a non-2xx answer so Temporal retries, and the retry goes through', async () => {
    const kim = await insertContact(db, { id: 'kim' });
    const context = visit(kim);
    const before = receiver.received.length;
    receiver.reply({ status: 503, text: 'try later' });
    const config = { url: `${receiver.url}/hooks/flaky`, body: '{}', saveResponseAs: 'flaky' };

    const failure = runNode(webhook, { config, deps: { db, fetch: allowLoopback }, context });
    await expect(failure).rejects.toThrow('the webhook answered HTTP 503: try later');
    await expect(failure).rejects.not.toMatchObject({ nonRetryable: true });
    expect(await traitsOf(kim)).toEqual({});

    await expect(runNode(webhook, { config, deps: { db, fetch: allowLoopback }, context })).resolves.toEqual({ ok: true, output: 'next' });
    expect(receiver.received.length).toBe(before + 2);
    expect(await traitsOf(kim)).toEqual({ flaky: {} });
  });

  it('gives up on a slow receiver after timeoutMs and throws, so Temporal retries', async () => {
    const mo = await insertContact(db, { id: 'mo' });
    receiver.reply({ status: 200, json: {}, delayMs: 3_000 });
    const started = Date.now();

    await expect(runNode(webhook, { config: { url: `${receiver.url}/slow`, timeoutMs: 1_000 }, deps: { db, fetch: allowLoopback }, context: visit(mo) })).rejects.toThrow(
      /did not answer within 1000 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('fails without retrying when the body is not JSON once filled in, and calls nobody', async () => {
    const ren = await insertContact(db, { id: 'ren' });
    const before = receiver.received.length;

    await expect(
      runNode(webhook, { config: { url: `${receiver.url}/hooks`, body: '{"orders": {{ contact.orders }}}' }, deps: { db, fetch: allowLoopback }, context: visit(ren) }),
    ).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('the webhook body is not JSON once filled in for this contact'),
    });
    expect(receiver.received.length).toBe(before);
  });

  it('refuses an internal target without retrying, calling nobody and saving nothing', async () => {
    const eve = await insertContact(db, { id: 'eve' });
    const before = receiver.received.length;

    // No fetch in deps: the node's default refuses every internal address.
    const failure = runNode(webhook, { config: { url: `${receiver.url}/hooks`, saveResponseAs: 'stolen' }, deps: { db }, context: visit(eve) });
    await expect(failure).rejects.toMatchObject({
      nonRetryable: true,
      type: 'RefusedTargetError',
      message: `the webhook (POST 127.0.0.1:${receiver.port}) refused: 127.0.0.1 is a loopback address (allow it with TEND_FETCH_ALLOW)`,
    });
    expect(receiver.received.length).toBe(before);
    expect(await traitsOf(eve)).toEqual({});
  });

  it('refuses a name that resolves to an internal address, as the worker resolves it', async () => {
    const ivy = await insertContact(db, { id: 'ivy' });
    const resolvesInward = guardedFetch({ allow: ['127.0.0.1'], resolve: async () => ['10.0.0.5'] });

    await expect(
      runNode(webhook, { config: { url: 'https://crm.example/hooks' }, deps: { db, fetch: resolvesInward }, context: visit(ivy) }),
    ).rejects.toMatchObject({ nonRetryable: true, message: expect.stringContaining('crm.example resolves to 10.0.0.5, a private address') });
  });

  it('uses the fetch it is given', async () => {
    const sam = await insertContact(db, { id: 'sam' });
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };

    await runNode(webhook, { config: { url: `${receiver.url}/via-deps` }, deps: { db, fetch: recordingFetch }, context: visit(sam) });

    expect(seen).toEqual([`${receiver.url}/via-deps`]);
  });

  describe('workspace secrets in headers', () => {
    it('fills in {{ secrets.NAME }} at the call: the receiver gets the value, the body never sees it, and nothing records it', async () => {
      const value = 'crm-s3cret-2f9c1e';
      await setSecret('CRM_TOKEN', value);
      const tess = await insertContact(db, { id: 'tess', email: 'tess@example.com' });
      const before = receiver.received.length;
      receiver.reply({ status: 200, json: { id: 'crm-7' } });

      const result = await runNode(webhook, {
        config: {
          url: `${receiver.url}/hooks/secret`,
          headers: { Authorization: 'Bearer {{ secrets.CRM_TOKEN }}', 'X-Api-Key': '{{secrets.CRM_TOKEN}}', 'X-Shop': 'acme' },
          // Publish refuses this body; were one to get through, it still cannot read a secret.
          body: '{"email": "{{ contact.email }}", "token": "{{ secrets.CRM_TOKEN }}"}',
          saveResponseAs: 'crm',
        },
        deps: { db, fetch: allowLoopback },
        context: visit(tess),
      });

      expect(result).toEqual({ ok: true, output: 'next' });
      const [request] = receiver.received.slice(before);
      expect(request?.headers).toMatchObject({ authorization: `Bearer ${value}`, 'x-api-key': value, 'x-shop': 'acme' });
      expect(request?.json).toEqual({ email: 'tess@example.com', token: '' });
      expect(JSON.stringify(result)).not.toContain(value);
      expect(await tablesHolding(value)).toEqual(['workspace_secrets']);
    });

    it("reads the contact's own workspace's secret, never another workspace's of the same name", async () => {
      await setSecret('SHARED_NAME', 'ours-1a2b');
      await setSecret('SHARED_NAME', 'theirs-3c4d', 'elsewhere');
      const uma = await insertContact(db, { id: 'uma' });

      await runNode(webhook, { config: { url: `${receiver.url}/hooks/mine`, headers: { 'X-Token': '{{ secrets.SHARED_NAME }}' } }, deps: { db, fetch: allowLoopback }, context: visit(uma) });

      expect(receiver.received.at(-1)?.headers['x-token']).toBe('ours-1a2b');
    });

    it('fails without retrying when a secret is missing, naming it, and calls nobody', async () => {
      const vic = await insertContact(db, { id: 'vic' });
      await setSecret('ONLY_ELSEWHERE', 'not-ours', 'elsewhere');
      const before = receiver.received.length;

      for (const name of ['NEVER_SET', 'ONLY_ELSEWHERE']) {
        const failure = runNode(webhook, { config: { url: `${receiver.url}/hooks`, headers: { Authorization: `Bearer {{ secrets.${name} }}` } }, deps: { db, fetch: allowLoopback }, context: visit(vic) });
        await expect(failure).rejects.toMatchObject({
          nonRetryable: true,
          type: 'MissingSecretError',
          message: `the webhook needs secret ${name}: add it in Settings → Secrets`,
        });
      }
      expect(receiver.received.length).toBe(before);
    });

    it('fails without retrying, and without showing it, when a secret cannot be a header value', async () => {
      await setSecret('TWO_LINES', 'first-line\r\nX-Injected: yes');
      const wes = await insertContact(db, { id: 'wes' });
      const before = receiver.received.length;

      const failure = runNode(webhook, { config: { url: `${receiver.url}/hooks`, headers: { Authorization: 'Bearer {{ secrets.TWO_LINES }}' } }, deps: { db, fetch: allowLoopback }, context: visit(wes) });
      await expect(failure).rejects.toMatchObject({ nonRetryable: true, message: expect.stringContaining('the Authorization header is not a valid header value') });
      await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('first-line') });
      expect(receiver.received.length).toBe(before);
    });
  });
});
