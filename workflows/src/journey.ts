import {
  contactEventSignal,
  positionQuery,
  type EnteringEvent,
  type IrNode,
  type JourneyActivities,
  type JourneyPosition,
  type JourneyWorkflowInput,
} from '@tend/journey/ir';
import { defineQuery, defineSignal, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';

// A provider outage must defer sends, never drop them: retry without a limit, backing off to 10 minutes.
const { runAction } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export const contactEvent = defineSignal<[EnteringEvent]>(contactEventSignal);
export const position = defineQuery<JourneyPosition>(positionQuery);

/**
 * Walks one contact through one published journey version. The IR arrives with the input,
 * so a version in flight never changes under the contact.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<{ visited: string[] }> {
  const { ir } = input;
  const received: EnteringEvent[] = [];
  const visits = new Map<string, number>();
  const visited: string[] = [];
  let where: JourneyPosition = { nodeId: input.triggerNodeId, status: 'running', waitingUntil: null };

  // Events that arrive for a running contact are kept for nodes that wait on them.
  setHandler(contactEvent, (event) => void received.push(event));
  setHandler(position, () => where);

  const trigger = ir.triggers.find((candidate) => candidate.nodeId === input.triggerNodeId);
  let current: IrNode | undefined = trigger?.next ? ir.nodes[trigger.next] : undefined;
  while (current) {
    const visit = (visits.get(current.id) ?? 0) + 1;
    visits.set(current.id, visit);
    visited.push(current.id);
    where = { nodeId: current.id, status: 'running', waitingUntil: null };
    const next = await step(current, visit, input, (until) => (where = { ...where, status: 'waiting', waitingUntil: until }));
    current = next ? ir.nodes[next] : undefined;
  }
  where = { nodeId: null, status: 'completed', waitingUntil: null };
  return { visited };
}

async function step(
  node: IrNode,
  visit: number,
  input: JourneyWorkflowInput,
  onWait: (until: string) => void,
): Promise<string | null> {
  switch (node.kind) {
    case 'wait': {
      onWait(new Date(Date.now() + node.durationMs).toISOString());
      await sleep(node.durationMs);
      return node.next;
    }
    case 'action': {
      const { workflowId, runId } = workflowInfo();
      await runAction({
        workspaceId: input.workspaceId,
        contactId: input.contactId,
        journeyId: input.ir.journeyId,
        nodeId: node.id,
        type: node.type,
        version: node.version,
        config: node.config,
        idempotencyKey: `${workflowId}/${runId}/${node.id}/${visit}`,
      });
      return node.next;
    }
    case 'exit':
      return null;
  }
}
