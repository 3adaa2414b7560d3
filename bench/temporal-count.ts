import { Client, Connection } from '@temporalio/client';
import { journeyWorkflowType } from '@tend/journey/ir';
import type { Cleanup } from './cleanup.js';

/**
 * Visibility queries for journey runs. Visibility is updated asynchronously after each
 * change, so a count lags the runs by that much too (tens of ms on the dev server).
 */
export const runningJourneys = `WorkflowType="${journeyWorkflowType}" AND ExecutionStatus="Running"`;
export const completedJourneys = `WorkflowType="${journeyWorkflowType}" AND ExecutionStatus="Completed"`;

/** A client of Tend's embedded Temporal dev server, closed by the bench's cleanup. */
export async function temporalClient(address: string, cleanup: Cleanup): Promise<Client> {
  const connection = await Connection.connect({ address });
  cleanup.defer(`Temporal client of ${address}`, () => connection.close());
  return new Client({ connection });
}

export const countOf = (client: Client, query: string) => async () => (await client.workflow.count(query)).count;
