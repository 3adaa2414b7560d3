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

/**
 * A server-side fetch would have reached an internal address (loopback, private, link-local,
 * cloud metadata…) that TEND_FETCH_ALLOW does not name. Sending again reaches the same place,
 * so it is never retried.
 */
export class RefusedTargetError extends UndeliverableError {
  override name = 'RefusedTargetError';

  /** `reason` names the host and the rule: "10.0.0.5 is a private address". */
  constructor(
    readonly reason: string,
    what = 'the request',
  ) {
    super(`${what} refused: ${reason} (allow it with TEND_FETCH_ALLOW)`);
  }

  /** The same refusal, naming the call it stopped ("the webhook (POST 10.0.0.5)"). */
  stopping(what: string): RefusedTargetError {
    return new RefusedTargetError(this.reason, what);
  }
}
