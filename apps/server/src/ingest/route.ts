import { and, eq, events, inArray, journeys, journeyVersions, type Database } from '@tend/db';
import {
  contactEventSignal,
  journeyTaskQueue,
  journeyWorkflowId,
  journeyWorkflowType,
  type EnteringEvent,
  type IrTrigger,
  type JourneyIr,
  type JourneyWorkflowInput,
} from '@tend/journey/ir';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { StoredEvent } from './store.js';

interface LiveJourney {
  journeyId: string;
  version: number;
  ir: JourneyIr;
}

/**
 * Offers stored events to every live journey: a matching trigger enters the contact with
 * signalWithStart on the (workspace, journey, contact) workflow id, so a contact already in
 * the journey is signalled instead of entered twice. Marks each event routed afterwards.
 */
export async function routeEvents(db: Database, temporal: Client, workspaceId: string, stored: StoredEvent[]): Promise<void> {
  const fresh = stored.filter((event) => !event.duplicate);
  if (fresh.length === 0) return;
  const live = await liveJourneys(db, workspaceId);
  for (const event of fresh) {
    for (const journey of live) {
      for (const trigger of journey.ir.triggers) {
        if (matches(trigger, event)) await enter(temporal, workspaceId, journey, trigger, event);
      }
    }
  }
  await db.update(events).set({ routedAt: new Date() }).where(inArray(events.id, fresh.map((event) => event.id)));
}

function matches(trigger: IrTrigger, event: StoredEvent): boolean {
  if (trigger.kind === 'identify') return event.type === 'identify' && (!trigger.onlyNewContacts || event.createdContact);
  return event.type === 'track' && event.name === trigger.event;
}

async function enter(temporal: Client, workspaceId: string, journey: LiveJourney, trigger: IrTrigger, event: StoredEvent) {
  const entering: EnteringEvent = { type: event.type, name: event.name, messageId: event.messageId, properties: event.properties };
  const input: JourneyWorkflowInput = {
    workspaceId,
    contactId: event.contactId,
    version: journey.version,
    triggerNodeId: trigger.nodeId,
    ir: journey.ir,
    entering,
  };
  try {
    await temporal.workflow.signalWithStart(journeyWorkflowType, {
      workflowId: journeyWorkflowId(workspaceId, journey.journeyId, event.contactId),
      taskQueue: journeyTaskQueue,
      args: [input],
      signal: contactEventSignal,
      signalArgs: [entering],
      // Re-entry is the journey's setting, enforced by Temporal's id-reuse policy, not by locks.
      workflowIdReusePolicy: journey.ir.reentry === 'once-ever' ? 'REJECT_DUPLICATE' : 'ALLOW_DUPLICATE',
      memo: { journeyId: journey.journeyId, version: journey.version, contactId: event.contactId },
    });
  } catch (error) {
    // The contact already went through a once-ever journey: not entering again is the point.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}

async function liveJourneys(db: Database, workspaceId: string): Promise<LiveJourney[]> {
  const rows = await db
    .select({ journeyId: journeyVersions.journeyId, version: journeyVersions.version, ir: journeyVersions.ir })
    .from(journeys)
    .innerJoin(
      journeyVersions,
      and(
        eq(journeyVersions.workspaceId, journeys.workspaceId),
        eq(journeyVersions.journeyId, journeys.id),
        eq(journeyVersions.version, journeys.liveVersion),
      ),
    )
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.status, 'active')));
  return rows;
}
