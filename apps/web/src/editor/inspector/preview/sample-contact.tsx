import { useState } from 'react';
import { useContactSearch } from '../inspector-api';
import { KeyValueRows } from '../inputs/key-value-rows';

/** Whom the preview renders for: a real contact of the workspace, or a made-up profile. */
export type SampleChoice = { kind: 'contact'; id: string; name: string } | { kind: 'made-up'; traits: Record<string, unknown> };

export const madeUpContact: SampleChoice = {
  kind: 'made-up',
  traits: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+14155550123' },
};

export function SampleContactPicker({ value, onChange }: { value: SampleChoice; onChange: (value: SampleChoice) => void }) {
  const [search, setSearch] = useState('');
  const found = useContactSearch(search);
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">Preview as</legend>
      <div className="segmented" role="group" aria-label="Preview as">
        <button type="button" className="button button--small" aria-pressed={value.kind === 'made-up'} onClick={() => onChange(madeUpContact)}>
          Made-up contact
        </button>
        <button type="button" className="button button--small" aria-pressed={value.kind === 'contact'} onClick={() => value.kind !== 'contact' && onChange({ kind: 'contact', id: '', name: '' })}>
          Real contact
        </button>
      </div>
      {value.kind === 'made-up' ? (
        <KeyValueRows
          label="Made-up traits"
          noun="trait"
          value={value.traits}
          typed
          onChange={(traits) => onChange({ kind: 'made-up', traits: traits ?? {} })}
        />
      ) : (
        <div className="section">
          {value.id && (
            <p className="small">
              Previewing for <strong>{value.name}</strong>
            </p>
          )}
          <input
            className="input"
            type="search"
            aria-label="Search contacts"
            placeholder="email, user id or contact id"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          {found.error && <p className="error-text">{found.error.message}</p>}
          <ul className="sample-contacts">
            {(found.data ?? []).map((contact) => {
              const name = contact.email ?? contact.userId ?? contact.id;
              return (
                <li key={contact.id}>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={value.id === contact.id}
                    onClick={() => onChange({ kind: 'contact', id: contact.id, name })}
                  >
                    Use {name}
                  </button>
                </li>
              );
            })}
          </ul>
          {found.data?.length === 0 && <p className="muted small">No contact matches.</p>}
        </div>
      )}
    </fieldset>
  );
}
