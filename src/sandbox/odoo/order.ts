/**
 * `order` of search and search_read: "field [asc|desc], …" (odoo/models.py _order_to_sql). A
 * field the model lacks is a ValueError. Empty values sort as PostgreSQL does: last ascending,
 * first descending. Many2ones sort by the target's id, and the id always breaks ties.
 */
import { valueError } from './errors.js';
import type { Env, Row } from './fields.js';

export function parseOrder(env: Env, model: string, order: string | null | undefined): [string, 1 | -1][] {
  const spec = env.db.spec(model);
  const terms: [string, 1 | -1][] = [];
  for (const part of (order ?? 'id').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^"?(\w+)"?(?:\s+(asc|desc))?(?:\s+nulls\s+(?:first|last))?$/i.exec(part);
    if (!m || !spec.fields[m[1]!]) {
      throw valueError(`Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`);
    }
    terms.push([m[1]!, m[2]?.toLowerCase() === 'desc' ? -1 : 1]);
  }
  if (!terms.some(([f]) => f === 'id')) terms.push(['id', 1]);
  return terms;
}

const blank = (v: unknown) => v === null || v === undefined || v === false || v === '';

export function sortRows(env: Env, model: string, rows: Row[], order: string | null | undefined): Row[] {
  const terms = parseOrder(env, model, order);
  const keyed = rows.map((row) => ({ row, keys: terms.map(([f]) => env.db.value(env, model, row, f)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < terms.length; i += 1) {
      const dir = terms[i]![1];
      const a = x.keys[i];
      const b = y.keys[i];
      if (blank(a) && blank(b)) continue;
      if (blank(a)) return dir === 1 ? 1 : -1;
      if (blank(b)) return dir === 1 ? -1 : 1;
      const av = typeof a === 'boolean' ? Number(a) : a;
      const bv = typeof b === 'boolean' ? Number(b) : b;
      if (av! < bv!) return -dir;
      if (av! > bv!) return dir;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}
