import { useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { errorsAt, flattenErrors } from '../field-path';
import { isObject, type JsonObject } from '../inspector-types';
import { RowErrors } from './row-errors';

interface Entry {
  key: string;
  text: string;
}

/**
 * A value as typed: kept as text (a Liquid template), or with `typed`, JSON when it reads as JSON
 * (42, true, ["a"]) and text otherwise. "02139" is not JSON, so a zip code stays text.
 */
function valueOf(text: string, typed: boolean): unknown {
  if (!typed) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function entriesOf(value: unknown): Entry[] {
  return isObject(value) ? Object.entries(value).map(([key, item]) => ({ key, text: textOf(item) })) : [];
}

function objectOf(entries: readonly Entry[], typed: boolean): JsonObject {
  // A row still without a name is kept on screen, not saved.
  return Object.fromEntries(entries.filter((entry) => entry.key.trim() !== '').map((entry) => [entry.key.trim(), valueOf(entry.text, typed)]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Name → value rows (webhook headers, traits to set). */
export function KeyValueRows({
  label,
  noun,
  value,
  typed,
  onChange,
  errors,
  disabled,
}: {
  label: string;
  /** What one row is called: "header" → "Add header", "Header 2 name". */
  noun: string;
  value: unknown;
  typed: boolean;
  onChange: (value: JsonObject | undefined) => void;
  errors?: ErrorSchema;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState(() => entriesOf(value));
  // What is on screen follows the saved value unless it is what was typed (see ValueInput).
  const rows = same(objectOf(draft, typed), value) ? draft : entriesOf(value);
  const write = (next: Entry[]) => {
    setDraft(next);
    const object = objectOf(next, typed);
    onChange(Object.keys(object).length > 0 || value !== undefined ? object : undefined);
  };
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">{label}</legend>
      {rows.map((row, index) => {
        const name = `${Noun} ${index + 1}`;
        return (
          <div key={index} className="inspector-row">
            <div className="inspector-inline">
              <input
                className="input"
                aria-label={`${name} name`}
                placeholder="name"
                value={row.key}
                disabled={disabled}
                onChange={(event) => write(rows.map((entry, at) => (at === index ? { ...entry, key: event.target.value } : entry)))}
              />
              <input
                className="input"
                aria-label={`${name} value`}
                placeholder="value"
                value={row.text}
                disabled={disabled}
                onChange={(event) => write(rows.map((entry, at) => (at === index ? { ...entry, text: event.target.value } : entry)))}
              />
              <button type="button" className="button button--small" disabled={disabled} onClick={() => write(rows.filter((_, at) => at !== index))}>
                Remove {noun} {index + 1}
              </button>
            </div>
            <RowErrors messages={flattenErrors(errorsAt(errors, [row.key]))} />
          </div>
        );
      })}
      <div>
        <button type="button" className="button button--small" disabled={disabled} onClick={() => write([...rows, { key: '', text: '' }])}>
          Add {noun}
        </button>
      </div>
      <RowErrors messages={errors?.__errors ?? []} />
    </fieldset>
  );
}
