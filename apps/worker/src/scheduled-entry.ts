import { asc, contacts, eq, gt, and, type Database } from '@tend/db';
import {
  dateAttributeInstant,
  evaluateCondition,
  isValidTimeZone,
  nextAnniversaryInstant,
  type IrTrigger,
  type ScheduledEntryActivities,
} from '@tend/journey/ir';
import { enterJourney, liveJourneys, type LiveJourney } from '@tend/routing';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { contactFacts } from './journey-activities.js';

const pageSize = 500;
/** The daily date sweep enters contacts whose moment falls within the next day (plus slack for a late sweep). */
const dateHorizonMs = 25 * 3_600_000;

/**
 * Enters the contacts a schedule trigger (everyone matching its condition) or a date-attribute
 * trigger (whose date comes up within a day; they start at the exact time in their zone)
 * selects. Pages by contact id and heartbeats the last id, so a retry resumes where it stopped.
 */
export function createScheduledEntryActivities(db: Database, temporal: Client | undefined): ScheduledEntryActivities {
  return {
    async enterScheduled({ workspaceId, journeyId, triggerNodeId, now }) {
      if (!temporal) throw ApplicationFailure.nonRetryable('scheduled entries need the worker to have a Temporal client');
      const [journey] = await liveJourneys(db, workspaceId, journeyId);
      const trigger = journey?.ir.triggers.find((t) => t.nodeId === triggerNodeId);
      if (!journey || !trigger || (trigger.kind !== 'schedule' && trigger.kind !== 'date-attribute')) return 0; // unpublished or paused meanwhile
      let after: string = Context.current().info.heartbeatDetails ?? '';
      let entered = 0;
      for (;;) {
        const page = await db
          .select()
          .from(contacts)
          .where(and(eq(contacts.workspaceId, workspaceId), gt(contacts.id, after)))
          .orderBy(asc(contacts.id))
          .limit(pageSize);
        for (const contact of page) {
          const startAt = await entryStart(db, journey, trigger, contact, now);
          if (startAt === null) continue;
          const event = {
            type: 'track' as const,
            name: trigger.kind === 'schedule' ? 'Scheduled Entry' : 'Date Reached',
            messageId: `${triggerNodeId}/${contact.id}/${startAt}`,
            properties: trigger.kind === 'date-attribute' ? { attribute: trigger.attribute, date: contact.traits[trigger.attribute] } : {},
            occurredAt: new Date(now).toISOString(),
          };
          const outcome = await enterJourney(db, temporal, { workspaceId, contactId: contact.id, journey, trigger, event, startAt });
          if (outcome === 'routed') entered++;
        }
        if (page.length < pageSize) return entered;
        after = page[page.length - 1]!.id;
        Context.current().heartbeat(after);
      }
    },
  };
}

type Contact = typeof contacts.$inferSelect;
type TimedTrigger = Extract<IrTrigger, { kind: 'schedule' | 'date-attribute' }>;

/** When the trigger enters the contact (epoch ms), or null when it does not select them this time. */
export async function entryStart(db: Database, journey: LiveJourney, trigger: TimedTrigger, contact: Contact, now: number): Promise<number | null> {
  if (trigger.kind === 'date-attribute') return dateSelects(trigger, contact, journey.ir.timeZone, now);
  return scheduleSelects(db, journey.journeyId, trigger, contact, now);
}

async function scheduleSelects(
  db: Database,
  journeyId: string,
  trigger: Extract<IrTrigger, { kind: 'schedule' }>,
  contact: Contact,
  now: number,
): Promise<number | null> {
  if (!trigger.condition) return now;
  // The journey id scopes engagement conditions to the emails this journey sent.
  const facts = await contactFacts(db, contact.workspaceId, contact.id, journeyId, [trigger.condition]);
  return evaluateCondition(trigger.condition, facts) ? now : null;
}

/** When a date trigger's contact should start (epoch ms), or null when their date is not coming up. */
function dateSelects(trigger: Extract<IrTrigger, { kind: 'date-attribute' }>, contact: Contact, fallbackZone: string, now: number): number | null {
  const value = contact.traits[trigger.attribute];
  if (typeof value !== 'string') return null;
  const zoneTrait = contact.traits.timezone;
  const zone = typeof zoneTrait === 'string' && isValidTimeZone(zoneTrait) ? zoneTrait : fallbackZone;
  const instant = trigger.recurring
    ? nextAnniversaryInstant(now - 1, value, trigger.offsetDays, trigger.time, zone)
    : dateAttributeInstant(value, trigger.offsetDays, trigger.time, zone);
  return instant !== null && instant >= now && instant < now + dateHorizonMs ? instant : null;
}
