/**
 * The provider refused this message for good (a malformed number, an unknown subscription):
 * sending it again cannot succeed, so the ledger marks it failed instead of letting it retry.
 */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}

/** The push service no longer knows this subscription (HTTP 404 or 410): the browser unsubscribed. */
export class SubscriptionGoneError extends UndeliverableError {
  override name = 'SubscriptionGoneError';
}
