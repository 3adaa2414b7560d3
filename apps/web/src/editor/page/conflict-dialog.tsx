import { useState } from 'react';
import { Dialog } from '../../ui/dialog';

/**
 * Someone saved the draft after it was opened here. Nothing is lost until the marketer
 * chooses: take their version, or keep this one over it.
 */
export function ConflictDialog({
  message,
  onReload,
  onOverwrite,
}: {
  message: string | null;
  onReload: () => Promise<void>;
  onOverwrite: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    action()
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog open={message !== null} title="Someone else changed this draft" onClose={() => undefined}>
      <div className="dialog__body">
        <p>{message}</p>
        <p className="muted">Your changes are still here and not saved.</p>
        {error && <p className="error-text">{error}</p>}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" disabled={busy} onClick={() => run(onReload)}>
          Reload their version
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => run(onOverwrite)}>
          Overwrite with mine
        </button>
      </div>
    </Dialog>
  );
}
