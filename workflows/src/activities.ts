import type { JourneyActivities } from '@tend/journey/ir';
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

// A provider outage must defer sends, never drop them: retry without a limit, backing off to 10 minutes.
export const { runAction, evaluateBranch } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

// Bookkeeping is short and local to the worker: local activities keep the history small.
export const { recordVisits, contactTimeZone, beginEnrolment, endEnrolment } = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
