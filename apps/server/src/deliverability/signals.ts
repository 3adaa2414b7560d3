import { z } from 'zod';

/** What a provider told us about one address. */
export interface DeliverySignal {
  kind: 'hard-bounce' | 'soft-bounce' | 'complaint';
  email: string;
  reason?: string;
  /** Which shape it came in, kept on the suppression. */
  via: 'generic' | 'ses';
}

/** What a webhook body asks of us: signals to apply, or an SNS message to only acknowledge. */
export type WebhookBody = { signals: DeliverySignal[] } | { acknowledge: { type: string; subscribeUrl?: string } };

/**
 * The generic shape: `{ type: 'bounce' | 'complaint', email, bounceType?: 'hard' | 'soft', reason? }`
 * or an array of them. A bounce without a bounceType is taken as hard: a provider that does not
 * say is reporting a failure it gave up on.
 */
const genericSignal = z.object({
  type: z.enum(['bounce', 'complaint']),
  email: z.string().trim().min(3),
  bounceType: z.enum(['hard', 'soft']).optional(),
  reason: z.string().optional(),
});

/** Amazon SES notifications (delivered through SNS, or raw). Only the fields Tend reads. */
const sesNotification = z.object({
  notificationType: z.enum(['Bounce', 'Complaint', 'Delivery']).optional(),
  eventType: z.enum(['Bounce', 'Complaint', 'Delivery', 'Send', 'Reject', 'Open', 'Click', 'Rendering Failure', 'DeliveryDelay', 'Subscription']).optional(),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() })),
    })
    .optional(),
  complaint: z
    .object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })), complaintFeedbackType: z.string().optional() })
    .optional(),
});

const snsEnvelope = z.object({ Type: z.string(), Message: z.string().optional(), SubscribeURL: z.string().optional() });

/** Reads a webhook body in any shape we accept; throws a message naming what is wrong. */
export function readWebhookBody(body: unknown): WebhookBody {
  const envelope = snsEnvelope.safeParse(body);
  if (envelope.success) {
    if (envelope.data.Type !== 'Notification') return { acknowledge: { type: envelope.data.Type, subscribeUrl: envelope.data.SubscribeURL } };
    let message: unknown;
    try {
      message = JSON.parse(envelope.data.Message ?? '');
    } catch {
      throw new Error('the SNS notification\'s Message is not JSON: deliver SES notifications as JSON');
    }
    return { signals: sesSignals(message) };
  }
  if (isObject(body) && ('notificationType' in body || 'eventType' in body)) return { signals: sesSignals(body) };
  const items = Array.isArray(body) ? body : [body];
  return {
    signals: items.map((item, index) => {
      const parsed = genericSignal.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = [...(Array.isArray(body) ? [index] : []), ...(issue?.path ?? [])].join('.');
        throw new Error(`${where ? `${where}: ` : ''}${issue?.message ?? 'not a bounce or complaint'} (send { type: 'bounce' | 'complaint', email, bounceType?, reason? })`);
      }
      const { type, email, bounceType, reason } = parsed.data;
      const kind = type === 'complaint' ? 'complaint' : bounceType === 'soft' ? 'soft-bounce' : 'hard-bounce';
      return { kind, email, ...(reason ? { reason } : {}), via: 'generic' } satisfies DeliverySignal;
    }),
  };
}

/** SES: a Permanent bounce is hard; Transient and Undetermined may pass, so they are soft. */
function sesSignals(message: unknown): DeliverySignal[] {
  const parsed = sesNotification.safeParse(message);
  if (!parsed.success) throw new Error(`not an SES notification: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  const { bounce, complaint } = parsed.data;
  const type = parsed.data.notificationType ?? parsed.data.eventType;
  if (type === 'Bounce' && bounce) {
    const kind = bounce.bounceType === 'Permanent' ? 'hard-bounce' : 'soft-bounce';
    return bounce.bouncedRecipients.map((recipient) => ({
      kind,
      email: recipient.emailAddress,
      reason: recipient.diagnosticCode ?? `${bounce.bounceType}${bounce.bounceSubType ? `/${bounce.bounceSubType}` : ''}`,
      via: 'ses',
    }));
  }
  if (type === 'Complaint' && complaint) {
    return complaint.complainedRecipients.map((recipient) => ({
      kind: 'complaint',
      email: recipient.emailAddress,
      ...(complaint.complaintFeedbackType ? { reason: complaint.complaintFeedbackType } : {}),
      via: 'ses',
    }));
  }
  // Deliveries and other events say nothing about whether to keep sending.
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
