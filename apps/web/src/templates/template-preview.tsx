import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { madeUpContact, SampleContactPicker, type SampleChoice } from '../editor/inspector/preview/sample-contact';
import { useDebounced } from '../editor/inspector/preview/use-debounced';
import { readableMessage } from '../session/api-errors';
import { trpc } from '../trpc';
import { problemPlace } from './problem-marks';
import { defaultEventProperties, parseEventProperties, sampleInput } from './preview-request';
import { TemplateSendTest } from './template-send-test';
import type { TemplateContent, TemplateKind, TemplatePreview as Preview } from './template-types';

type Width = 'desktop' | 'mobile';
type Part = 'html' | 'text';

/**
 * The draft as it would leave, rendered by the server with the renderer sends use (the live
 * layouts and partials around it), for a made-up or real contact; refreshed 400 ms after typing
 * stops, the last render staying up meanwhile. A layout or partial is shown in a small sample email.
 */
export function TemplatePreview({ id, kind, draft, blocked }: { id: string; kind: TemplateKind; draft: TemplateContent; blocked: string | null }) {
  const [sample, setSample] = useState<SampleChoice>(madeUpContact);
  const [eventText, setEventText] = useState(defaultEventProperties);
  // The last properties that parsed: half-typed JSON keeps the preview as it was.
  const [eventProperties, setEventProperties] = useState(() => parseEventProperties(defaultEventProperties));
  const [width, setWidth] = useState<Width>('desktop');
  const [part, setPart] = useState<Part>('html');
  const event = parseEventProperties(eventText);
  const whom = sampleInput(sample, eventProperties.ok ? eventProperties.properties : {});
  const settled = useDebounced(JSON.stringify({ id, kind, draft, ...whom }), 400);
  const { mutate, isPending } = useMutation(trpc.templates.preview.mutationOptions());
  const [shown, setShown] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (blocked) return;
    let current = true;
    mutate(JSON.parse(settled) as Parameters<typeof mutate>[0], {
      onSuccess: (result) => {
        if (!current) return;
        setShown(result);
        setFailure(null);
      },
      onError: (error) => {
        if (current) setFailure(readableMessage(error));
      },
    });
    return () => {
      current = false;
    };
  }, [settled, mutate, blocked]);

  return (
    <section className="template-preview panel" aria-label="Preview">
      <div className="template-preview__head">
        <h2>Preview</h2>
        {isPending && <span className="muted small">Updating…</span>}
        <div className="segmented" role="group" aria-label="Width">
          <button type="button" className="button button--small" aria-pressed={width === 'desktop'} onClick={() => setWidth('desktop')}>
            Desktop
          </button>
          <button type="button" className="button button--small" aria-pressed={width === 'mobile'} onClick={() => setWidth('mobile')}>
            Mobile
          </button>
        </div>
        <div className="segmented" role="group" aria-label="Part">
          <button type="button" className="button button--small" aria-pressed={part === 'html'} onClick={() => setPart('html')}>
            HTML
          </button>
          <button type="button" className="button button--small" aria-pressed={part === 'text'} onClick={() => setPart('text')}>
            Text
          </button>
        </div>
      </div>
      {blocked ? (
        <p className="muted">The preview renders on the server for editors. {blocked}</p>
      ) : (
        <>
          {failure && (
            <p className="error-text" role="alert">
              Could not render the preview: {failure}
            </p>
          )}
          {shown && !shown.ok && (
            <div role="alert">
              <p className="error-text">It cannot be rendered yet:</p>
              <ul className="inspector-errors" aria-label="Preview problems">
                {shown.problems.map((problem) => (
                  <li key={`${problemPlace(problem)}:${problem.message}`}>
                    {problemPlace(problem)}: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {shown?.ok && <Rendered result={shown} width={width} part={part} />}
        </>
      )}
      <details className="template-preview__sample">
        <summary>Preview as {sample.kind === 'contact' && sample.id ? sample.name : 'a made-up contact'}</summary>
        <SampleContactPicker value={sample} onChange={setSample} />
        <label className="field">
          <span className="field__label">Entry event properties (JSON, for {'{{ event.properties.* }}'})</span>
          <textarea className="input input--mono" rows={5} value={eventText} spellCheck={false} onChange={(changed) => {
              setEventText(changed.target.value);
              const parsed = parseEventProperties(changed.target.value);
              if (parsed.ok) setEventProperties(parsed);
            }} aria-invalid={!event.ok} />
          {!event.ok && <span className="error-text small">{event.message}</span>}
        </label>
      </details>
      {!blocked && <TemplateSendTest request={{ id, kind, draft, ...whom }} />}
    </section>
  );
}

function Rendered({ result, width, part }: { result: Extract<Preview, { ok: true }>; width: Width; part: Part }) {
  return (
    <div className="preview-email">
      <p className="preview-email__subject">
        <span className="muted">Subject:</span> {result.subject || <span className="muted">(none)</span>}
      </p>
      {result.preheader && (
        <p className="muted small template-preview__preheader">
          <span>Preheader:</span> {result.preheader}
        </p>
      )}
      {part === 'html' ? (
        // sandbox="": the template's HTML runs no script and reaches nothing of the console.
        <iframe className={`preview-email__body template-preview__frame template-preview__frame--${width}`} title="Email preview" sandbox="" srcDoc={result.html} />
      ) : (
        <pre className={`template-preview__text template-preview__frame--${width}`} aria-label="Text part as sent">
          {result.text}
        </pre>
      )}
    </div>
  );
}
