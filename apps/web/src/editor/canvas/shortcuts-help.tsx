import { shortcutList } from './shortcuts';

/** The keyboard shortcuts, opened by the "Keyboard shortcuts" button or the "?" key. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div
      className="shortcuts-help nodrag nopan"
      role="dialog"
      aria-label="Keyboard shortcuts"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="shortcuts-help__head">
        <strong>Keyboard shortcuts</strong>
        <button type="button" className="button button--small" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <dl className="shortcuts-help__list">
        {shortcutList.map(({ keys, does }) => (
          <div key={keys} className="shortcuts-help__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
