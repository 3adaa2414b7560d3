/**
 * The tRPC error code of a failed call ("UNAUTHORIZED", "FORBIDDEN", …), read from the shape of
 * a TRPCClientError (`error.data.code`); null for anything else, such as a network failure.
 */
export function apiErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const { data } = error;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  return typeof data.code === 'string' ? data.code : null;
}

/** Not signed in, or the session expired: the console shows its sign-in page. */
export function isUnauthorized(error: unknown): boolean {
  return apiErrorCode(error) === 'UNAUTHORIZED';
}

/** Answers that asking again cannot change: who the caller is, what they may do, what they sent. */
const final = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT', 'PARSE_ERROR']);

/** TanStack Query's `retry`: one more try after a failure that may pass, none after a refusal. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = apiErrorCode(error);
  return failureCount < 1 && (code === null || !final.has(code));
}

/**
 * An API error as a reader should see it. tRPC sends a failed input check as zod's issues in
 * JSON; each issue's message is already written for people ("id: 2 to 39 lower-case letters…").
 */
export function readableMessage(error: { message: string }): string {
  const { message } = error;
  if (!message.startsWith('[')) return message;
  try {
    const issues: unknown = JSON.parse(message);
    if (!Array.isArray(issues)) return message;
    const messages = issues.map((issue: unknown) => (typeof issue === 'object' && issue !== null && 'message' in issue && typeof issue.message === 'string' ? issue.message : null));
    return messages.every((text) => text !== null) && messages.length > 0 ? messages.join('; ') : message;
  } catch {
    return message;
  }
}
