import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CollectionActivities } from '../activities/activity-types.ts';

// The activities the collection workflow calls, with their timeouts and retries.

const RETRY = { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' } as const;

/** Side effects run as ordinary activities: each is retried until it succeeds and is keyed for idempotency. */
export const effects = proxyActivities<
  Pick<
    CollectionActivities,
    'createTask' | 'escalate' | 'assignCollector' | 'setTags' | 'createPaymentPlan' | 'checkPromise' | 'closeAccount'
  >
>({ startToCloseTimeout: '1 minute', retry: RETRY });

/**
 * Reminders on a short timeout: a send takes a second or two (the mailer gives up on a silent server sooner), so a
 * reminder whose worker died is retried within seconds rather than a minute. The retry finds the intent the dead
 * attempt recorded and never sends twice.
 */
export const sending = proxyActivities<Pick<CollectionActivities, 'sendReminder'>>({ startToCloseTimeout: '20 seconds', retry: RETRY });

/**
 * Reads and rule evaluation run as local activities: no extra round trip through the server, yet their results
 * (the strategy, the account's figures, each decision with the comparisons that held) are recorded in history.
 */
export const reads = proxyLocalActivities<
  Pick<CollectionActivities, 'loadStrategyVersion' | 'loadAccountSnapshot' | 'evaluateCondition' | 'evaluateSwitch'>
>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
