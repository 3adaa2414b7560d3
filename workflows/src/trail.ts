import type { JourneyWorkflowInput, VisitRecord } from '@tend/journey/ir';
import { recordVisits } from './activities.js';

/**
 * The contact's trail through this run: each node visit is recorded as it happens and written
 * in batches by the recordVisits local activity, for live counts and the contact's page.
 */
export class Trail {
  /** Node ids in the order this run visited them (part of the workflow's result). */
  readonly visited: string[] = [];
  readonly #pending: VisitRecord[] = [];
  readonly #input: JourneyWorkflowInput;
  readonly #workflowId: string;

  constructor(input: JourneyWorkflowInput, workflowId: string) {
    this.#input = input;
    this.#workflowId = workflowId;
  }

  record(nodeId: string, visit: number, outcome: string): void {
    const { workspaceId, version, contactId, ir } = this.#input;
    this.visited.push(nodeId);
    this.#pending.push({ workspaceId, journeyId: ir.journeyId, version, contactId, workflowId: this.#workflowId, nodeId, visit, outcome, at: Date.now() });
  }

  /** Writes what was recorded since the last flush; with nothing new, no activity runs. */
  async flush(): Promise<void> {
    if (this.#pending.length > 0) await recordVisits(this.#pending.splice(0));
  }
}
