/** Filters the catalogue as the person types: every word must appear in the name, vendor or kind. */
import type { System } from '../shared/types.js';
import { categoryLabels, categoryWords } from './categories.js';

/** Lower case without accents, so a search matches however a name is capitalised or accented. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchSystems(systems: readonly System[], query: string): System[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = fold(query.trim());
  const matches = systems.filter((s) => {
    const haystack = fold([s.name, s.vendor, s.id, ...s.categories.map((c) => `${categoryLabels[c]} ${categoryWords[c]}`)].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  // Names that start with what was typed first, then alphabetical: Enter picks the likeliest.
  return matches.sort((a, b) => {
    const rank = (s: System) => (q && fold(s.name).startsWith(q) ? 0 : 1);
    return rank(a) - rank(b) || a.name.localeCompare(b.name);
  });
}
