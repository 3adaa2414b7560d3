import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';
import { CodeBlock } from '../ui/code-block';
import { CopyButton } from '../ui/copy-button';
import { Loading, QueryError } from '../ui/query-status';
import { pushSnippets } from './push-snippets';

/**
 * How a shop lets its visitors subscribe to web push: the workspace's VAPID public key and the
 * two snippets to paste into the site. The keys are made once and kept: a new key would cut
 * off every browser that subscribed.
 */
export function PushSection() {
  const push = useQuery(trpc.system.push.queryOptions(undefined, { staleTime: Infinity }));
  const workspace = useQuery(trpc.system.workspace.queryOptions(undefined, { staleTime: Infinity }));
  const snippets = workspace.data ? pushSnippets(window.location.origin, workspace.data.writeKey) : null;

  return (
    <section className="panel section" aria-labelledby="push-title">
      <h2 id="push-title">Web push</h2>
      <p className="muted">Browsers subscribe with this workspace&apos;s public key (VAPID), and Tend signs every push with its private key.</p>
      {(push.isPending || workspace.isPending) && <Loading what="the web push settings" />}
      {push.isError && <QueryError what="the web push key" error={push.error} />}
      {push.data && (
        <div className="secret__row">
          <code className="secret__value write-key">{push.data.publicKey}</code>
          <CopyButton value={push.data.publicKey} />
        </div>
      )}
      {snippets && (
        <>
          <p>On the pages that offer notifications, a button that subscribes the visitor:</p>
          <CodeBlock>{snippets.page}</CodeBlock>
          <CopyButton value={snippets.page} label="Copy the page snippet" />
          <p>
            And this one line served at <code>/tend-sw.js</code> on the shop&apos;s own site (a service worker must come from the site&apos;s
            origin; a site that has one already adds the line to it and passes its path as <code>serviceWorker</code>):
          </p>
          <CodeBlock>{snippets.serviceWorker}</CodeBlock>
          <CopyButton value={snippets.serviceWorker} label="Copy tend-sw.js" />
        </>
      )}
    </section>
  );
}
