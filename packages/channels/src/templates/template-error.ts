/** Why the library refused a change: callers map the reason to their own error (tRPC codes, CLI exit). */
export type TemplateErrorReason = 'not-found' | 'exists' | 'invalid' | 'conflict' | 'in-use';

export class TemplateError extends Error {
  constructor(
    readonly reason: TemplateErrorReason,
    message: string,
    /** For `invalid`: the input field at fault ("id", "draft.body"). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
