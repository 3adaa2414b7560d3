import { asc, eq, journeys, journeyVersions, messages, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId as workspaceId } from '@tend/db/testing';
import { compileJourney } from '@tend/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmailOnce, type SendEmailRequest } from '../email/send-once.js';
import { smtpTransport, type EmailTransport } from '../email/smtp.js';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.js';
import { checkPolicy } from './check-policy.js';
import { savePolicy } from './policy-settings.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('priority between journeys and per-journey caps', () => {
  let database: DatabaseHandle;
  let db: Database;
  let smtp: SmtpPeer;
  let transport: EmailTransport;
  beforeAll(async () => {
    [database, smtp] = await Promise.all([openTestDatabase(), startSmtpPeer()]);
    db = database.db;
    transport = smtpTransport(smtp.url);
    await seedWorkspace(db);
    // Journeys as publish leaves them: a live version whose IR carries the settings.
    await publish('digest', { caps: { email: { count: 1, perDays: 7 } } });
    await publish('news', {});
    await publish('vip', { priority: 8 }, 'VIP sale');
    await publish('flash', { priority: 3 }, 'Flash sale');
    await publish('restock', {});
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });

  async function publish(id: string, settings: Record<string, unknown>, name = id, version = 1) {
    const graph = {
      id,
      name,
      settings,
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'Browsed' } },
        { id: 'mail', type: 'send-email', data: { subject: name, html: `<p>${name}</p>` } },
        { id: 'done', type: 'exit' },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'mail' },
        { id: 'b', source: 'mail', target: 'done' },
      ],
    };
    const compiled = compileJourney(graph);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    await db.insert(journeys).values({ workspaceId, id, name, liveVersion: version }).onConflictDoUpdate({ target: [journeys.workspaceId, journeys.id], set: { liveVersion: version } });
    await db.insert(journeyVersions).values({ workspaceId, journeyId: id, version, hash: compiled.hash, graph, ir: compiled.ir });
  }

  let runs = 0;
  /** One node visit of `journeyId` for the contact: a retry is the same call again. */
  const visit = (contactId: string, journeyId: string, config: Partial<SendEmailRequest['config']> = {}) => {
    const key = `wf-${journeyId}-${contactId}:run-${++runs}:mail:1`;
    return (now: Date) =>
      sendEmailOnce(db, transport, {
        idempotencyKey: key,
        workspaceId,
        contactId,
        journeyId,
        nodeId: 'mail',
        config: { subject: journeyId, html: `<p>${journeyId}</p>`, purpose: 'marketing', whenHeld: 'defer', ...config },
        now,
      });
  };
  const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => mail.subject);
  const rowsOf = (contactId: string) => db.select().from(messages).where(eq(messages.contactId, contactId)).orderBy(asc(messages.createdAt));

  it('holds a journey to its own cap, counting only its messages, while other journeys still reach the contact', async () => {
    const ada = await insertContact(db, { id: 'ada', email: 'ada@example.com' });
    const monday = new Date('2026-03-02T10:00:00Z');
    expect(await visit(ada, 'digest')(monday)).toMatchObject({ status: 'sent' });
    expect(await visit(ada, 'news')(new Date(monday.getTime() + hour))).toMatchObject({ status: 'sent' });

    const wednesday = new Date(monday.getTime() + 2 * day);
    expect(await visit(ada, 'digest')(wednesday)).toEqual({ status: 'deferred', until: new Date(monday.getTime() + 7 * day), reason: "the journey's email cap (1 in 7 days)" });
    expect(await visit(ada, 'digest', { whenHeld: 'skip' })(wednesday)).toEqual({
      status: 'skipped',
      reason: "held by the journey's email cap (1 in 7 days); the step skips held messages",
    });
    expect(await visit(ada, 'news')(wednesday)).toMatchObject({ status: 'sent' });
    expect(await visit(ada, 'digest', { purpose: 'transactional' })(wednesday)).toMatchObject({ status: 'sent' });
    expect(mailTo('ada@example.com')).toEqual(['digest', 'news', 'news', 'digest']);
  });

  it('records the priority of the live version at the time of the send', async () => {
    const gil = await insertContact(db, { id: 'gil', email: 'gil@example.com' });
    await publish('promo', {});
    await visit(gil, 'promo')(new Date('2026-04-01T10:00:00Z'));
    await publish('promo', { priority: 9 }, 'promo', 2);
    await visit(gil, 'promo')(new Date('2026-04-02T10:00:00Z'));
    expect((await rowsOf(gil)).map((row) => row.priority)).toEqual([5, 9]);
  });

  describe('under a workspace cap of 1 email a day', () => {
    beforeAll(() => savePolicy(db, workspaceId, { email: { cap: { count: 1, perDays: 1 } } }));
    afterAll(() => savePolicy(db, workspaceId, {}));

    const morning = new Date('2026-03-10T09:00:00Z');
    const nextMorning = new Date(morning.getTime() + day);

    it('sends the higher-priority message of two due at the same moment, and holds the other to the next window', async () => {
      const bo = await insertContact(db, { id: 'bo', email: 'bo@example.com' });
      await visit(bo, 'restock')(morning);
      // The low-priority journey reached the contact first: both wait for the same slot.
      const flash = visit(bo, 'flash');
      const vip = visit(bo, 'vip');
      const evening = new Date(morning.getTime() + 10 * hour);
      expect(await flash(evening)).toMatchObject({ status: 'deferred', until: nextMorning });
      expect(await vip(evening)).toMatchObject({ status: 'deferred', until: nextMorning });

      // Temporal retries both at that moment; whichever asks first, the high one goes.
      expect(await flash(nextMorning)).toEqual({
        status: 'deferred',
        until: new Date(nextMorning.getTime() + 60_000),
        reason: 'a higher-priority message from journey "VIP sale" (8 over 3), which goes first',
      });
      expect(await vip(nextMorning)).toMatchObject({ status: 'sent', held: { until: nextMorning, reason: 'the email frequency cap (1 in 1 day)' } });
      const retried = new Date(nextMorning.getTime() + 60_000);
      expect(await flash(retried)).toEqual({
        status: 'deferred',
        until: new Date(nextMorning.getTime() + day),
        reason: 'the email frequency cap (1 in 1 day), filled first by a higher-priority message from journey "VIP sale" (8 over 3)',
      });
      expect(mailTo('bo@example.com')).toEqual(['restock', 'vip']);

      // Each row keeps its journey's priority, which is how the next sender ranks it.
      const priorities = Object.fromEntries((await rowsOf(bo)).map((row) => [row.journeyId, row.priority]));
      expect(priorities).toEqual({ restock: 5, vip: 8, flash: 3 });
    });

    it('sends the message written first when priorities are equal, and skips a held one when the step says so', async () => {
      const cy = await insertContact(db, { id: 'cy', email: 'cy@example.com' });
      await visit(cy, 'restock')(morning);
      const news = visit(cy, 'news');
      const digest = visit(cy, 'digest', { whenHeld: 'skip' });
      const flash = visit(cy, 'flash', { whenHeld: 'skip' });
      expect(await news(morning)).toMatchObject({ status: 'deferred', until: nextMorning });

      expect(await digest(nextMorning)).toEqual({
        status: 'skipped',
        reason: 'held by an earlier message of the same priority (5) from journey "news", which goes first; the step skips held messages',
      });
      expect(await flash(nextMorning)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('a higher-priority message from journey "news" (5 over 3)') });
      expect(await news(nextMorning)).toMatchObject({ status: 'sent' });
      expect(mailTo('cy@example.com')).toEqual(['restock', 'news']);
    });

    it('lets a lower-priority message go while the cap has room for every message due', async () => {
      await savePolicy(db, workspaceId, { email: { cap: { count: 2, perDays: 1 } } });
      try {
        const dee = await insertContact(db, { id: 'dee', email: 'dee@example.com' });
        await visit(dee, 'restock')(morning);
        await visit(dee, 'news')(morning);
        const vip = visit(dee, 'vip');
        expect(await vip(morning)).toMatchObject({ status: 'deferred', until: nextMorning });
        // Both slots free the next morning, when the high one is due too: room for both, so the low one need not wait.
        expect(await visit(dee, 'flash')(nextMorning)).toMatchObject({ status: 'sent' });
        expect(await vip(nextMorning)).toMatchObject({ status: 'sent' });
        expect(mailTo('dee@example.com')).toEqual(['restock', 'news', 'flash', 'vip']);
      } finally {
        await savePolicy(db, workspaceId, { email: { cap: { count: 1, perDays: 1 } } });
      }
    });

    it('sends a transactional message whatever the caps and the messages waiting', async () => {
      const eve = await insertContact(db, { id: 'eve', email: 'eve@example.com' });
      await visit(eve, 'restock')(morning);
      await visit(eve, 'vip')(morning);
      expect(await checkPolicy(db, { workspaceId, contactId: eve, channel: 'email', recipient: 'eve@example.com', journeyId: 'flash', idempotencyKey: 'receipt', now: morning, purpose: 'transactional' })).toEqual({
        verdict: 'send',
      });
      expect(await visit(eve, 'digest', { purpose: 'transactional' })(morning)).toMatchObject({ status: 'sent' });
    });

    it('lets only one of two sends that run at the same moment take the last slot', async () => {
      const fay = await insertContact(db, { id: 'fay', email: 'fay@example.com' });
      const outcomes = await Promise.all([visit(fay, 'news')(morning), visit(fay, 'restock')(morning)]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['deferred', 'sent']);
      expect(mailTo('fay@example.com')).toHaveLength(1);
    });
  });
});
