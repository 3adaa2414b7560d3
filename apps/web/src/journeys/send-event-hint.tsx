import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';
import { CodeBlock } from '../ui/code-block';

/**
 * How to make a contact enter a journey from a terminal. The ingestion API is Segment's:
 * the write key is the HTTP Basic username with an empty password.
 */
export function SendEventHint() {
  const workspace = useQuery(trpc.system.workspace.queryOptions(undefined, { staleTime: Infinity }));
  if (!workspace.data) return null;
  const { writeKey } = workspace.data;
  const origin = window.location.origin;
  const identify = [
    `curl -u '${writeKey}:' -H 'Content-Type: application/json' \\`,
    `  -d '{"userId":"ada","traits":{"email":"ada@example.com","firstName":"Ada"}}' \\`,
    `  ${origin}/v1/identify`,
  ].join('\n');
  const track = [
    `curl -u '${writeKey}:' -H 'Content-Type: application/json' \\`,
    `  -d '{"userId":"ada","event":"Order Completed","properties":{"total":42}}' \\`,
    `  ${origin}/v1/track`,
  ].join('\n');
  return (
    <section className="panel">
      <h2>Send an event</h2>
      <p>
        Your workspace write key is <code className="write-key">{writeKey}</code>. Identify a new contact to start
        journeys that begin with <em>Contact identified</em>:
      </p>
      <CodeBlock>{identify}</CodeBlock>
      <p>Track an event to start journeys that begin with <em>Event happened</em>:</p>
      <CodeBlock>{track}</CodeBlock>
      <p className="muted">
        Any Segment-compatible client works too: point it at this host and give it the write key.
      </p>
    </section>
  );
}
