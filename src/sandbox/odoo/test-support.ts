/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk Odoo's arbitrary JSON answers (as test/** may) */
/** Helpers for the simulator's own tests: a raw JSON-RPC call and the shape of a wire value. */

export async function rpc(url: string, params: unknown, id: unknown = 1, path = '/jsonrpc'): Promise<Record<string, any>> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id }) });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Record<string, any>;
}

/** The kind of a value on Odoo's wire: a many2one pair, a list of ids, a datetime, a date… */
export function shape(v: unknown): string {
  if (v === false) return 'false';
  if (Array.isArray(v)) {
    if (v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === 'string') return 'many2one';
    if (v.every((x) => Number.isInteger(x))) return 'ids';
    return 'list';
  }
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) return 'datetime';
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'date';
    return 'string';
  }
  return typeof v;
}
