import { useState } from 'react';
import { hrefFor } from '../routing/route';

/** The search box: submitting opens the contact's page, so a lookup is a link that can be shared. */
export function ContactSearch({ initial }: { initial: string }) {
  const [query, setQuery] = useState(initial);
  return (
    <form
      className="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const id = query.trim();
        if (id) window.location.hash = hrefFor({ page: 'contact', id, journeyId: null });
      }}
    >
      <label className="search__label" htmlFor="contact-search">
        User id or contact id
      </label>
      <div className="search__row">
        <input
          id="contact-search"
          className="input"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="e.g. ada"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button button--primary" disabled={query.trim() === ''}>
          Find contact
        </button>
      </div>
    </form>
  );
}
