import type { JourneyWorkflowInput, RunPosition, VisitRecord } from '@tend/journey/ir';
import { recordVisits } from './activities.js';

/** How a visit ended, for the trail: the output id the contact left by (null: none) and why. */
export interface LeftBy {
  output: string | null;
  detail?: Record<string, unknown>;
}

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

  record(nodeId: string, visit: number, outcome: string, { output, detail }: LeftBy = { output: null }): void {
    const { workspaceId, version, contactId, ir } = this.#input;
    this.visited.push(nodeId);
    this.#pending.push({
      workspaceId,
      journeyId: ir.journeyId,
      version,
      contactId,
      workflowId: this.#workflowId,
      nodeId,
      visit,
      outcome,
      output,
      ...(detail ? { detail } : {}),
      at: Date.now(),
    });
  }

  /**
   * Writes what was recorded since the last flush, and where the run is now (the routing
   * index's current node); with nothing new, no activity runs. Every move of the run records a
   * visit, so the position written is never stale for long.
   */
  async flush(position: RunPosition | null): Promise<void> {
    if (this.#pending.length > 0) await recordVisits(this.#pending.splice(0), position);
  }

  /** What was recorded since the last flush, handed to a caller that writes it (the run's end). */
  take(): VisitRecord[] {
    return this.#pending.splice(0);
  }
}
