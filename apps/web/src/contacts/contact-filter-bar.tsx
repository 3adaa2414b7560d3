import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TraitNamePicker } from '../editor/inspector/inputs/pickers';
import { traitFilterOps, type ContactFilters, type TraitFilterOp } from '../routing/route';
import { trpc } from '../trpc';
import { traitOpLabels } from './contact-filters';

const pickerStale = 60_000;

/**
 * The list's search and filters. They live in the URL (`onChange` navigates), so a filtered list
 * is a link: "View contacts" from a segment and "Contacts" from an RFM group open one. The segment
 * and group apply when chosen; the search and the trait when submitted.
 */
export function ContactFilterBar({ filters, onChange }: { filters: ContactFilters; onChange: (filters: ContactFilters) => void }) {
  const segments = useQuery(trpc.segments.list.queryOptions(undefined, { staleTime: pickerStale })).data ?? [];
  const groups = useQuery(trpc.rfm.summary.queryOptions(undefined, { staleTime: pickerStale, select: (overview) => overview.groups.map((group) => group.name as string) })).data ?? [];
  const [search, setSearch] = useState(filters.search ?? '');
  const [traitName, setTraitName] = useState(filters.trait?.name ?? '');
  const [traitOp, setTraitOp] = useState<TraitFilterOp>(filters.trait?.op ?? 'eq');
  const [traitValue, setTraitValue] = useState(filters.trait?.value ?? '');
  const takesValue = traitOp !== 'exists' && traitOp !== 'not_exists';
  const set = (patch: Partial<ContactFilters>) => onChange(withoutEmpty({ ...filters, ...patch }));

  return (
    <form
      className="contact-filters"
      role="search"
      aria-label="Search and filter contacts"
      onSubmit={(event) => {
        event.preventDefault();
        set({ search: search.trim(), trait: traitName.trim() ? { name: traitName.trim(), op: traitOp, value: takesValue ? traitValue : '' } : undefined });
      }}
    >
      <div className="contact-filters__row">
        <input
          className="input contact-filters__search"
          type="search"
          aria-label="Search by name, email or id"
          placeholder="Search by name, email, user id or contact id"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <select className="select" aria-label="Segment" value={filters.segment ?? ''} onChange={(event) => set({ segment: event.target.value })}>
          <option value="">Any segment</option>
          {/* A segment in the URL that the list does not have (yet) still shows as chosen. */}
          {filters.segment && !segments.some((segment) => segment.id === filters.segment) && <option value={filters.segment}>{filters.segment}</option>}
          {segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </select>
        <select className="select" aria-label="RFM group" value={filters.rfmGroup ?? ''} onChange={(event) => set({ rfmGroup: event.target.value })}>
          <option value="">Any RFM group</option>
          {filters.rfmGroup && !groups.includes(filters.rfmGroup) && <option value={filters.rfmGroup}>{filters.rfmGroup}</option>}
          {groups.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      </div>
      <div className="contact-filters__row">
        <span className="muted small">Trait</span>
        <TraitNamePicker label="Trait name" value={traitName} onChange={setTraitName} />
        <select className="select" aria-label="Trait comparison" value={traitOp} onChange={(event) => setTraitOp(event.target.value as TraitFilterOp)}>
          {traitFilterOps.map((op) => (
            <option key={op} value={op}>
              {traitOpLabels[op]}
            </option>
          ))}
        </select>
        {takesValue && <input className="input" aria-label="Trait value" placeholder="value" value={traitValue} onChange={(event) => setTraitValue(event.target.value)} />}
        <button type="submit" className="button button--primary">
          Search
        </button>
        {Object.keys(filters).length > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSearch('');
              setTraitName('');
              setTraitValue('');
              onChange({});
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

function withoutEmpty(filters: ContactFilters): ContactFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as ContactFilters;
}
