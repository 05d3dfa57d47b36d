/**
 * Reading a native path out of a stored native record. Segments are separated by `.`; a segment
 * names a key, and where the record keeps an embedded record under the key with a trailing dot
 * (Tryton's `party.` beside `party`), that one is used to go deeper — written either
 * `party.rec_name` or, explicitly, `party..rec_name`. `lines[].x` reads x from each element.
 */

function step(value: unknown, key: string, last: boolean): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  const plain = obj[key];
  if (last) return plain !== undefined ? plain : obj[`${key}.`];
  // Going deeper: prefer an embedded record (object) under the key or under key + '.'.
  if (plain !== null && typeof plain === 'object') return plain;
  const dotted = obj[`${key}.`];
  return dotted !== undefined ? dotted : plain;
}

function segments(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('.')) {
    if (part === '' && out.length) out[out.length - 1] += '.';
    else out.push(part);
  }
  return out;
}

/** The value at `path`; for a path through `x[]`, the list of values, one per element. */
export function readPath(record: unknown, path: string): unknown {
  const array = /^([^[\]]+)\[\]\.(.+)$/.exec(path);
  if (array) {
    const list = readPath(record, array[1]!);
    return Array.isArray(list) ? list.map((item) => readPath(item, array[2]!)) : undefined;
  }
  const segs = segments(path);
  let value: unknown = record;
  segs.forEach((seg, i) => {
    // An explicit trailing dot (`party..rec_name`) names the dotted key itself.
    value = seg.endsWith('.') && value && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : step(value, seg, i === segs.length - 1);
  });
  return value;
}

/** Every leaf path of a record (arrays of records as `x[].leaf`), with one example value each. */
export function leafPaths(record: unknown, prefix = '', depth = 0, out = new Map<string, unknown>()): Map<string, unknown> {
  if (depth > 4 || record === null || typeof record !== 'object') return out;
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
      for (const item of value) leafPaths(item, `${path}[].`, depth + 1, out);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      leafPaths(value, `${path}.`, depth + 1, out);
    } else if (!out.has(path) || out.get(path) === null) {
      out.set(path, value);
    }
  }
  return out;
}
