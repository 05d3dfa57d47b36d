/** Small helpers of the dashboard: entity paths, reading a value at a path, words for states. */
import type { Connection } from '../shared/types.js';

/** purchaseOrders → purchase-orders (the entity as it appears in URLs). */
export function entityPath(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** purchaseOrders → Purchase orders */
export function entityLabel(key: string): string {
  const words = key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The value at a path such as `party.name`, `lines[].product.code` (`[]`: the first element) or
 * `lines[2].quantity`. undefined when any step is missing.
 */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const raw of path.split('.').filter(Boolean)) {
    const m = /^([^[\]]*)(?:\[(\d*)\])?$/.exec(raw);
    if (!m) return undefined;
    const [, name, index] = m;
    if (name) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[name!];
    }
    if (index !== undefined) {
      if (!Array.isArray(current)) return undefined;
      current = current[index === '' ? 0 : Number(index)];
    }
  }
  return current;
}

/**
 * A line field's native path is relative to one element of the native lines array, which the
 * API does not name: use the first array of objects in the native record that has the path.
 */
export function readLinePath(remoteData: unknown, path: string): unknown {
  if (!remoteData || typeof remoteData !== 'object') return undefined;
  for (const value of Object.values(remoteData as Record<string, unknown>)) {
    if (Array.isArray(value) && value.length > 0 && value[0] && typeof value[0] === 'object') {
      const found = readPath(value[0], path);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A value in one line of text. */
export function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export const STATUS_WORDS: Record<Connection['status'], string> = {
  active: 'Active',
  syncing: 'Syncing',
  needs_attention: 'Needs attention',
  disabled: 'Disabled',
};

/** A record's name for a list: its number, name or title when it has one. */
export function recordLabel(record: Record<string, unknown>): string {
  for (const key of ['number', 'name', 'title', 'code', 'description']) {
    const v = record[key];
    if (typeof v === 'string' && v) return v;
  }
  return String(record.remoteId ?? record.id ?? '');
}
