// Where section 2b's identify → email time goes, per contact, read back from each journey run's
// Temporal history: the stages between the identify call and the email at the peer.
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { format } from './report.js';
import { summarize } from './stats.js';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/** One identify of the paced run: its messageId, when it was sent and when its email arrived (epoch ms). */
export interface PacedCall {
  messageId: string;
  sentAt: number;
  arrivedAt: number | undefined;
}

const stages = [
  { label: 'identify sent → run started', from: 'sent', to: 'started', note: 'the request, the routing consumer, signalWithStart' },
  { label: 'run started → first workflow task done', from: 'started', to: 'firstTaskDone', note: "the task's wait, the enrolment and the entry's visit (local activities)" },
  { label: 'first task done → send activity started', from: 'firstTaskDone', to: 'activityStarted', note: '' },
  { label: 'send activity started → email at the peer', from: 'activityStarted', to: 'arrived', note: 'the contact, the policy, the render, the ledger claim, SMTP' },
] as const;

type Stamp = (typeof stages)[number]['from' | 'to'];

/**
 * Notes lines: p50/p95 of each stage over the welcome runs the calls started. A run's stamps are
 * its history's event times (the Temporal server's clock, on this machine); a call's are the
 * bench's. Runs are found by visibility, matched to calls by the messageId their entry carries.
 */
export async function identifyPhases(temporalAddress: string, calls: readonly PacedCall[]): Promise<string[]> {
  const byMessageId = new Map(calls.map((call) => [call.messageId, call]));
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const samples = new Map<string, number[]>(stages.map((stage) => [stage.label, []]));
    const earliest = new Date(Math.min(...calls.map((call) => call.sentAt)) - 1000).toISOString();
    for await (const run of client.workflow.list({ query: `WorkflowType = 'journeyWorkflow' AND StartTime >= '${earliest}'` })) {
      const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      const stamps = runStamps(history.events ?? []);
      const call = stamps && byMessageId.get(stamps.messageId);
      if (!stamps || !call) continue;
      const at: Record<Stamp, number | undefined> = { ...stamps, sent: call.sentAt, arrived: call.arrivedAt };
      for (const stage of stages) {
        const [from, to] = [at[stage.from], at[stage.to]];
        if (from !== undefined && to !== undefined) samples.get(stage.label)!.push(to - from);
      }
    }
    return [
      'where the time went (p50 / p95 per contact, from each run\'s Temporal history):',
      ...stages.map((stage) => {
        const summary = summarize(samples.get(stage.label)!);
        return `  ${stage.label}: ${format(summary.p50, 'duration')} / ${format(summary.p95, 'duration')}${stage.note ? ` (${stage.note})` : ''}`;
      }),
    ];
  } finally {
    await connection.close();
  }
}

/** The entry's messageId and the run's stamps, or null for a run of something else. */
function runStamps(events: HistoryEvent[]): { messageId: string; started: number; firstTaskDone: number | undefined; activityStarted: number | undefined } | null {
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  const payload = started?.input?.payloads?.[0]?.data;
  if (!payload) return null;
  const input = JSON.parse(Buffer.from(payload).toString('utf8')) as { entering?: { messageId?: string } };
  const messageId = input.entering?.messageId;
  if (!messageId) return null;
  const time = (event: HistoryEvent | undefined) => (event?.eventTime ? Number(event.eventTime.seconds ?? 0) * 1000 + Math.floor((event.eventTime.nanos ?? 0) / 1e6) : undefined);
  return {
    messageId,
    started: time(events[0])!,
    firstTaskDone: time(events.find((event) => event.workflowTaskCompletedEventAttributes)),
    activityStarted: time(events.find((event) => event.activityTaskStartedEventAttributes)),
  };
}
