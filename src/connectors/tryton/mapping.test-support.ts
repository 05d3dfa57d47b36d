/**
 * Reading the native paths of the Tryton field mappings (resources/*-mapping.ts), for the tests.
 * The rule, which the engine's reader must follow exactly:
 *
 * - A path is split on `.`.
 * - A non-empty segment names a key; a segment ending in `[]` names an array key (without the
 *   `[]`), and the rest of the path is read on every element of that array.
 * - An empty segment appends `.` to the key named just before it. Tryton answers a dotted read
 *   (`party.name`) under the key `party.` (beside `party`, the id), so `party..name` is key
 *   `party.` then key `name`, `company..party..code` is `company.`, `party.`, `code`, and
 *   `invoice_address.` (a trailing empty segment) is the key `invoice_address.` itself. An empty
 *   segment first, or right after a `[]` segment, is an error.
 * - Line paths (EntityMapping.lines) are relative to one element of `linesPath`; `pathsOf`
 *   prefixes them with `<linesPath>[].`.
 */

export interface Step {
  key: string;
  /** The key holds an array; the rest of the path is read on each element. */
  each: boolean;
}

export function pathSteps(path: string): Step[] {
  const steps: Step[] = [];
  for (const segment of path.split('.')) {
    if (segment === '') {
      const previous = steps.at(-1);
      if (!previous || previous.each) throw new Error(`"${path}": an empty segment must follow a plain key`);
      previous.key += '.';
      continue;
    }
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    if (key === '' || /[[\]]/.test(key)) throw new Error(`"${path}": "${segment}" is not a key`);
    steps.push({ key, each });
  }
  return steps;
}

/**
 * Every value `path` reaches in `record`: one per record (or array element) where each key on
 * the way is present. A key present with null counts (the value is null); a null or missing
 * record on the way reaches nothing. An empty result: the path resolves nowhere in this record.
 */
export function readPath(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const { key, each } of pathSteps(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      if (!each) next.push(child);
      else if (Array.isArray(child)) next.push(...child);
    }
    current = next;
  }
  return current;
}
