// What the scale test reads back from the one database every process shares, by the contact's
// userId (what the load sent), so a count of two names the contact it happened to.
import { and, contacts, enrolments, eq, events, isNull, messages, nodeVisits, routingConsumers, routingLeases, sql, type Database } from '@tend/db';

export class Outcomes {
  constructor(
    private readonly db: Database,
    private readonly workspaceId: string,
    private readonly journeyId: string,
  ) {}

  async storedEvents(): Promise<number> {
    return this.#count(sql`select count(*)::int as count from ${events} where ${events.workspaceId} = ${this.workspaceId}`);
  }

  /** Stored events no consumer has routed yet. */
  async unrouted(): Promise<number> {
    return this.#count(sql`select count(*)::int as count from ${events} where ${events.workspaceId} = ${this.workspaceId} and ${isNull(events.routedAt)}`);
  }

  /** Runs in the journey now waiting at `nodeId`. */
  async waitingAt(nodeId: string): Promise<number> {
    const rows = await this.db.select({ contactId: enrolments.contactId }).from(enrolments).where(and(this.#enrolment(), eq(enrolments.status, 'active'), eq(enrolments.currentNode, nodeId)));
    return rows.length;
  }

  /** Enrolments by status: how the runs ended, or that they have not. */
  async enrolmentStatuses(): Promise<Record<string, number>> {
    const rows = await this.db.select({ status: enrolments.status }).from(enrolments).where(this.#enrolment());
    return tally(rows.map((row) => row.status));
  }

  /** How often each contact passed `nodeId` with `outcome` ("entered" at the trigger: how often it entered). */
  async visitsPerUser(nodeId: string, outcome: string): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ userId: contacts.userId })
      .from(nodeVisits)
      .innerJoin(contacts, eq(contacts.id, nodeVisits.contactId))
      .where(and(eq(nodeVisits.workspaceId, this.workspaceId), eq(nodeVisits.journeyId, this.journeyId), eq(nodeVisits.nodeId, nodeId), eq(nodeVisits.outcome, outcome)));
    return tally(rows.map((row) => row.userId ?? '(no userId)'));
  }

  /** Each contact's rows in the send ledger, by status. */
  async ledgerPerUser(): Promise<Record<string, string[]>> {
    const rows = await this.db
      .select({ userId: contacts.userId, status: messages.status })
      .from(messages)
      .innerJoin(contacts, eq(contacts.id, messages.contactId))
      .where(and(eq(messages.workspaceId, this.workspaceId), eq(messages.journeyId, this.journeyId)));
    const byUser: Record<string, string[]> = {};
    for (const row of rows) (byUser[row.userId ?? '(no userId)'] ??= []).push(row.status);
    return byUser;
  }

  /** The routing consumer running in the server process `pid` (its id is host:pid:random). */
  async consumerOf(pid: number): Promise<string> {
    const ids = (await this.db.select({ id: routingConsumers.id }).from(routingConsumers)).map((row) => row.id);
    const id = ids.find((candidate) => candidate.split(':').at(-2) === String(pid));
    if (!id) throw new Error(`no routing consumer of pid ${pid} among ${ids.join(', ')}`);
    return id;
  }

  /** Partitions leased to `consumerId` (expired leases included: they count until another consumer takes them). */
  async leasesOf(consumerId: string): Promise<number> {
    const rows = await this.db.select({ partition: routingLeases.partition }).from(routingLeases).where(eq(routingLeases.owner, consumerId));
    return rows.length;
  }

  #enrolment() {
    return and(eq(enrolments.workspaceId, this.workspaceId), eq(enrolments.journeyId, this.journeyId));
  }

  async #count(query: ReturnType<typeof sql>): Promise<number> {
    const result = (await this.db.execute(query)) as unknown as { rows: { count: number }[] };
    return Number(result.rows[0]?.count ?? NaN);
  }
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
