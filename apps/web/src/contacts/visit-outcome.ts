/**
 * The words for a visit outcome as the engine records it on the trail. Actions record the
 * output they left by, "next" for all built-in ones; for a send step that means the step ran
 * (the Outbox tells a sent message from a skipped one).
 */
export function outcomeLabel(type: string | undefined, outcome: string): string {
  if (outcome.startsWith('branch:')) return outcome.slice('branch:'.length);
  if (outcome.startsWith('split:')) return outcome.slice('split:'.length);
  if (outcome === 'next') return type?.startsWith('send-') ? 'sent' : 'done';
  return outcome.replace(/-/g, ' ');
}
