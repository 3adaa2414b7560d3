import { smsSegments } from '@tend/journey/editor';
import { useEffect, useMemo, useState } from 'react';
import { usePreviewMutation } from '../inspector-api';
import { madeUpContact, SampleContactPicker, type SampleChoice } from './sample-contact';
import { SendTest } from './send-test';
import { useDebounced } from './use-debounced';

/** Node types the server can preview and test-send (their specs name a channel). */
export const messageTypes = new Set(['send-email', 'send-sms', 'send-push']);

type PreviewResult = { ok: true; subject: string | null; html: string | null; text: string | null } | { ok: false; problems: { field?: string; message: string }[] };

/**
 * The message as it would leave, rendered by the server with the worker's renderer, refreshed
 * while the marketer types (debounced); the last render stays up while the next one loads.
 */
export function MessagePreview({
  journeyId,
  nodeId,
  type,
  version,
  config,
  entryEvent,
}: {
  journeyId: string;
  nodeId: string;
  type: string;
  version: number;
  config: Record<string, unknown>;
  entryEvent: string | undefined;
}) {
  const [sample, setSample] = useState<SampleChoice>(madeUpContact);
  const request = useMemo(() => {
    const event = entryEvent ? { event: { name: entryEvent, properties: {} } } : {};
    return sample.kind === 'contact' && sample.id
      ? { type, version, config, contactId: sample.id, sample: event }
      : { type, version, config, contactId: null, sample: { traits: sample.kind === 'made-up' ? sample.traits : {}, ...event } };
  }, [type, version, config, sample, entryEvent]);
  const settled = useDebounced(JSON.stringify(request), 400);
  const { mutate, isPending } = usePreviewMutation();
  const [shown, setShown] = useState<PreviewResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    mutate(JSON.parse(settled) as typeof request, {
      onSuccess: (result) => {
        if (!current) return;
        setShown(result);
        setFailure(null);
      },
      onError: (error) => {
        if (current) setFailure(error.message);
      },
    });
    return () => {
      current = false;
    };
  }, [settled, mutate]);

  return (
    <section className="inspector-section message-preview" aria-label="Preview">
      <div className="inspector-section__head">
        <h3>Preview</h3>
        {isPending && <span className="muted small">Updating…</span>}
      </div>
      <SampleContactPicker value={sample} onChange={setSample} />
      {failure && (
        <p className="error-text" role="alert">
          Could not render the preview: {failure}
        </p>
      )}
      {shown && !shown.ok && (
        <ul className="inspector-errors" aria-label="Preview problems">
          {shown.problems.map((problem) => (
            <li key={`${problem.field ?? ''}:${problem.message}`}>{problem.field ? `${problem.field}: ${problem.message}` : problem.message}</li>
          ))}
        </ul>
      )}
      {shown?.ok && <Rendered type={type} result={shown} />}
      <SendTest request={request} journeyId={journeyId} nodeId={nodeId} />
    </section>
  );
}

function Rendered({ type, result }: { type: string; result: Extract<PreviewResult, { ok: true }> }) {
  if (type === 'send-sms') {
    const text = result.text ?? '';
    const { characters, encoding, segments } = smsSegments(text);
    return (
      <div className="preview-sms">
        <p className="preview-sms__bubble">{text}</p>
        <p className="muted small">
          {characters} characters, {encoding}: {segments} {segments === 1 ? 'part' : 'parts'}
        </p>
      </div>
    );
  }
  if (type === 'send-push') {
    return (
      <div className="preview-push">
        <strong>{result.subject}</strong>
        <p>{result.text}</p>
      </div>
    );
  }
  return (
    <div className="preview-email">
      <p className="preview-email__subject">
        <span className="muted">Subject:</span> {result.subject}
      </p>
      {/* sandbox="": the template's HTML runs no script and reaches nothing of the console. */}
      <iframe className="preview-email__body" title="Email preview" sandbox="" srcDoc={result.html ?? ''} />
    </div>
  );
}
