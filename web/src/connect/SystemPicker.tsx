/**
 * Step 1: find the system. Typing filters the list; Enter in the search box picks the first
 * match; every system is a button, so Tab reaches each one and Enter or Space picks it.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useFocusOnMount } from '../shared/focus.js';
import type { System } from '../shared/types.js';
import { categoryLabels } from './categories.js';
import { searchSystems } from './search.js';

export function SystemPicker({ systems, onPick }: { systems: System[]; onPick: (system: System) => void }) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchSystems(systems, query), [systems, query]);
  const search = useFocusOnMount<HTMLInputElement>();

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (matches[0]) onPick(matches[0]);
    }
  }

  return (
    <section className="panel" aria-labelledby="pick-title">
      <h2 id="pick-title">Which system does your company use?</h2>
      <div className="field">
        <label htmlFor="system-search">Search systems</label>
        <p id="system-search-help" className="hint">
          Type the product or vendor name, or a kind of system such as “maintenance”. Enter picks the first match.
        </p>
        <input
          id="system-search"
          ref={search}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="system-search-help system-count"
          aria-controls="system-list"
        />
      </div>
      <p id="system-count" className="hint" role="status">
        {matches.length === 0
          ? `No system matches “${query.trim()}”. Check the spelling, or try the vendor's name.`
          : matches.length === systems.length
            ? `${systems.length} ${systems.length === 1 ? 'system' : 'systems'}`
            : `${matches.length} of ${systems.length} ${systems.length === 1 ? 'system matches' : 'systems match'}`}
      </p>
      <ul id="system-list" className="system-list" aria-label="Systems">
        {matches.map((system) => (
          <li key={system.id}>
            <button type="button" className="system-option" onClick={() => onPick(system)}>
              <span className="system-name">{system.name}</span>
              {system.vendor !== system.name && <span className="system-vendor">by {system.vendor}</span>}
              <span className="system-categories">{system.categories.map((c) => categoryLabels[c]).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
