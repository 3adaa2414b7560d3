import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/**
 * A credential the server shows once (an invitation link, an API token's secret): the value,
 * a copy button, what to do with it, and a button to put it away for good.
 */
export function OneTimeSecret({ title, value, onDismiss, children }: { title: string; value: string; onDismiss: () => void; children?: ReactNode }) {
  return (
    <div className="secret" role="status">
      <div className="secret__head">
        <strong>{title}</strong>
        <span className="muted small">Shown once: copy it now.</span>
      </div>
      <div className="secret__row">
        <code className="secret__value">{value}</code>
        <CopyButton value={value} />
      </div>
      {children}
      <div>
        <button type="button" className="button button--small" onClick={onDismiss}>
          Done, hide it
        </button>
      </div>
    </div>
  );
}
