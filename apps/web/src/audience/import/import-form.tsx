import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc } from '../../trpc';
import type { ImportRun } from '../audience-types';
import { guessRoles, mappingOf, type ColumnRoles } from './contact-mapping';
import { ImportSummary } from './import-summary';
import { formatBytes } from './import-progress';
import { MappingStep, useContactsPreview } from './mapping-step';
import { UploadProgress } from './upload-progress';
import type { ImportKind } from './upload';
import { useNow, useUpload } from './use-upload';

const kinds: { value: ImportKind; label: string; hint: string }[] = [
  { value: 'contacts', label: 'Contacts CSV', hint: 'One row per contact with a header line: you say which column is the user id, the email and each trait.' },
  {
    value: 'online-retail',
    label: 'Online Retail transaction log',
    hint: 'The UCI Online Retail CSV (plain or .gz): one Order Completed per invoice at its own time, cancellations as Order Refunded.',
  },
];

/** An Online Retail file is usually named so; anything else is taken for contacts until told otherwise. */
function guessKind(file: File): ImportKind {
  return /retail/i.test(file.name) ? 'online-retail' : 'contacts';
}

/**
 * Choose a file and its kind, map a contacts file's columns, then import it with a progress bar
 * and read what it did. `onRunning` tells the page to follow the imports list while it runs.
 */
export function ImportForm({ imports, onRunning }: { imports: ImportRun[] | undefined; onRunning: (running: boolean) => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('contacts');
  const [triggerJourneys, setTriggerJourneys] = useState(false);
  const [chosenRoles, setChosenRoles] = useState<ColumnRoles | null>(null);
  const upload = useUpload(() => {
    onRunning(false);
    void queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  });
  const running = upload.state.status === 'running';
  const now = useNow(running);
  const preview = useContactsPreview(kind === 'contacts' ? file : null);
  const roles = chosenRoles ?? (preview.data ? guessRoles(preview.data.columns) : null);
  const mapped = kind === 'contacts' && roles ? mappingOf(roles) : null;
  const mapping = mapped && 'mapping' in mapped ? mapped.mapping : null;
  const ready = file !== null && !running && (kind === 'online-retail' || mapping !== null);
  // A running Online Retail import's record has the rows read so far, before the answer arrives.
  const record = running && file ? imports?.find((run) => run.status === 'running' && run.source === file.name) : undefined;
  const recordedRows = typeof record?.totals.lines === 'number' ? record.totals.lines : null;

  const importNow = () => {
    if (!file || !ready) return;
    onRunning(true);
    upload.start({ kind, file, mapping: mapping ?? undefined, triggerJourneys: kind === 'online-retail' && triggerJourneys });
  };

  return (
    <div className="import-form">
      <section className="panel form" aria-label="File">
        <label className="field">
          <span className="field__label">File</span>
          <input
            type="file"
            accept=".csv,.gz,.txt,text/csv"
            disabled={running}
            // The same file chosen again (after fixing a row) is a new choice.
            onClick={(event) => {
              event.currentTarget.value = '';
            }}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setChosenRoles(null);
              upload.reset();
              if (chosen) setKind(guessKind(chosen));
            }}
          />
          {file && <span className="field__hint">{`${file.name}, ${formatBytes(file.size)}`}</span>}
        </label>
        <fieldset className="import-kinds" disabled={running}>
          <legend className="field__label">What it is</legend>
          {kinds.map((option) => (
            <label key={option.value} className="choice-card">
              <input type="radio" name="import-kind" value={option.value} checked={kind === option.value} onChange={() => setKind(option.value)} />
              <span className="choice-card__body">
                <strong>{option.label}</strong>
                <span className="muted small">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {kind === 'online-retail' && (
          <label className="import-option">
            <input type="checkbox" checked={triggerJourneys} disabled={running} onChange={(event) => setTriggerJourneys(event.target.checked)} />
            <span>
              Offer imported events to journeys
              <span className="muted small"> — off: history enters no journey; on: journeys triggered by an order start for these customers as if it had just happened.</span>
            </span>
          </label>
        )}
      </section>
      {/* Once imported, the summary takes the mapping's place: choosing a file starts over. */}
      {kind === 'contacts' && file && upload.state.status !== 'done' && (
        <>
          {preview.isPending && <p className="muted">Reading the first rows…</p>}
          {preview.error && <p className="error-text">Could not read the file: {preview.error.message}</p>}
          {roles && <MappingStep file={file} roles={roles} mapping={mapping} problem={mapped && 'problem' in mapped ? mapped.problem : null} onRoles={setChosenRoles} />}
        </>
      )}
      <div className="import-actions">
        <button type="button" className="button button--primary" disabled={!ready || upload.state.status === 'done'} onClick={importNow}>
          {running ? 'Importing…' : 'Import'}
        </button>
        {!file && <span className="muted small">Choose a file first.</span>}
        {upload.state.status === 'done' && <span className="muted small">Done. Choose another file to import more.</span>}
      </div>
      {upload.state.status === 'running' && file && <UploadProgress state={upload.state} totalBytes={file.size} recordedRows={recordedRows} now={now} onStop={upload.stop} />}
      {upload.state.status === 'failed' && (
        <p className="query-error" role="alert">
          <strong>The import stopped.</strong> {upload.state.message}
        </p>
      )}
      {upload.state.status === 'done' && <ImportSummary summary={upload.state.summary} />}
    </div>
  );
}
