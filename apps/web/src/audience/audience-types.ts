import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../trpc';

/** What the audience procedures answer, as the console reads them (dates arrive as ISO strings). */
export type ContactListPage = inferOutput<typeof trpc.contacts.list>;
export type ContactListRow = ContactListPage['rows'][number];
export type ContactAudience = inferOutput<typeof trpc.contacts.get>['audience'];
export type ContactRfm = NonNullable<ContactAudience['rfm']>;
export type ContactPrediction = NonNullable<ContactAudience['predicted']>;
export type ContactMerge = ContactAudience['merges'][number];
export type TimelineEvent = inferOutput<typeof trpc.contacts.timeline>['events'][number];
export type SegmentSummary = inferOutput<typeof trpc.segments.list>[number];
export type SegmentPreview = inferOutput<typeof trpc.segments.preview>;
export type RfmOverview = inferOutput<typeof trpc.rfm.summary>;
export type RfmGridCell = RfmOverview['summary']['grid'][number];
export type RfmGroupSummary = RfmOverview['summary']['groups'][number];
export type RfmGroupInfo = RfmOverview['groups'][number];
export type RfmSettings = RfmOverview['settings'];
export type ImportRun = inferOutput<typeof trpc.imports.list>[number];
