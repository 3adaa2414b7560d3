import { z } from 'zod';

/**
 * What every message node says about the message, for the policy checked before each send:
 * whether it is marketing (needs the contact's consent for its topic, obeys frequency caps and
 * quiet hours) or transactional (order and account messages: none of those, and never a
 * marketing topic), and what happens when a cap or quiet hours hold it.
 */
export const messagePurposeFields = {
  purpose: z.enum(['marketing', 'transactional'], { error: 'choose marketing or transactional' }).default('marketing'),
  /** A subscription topic of the workspace (e.g. "offers"); none: the channel's marketing as a whole. */
  topic: z.string().trim().optional(),
  /** defer: wait for the next moment the policy allows (in the journey's time); skip: drop this message. */
  whenHeld: z.enum(['defer', 'skip'], { error: 'choose defer or skip' }).default('defer'),
};

/** How the editor shows the fields above: the topic is picked from the workspace's topics. */
export const messagePurposeUi = { topic: 'topic' } as const;

/** A transactional message has no marketing topic: it is sent whatever the contact's subscriptions. */
export function checkMessagePurpose(config: { purpose: 'marketing' | 'transactional'; topic?: string }, ctx: z.RefinementCtx): void {
  if (config.purpose === 'transactional' && config.topic) {
    ctx.addIssue({ code: 'custom', path: ['topic'], message: 'a transactional message has no subscription topic: remove the topic, or make it marketing' });
  }
}
