/**
 * Converting a native value to what a unified field (or a typed custom field) holds: decimals as
 * strings, dates as YYYY-MM-DD, booleans from 0/1 and "true"/"false". A value that will not
 * convert is null, never a guess.
 */
import type { z } from 'zod';
import { parseODataDate } from '../../kit/transports/odata-v2-values.js';

export type ValueType = 'string' | 'decimal' | 'date' | 'boolean' | 'as-is';

export function convert(value: unknown, type: ValueType): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'as-is':
      return value;
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'decimal': {
      const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
      return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
    }
    case 'date': {
      // OData v2 (SAP) sends dates as /Date(ms)/: midnight UTC of the day.
      const ms = parseODataDate(value);
      if (ms !== undefined) return new Date(ms).toISOString().slice(0, 10);
      const text = String(value);
      const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
      return m ? m[1] : null;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === '1' || value === 'true') return true;
      if (value === 0 || value === '0' || value === 'false') return false;
      return null;
  }
}

/** The value type a unified field holds, from its schema (format metadata, or its base type). */
export function typeOf(schema: z.ZodType | undefined): ValueType {
  let s = schema as (z.ZodType & { unwrap?: () => z.ZodType }) | undefined;
  for (let i = 0; s && i < 4; i += 1) {
    const meta = (s as z.ZodType).meta?.() as { format?: string } | undefined;
    if (meta?.format === 'decimal') return 'decimal';
    if (meta?.format === 'date') return 'date';
    const def = (s as unknown as { def: { type: string } }).def;
    if (def.type === 'nullable' || def.type === 'optional') {
      s = s.unwrap!();
      continue;
    }
    if (def.type === 'string' || def.type === 'enum') return 'string';
    if (def.type === 'boolean') return 'boolean';
    return 'as-is';
  }
  return 'as-is';
}
