import { UndeliverableError } from '../errors.js';

/** Why nothing more should be texted to a number: the provider says it is not one, or its owner replied STOP. */
export type NumberSuppression = 'invalid-number' | 'unsubscribed';

/**
 * The provider refused a message because of its number (not its text): sending again fails the
 * same way, and so would any other message to that number, so sendSmsOnce suppresses it too.
 */
export class UnreachableNumberError extends UndeliverableError {
  override name = 'UnreachableNumberError';

  constructor(
    message: string,
    readonly number: string,
    readonly suppression: NumberSuppression,
    readonly providerCode: number,
  ) {
    super(message);
  }
}
