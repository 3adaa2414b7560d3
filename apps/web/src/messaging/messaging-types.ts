import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../trpc';

/** What the policy procedures answer, as the console reads them (dates arrive as ISO strings). */
export type MessagePolicy = inferOutput<typeof trpc.policy.get>;
export type Topic = inferOutput<typeof trpc.policy.topics>[number];
export type SuppressionPage = inferOutput<typeof trpc.policy.suppressions>;
export type SuppressionRow = SuppressionPage['suppressions'][number];
export type DayOfMessages = inferOutput<typeof trpc.policy.messagesByDay>[number];
export type ContactConsents = inferOutput<typeof trpc.policy.contactConsents>;
export type ConsentState = ContactConsents['states'][number];
export type ConsentChangeRow = ContactConsents['history'][number];
export type ContactAddress = ContactConsents['addresses'][number];
export type ContactMessage = inferOutput<typeof trpc.policy.contactMessages>[number];

export type Channel = ConsentState['channel'];

/** Every channel, in the order the console lists them. */
export const channels = ['email', 'sms', 'push'] as const satisfies readonly Channel[];

export const channelNames: Record<Channel, string> = { email: 'Email', sms: 'SMS', push: 'Push' };
