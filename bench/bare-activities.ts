import type { EmailTransport, OutgoingEmail } from '@tend/channels';

export interface BareActivities {
  /** Stamps the run's first workflow task (a local activity runs inside it). */
  firstTask(workflowId: string): Promise<void>;
  /** Stamps the run's last workflow task, after it was woken. */
  finished(workflowId: string): Promise<void>;
  sendEmail(email: OutgoingEmail): Promise<void>;
}

/** Times are performance.now() in the bench process, which runs the bare worker. */
export interface Stamps {
  firstTask: Map<string, number>;
  finished: Map<string, number>;
}

export function bareActivities(stamps: Stamps, email: EmailTransport): BareActivities {
  return {
    async firstTask(workflowId) {
      stamps.firstTask.set(workflowId, performance.now());
    },
    async finished(workflowId) {
      stamps.finished.set(workflowId, performance.now());
    },
    async sendEmail(message) {
      await email.send(message);
    },
  };
}
