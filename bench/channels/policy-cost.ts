// 7.2: what the message policy costs each send, with a frequency cap and quiet hours set,
// beside the same check on a workspace that sets none.
import { checkPolicy, savePolicy, withPolicySettings, type PolicyQuestion } from '@tend/channels';
import { messages, type Database } from '@tend/db';
import { number, type Comparison } from '../report.js';
import { median } from '../stats.js';
import { insertReaders } from './send-setup.js';

const block = 50;

/**
 * One contact per workspace with two marketing emails sent in the last week (the cap's count
 * finds rows). "Now" is noon in the contact's zone, so quiet hours are looked up but do not
 * hold, and every check runs the whole way to "send" (checked). Calls run one at a time: the
 * figure is the latency a send pays, in blocks taking turns.
 */
export async function benchPolicyCost(options: { db: Database; workspaceIds: { bare: string; capped: string }; checks: number }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const { db, workspaceIds, checks } = options;
  const now = new Date('2026-06-15T11:00:00Z'); // 12:00 in London (BST)
  await savePolicy(db, workspaceIds.capped, {
    email: { cap: { count: 3, perDays: 7 } },
    quietHours: { start: '21:00', end: '09:00', channels: ['email', 'sms', 'push'] },
  });
  const questions = {} as Record<'bare' | 'capped', PolicyQuestion>;
  for (const kind of ['bare', 'capped'] as const) {
    const [contactId] = await insertReaders(db, workspaceIds[kind], `policy-${kind}`, 1);
    await db.insert(messages).values(
      [1, 2].map((daysAgo) => ({
        idempotencyKey: `policy-${kind}/earlier/${daysAgo}`,
        workspaceId: workspaceIds[kind],
        contactId: contactId!,
        journeyId: 'bench-newsletter',
        nodeId: 'mail',
        channel: 'email' as const,
        recipient: `policy-${kind}-0@example.test`,
        status: 'sent' as const,
        purpose: 'marketing' as const,
        attempts: 1,
        sentAt: new Date(now.getTime() - daysAgo * 86_400_000),
      })),
    );
    questions[kind] = {
      workspaceId: workspaceIds[kind],
      contactId: contactId!,
      channel: 'email',
      recipient: `policy-${kind}-0@example.test`,
      purpose: 'marketing',
      topic: null,
      journeyId: 'bench-newsletter',
      idempotencyKey: `policy-${kind}/probe`,
      now,
      whenHeld: 'defer',
    };
  }

  const perCall: Record<'bare' | 'capped', number[]> = { bare: [], capped: [] };
  for (let done = 0; done < checks; done += block) {
    for (const kind of ['capped', 'bare'] as const) {
      const began = performance.now();
      for (let i = 0; i < block; i++) {
        // As sendOnce runs it: the facts read ahead in one round trip, then the checks.
        const verdict = await checkPolicy(db, await withPolicySettings(db, questions[kind]));
        if (verdict.verdict !== 'send') throw new Error(`the policy bench's ${kind} check came back "${verdict.verdict}": ${'reason' in verdict ? verdict.reason : ''}`);
      }
      perCall[kind].push((performance.now() - began) / block);
    }
  }
  const capped = median(perCall.capped);
  const bare = median(perCall.bare);
  return {
    rows: [{ figure: 'the policy step, a cap and quiet hours set', value: capped, baseline: 'the policy step, nothing set', base: bare, unit: 'duration' }],
    notes: [
      `Per call, median of ${perCall.capped.length} blocks of ${block} one at a time: ${number(capped * 1000)} µs with an email cap (3 in 7 days) and quiet hours (21:00–09:00, the contact in Europe/London, checked at noon there), ${number(bare * 1000)} µs with none: the cap and quiet hours add ${number((capped - bare) * 1000)} µs a send.`,
      'Both read the workspace policy, the sending journey\'s live version, the suppression list and the contact\'s consents in one round trip (withPolicySettings), then judge (checkPolicy); the cap adds the count of the contact\'s sent emails in the window and the priority check, quiet hours the contact\'s time zone.',
    ],
  };
}
