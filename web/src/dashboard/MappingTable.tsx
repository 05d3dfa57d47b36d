/**
 * The field mapping of one entity as a table: every unified field with the native field it comes
 * from (or the computed paths and their logic, or why there is none), where that came from (the
 * connector's default, an override, a custom field), the value both sides have in a real stored
 * record, and the change each row offers.
 */
import type { MappingFieldRow } from '../shared/types.js';
import { HealthTable, type Column } from '../status/HealthTable.js';
import { readLinePath, readPath, show } from './format.js';
import type { Mode } from './mappingDraft.js';

type Json = Record<string, unknown>;

/** How a computed field is worked out; long explanations fold, so the table stays scannable. */
function Logic({ text }: { text: string }) {
  if (text.length <= 160) return <span className="native-note">{text}</span>;
  return (
    <details className="native-note native-logic">
      <summary>{text.slice(0, 110).replace(/\s+\S*$/, '')}… (how)</summary>
      {text}
    </details>
  );
}

function NativeSource({ native }: { native: Record<string, unknown> }) {
  if (typeof native.path === 'string') {
    return (
      <>
        <code>{native.path}</code>
        {typeof native.write === 'string' && native.write !== native.path && (
          <span className="muted">
            {' '}
            (writes <code>{native.write}</code>)
          </span>
        )}
        {typeof native.note === 'string' && <span className="native-note">{native.note}</span>}
      </>
    );
  }
  if (Array.isArray(native.paths)) {
    return (
      <>
        <span className="muted">computed from </span>
        {native.paths.map((p, i) => (
          <span key={String(p)}>
            {i > 0 && ', '}
            <code>{String(p)}</code>
          </span>
        ))}
        {typeof native.logic === 'string' && <Logic text={native.logic} />}
      </>
    );
  }
  return (
    <>
      <span className="muted">none</span>
      {typeof native.none === 'string' && <span className="native-note">{native.none}</span>}
    </>
  );
}

/** The native value a row reads, from a stored record's remoteData. */
function nativeValue(row: MappingFieldRow, remoteData: unknown): unknown {
  const path = typeof row.native.path === 'string' ? row.native.path : undefined;
  if (!path) {
    if (Array.isArray(row.native.paths)) {
      const read = (p: string) => (row.field.startsWith('lines[].') ? readLinePath(remoteData, p) : readPath(remoteData, p));
      return Object.fromEntries(row.native.paths.map((p) => [String(p), read(String(p))]));
    }
    return undefined;
  }
  // Default line fields are relative to one native line; overrides and custom fields are whole paths.
  return row.field.startsWith('lines[].') && row.source === 'default' ? readLinePath(remoteData, path) : readPath(remoteData, path);
}

export function MappingTable({
  rows,
  example,
  onChange,
}: {
  rows: MappingFieldRow[];
  /** The stored record the example values come from; null when there is none, undefined while loading. */
  example: Json | null | undefined;
  /** A row's change was chosen; an override starts from the row's native path. */
  onChange: (mode: Mode, field: string, path?: string) => void;
}) {
  const remoteData = example?.remoteData;
  const columns: Column<MappingFieldRow>[] = [
    { key: 'field', header: 'Unified field', rowHeader: true, cell: (r) => <code>{r.field}</code> },
    { key: 'native', header: 'Native source', cell: (r) => <NativeSource native={r.native} /> },
    {
      key: 'source',
      header: 'Source',
      cell: (r) => (
        <span className={`source-badge source-${r.source}`}>
          {r.source}
          {r.type ? ` (${r.type})` : ''}
        </span>
      ),
    },
    {
      key: 'example',
      header: 'Example value',
      cell: (r) =>
        example ? (
          <span className="example">
            <span>
              <span className="example-label">unified</span> <code>{show(readPath(example, r.field))}</code>
            </span>
            <span>
              <span className="example-label">native</span> <code>{show(nativeValue(r, remoteData))}</code>
            </span>
          </span>
        ) : (
          <span className="muted">no record</span>
        ),
    },
    {
      key: 'edit',
      header: 'Change',
      cell: (r) =>
        r.source === 'custom' ? (
          <button type="button" className="link-button" onClick={() => onChange('remove', r.field)}>
            Remove<span className="visually-hidden"> {r.field}</span>
          </button>
        ) : r.source === 'override' ? (
          <button type="button" className="link-button" onClick={() => onChange('reset', r.field)}>
            Reset to default<span className="visually-hidden"> {r.field}</span>
          </button>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange('override', r.field, typeof r.native.path === 'string' ? r.native.path : '')}
          >
            Override<span className="visually-hidden"> {r.field}</span>
          </button>
        ),
    },
  ];

  return <HealthTable labelledBy="mapping-title" describedBy="mapping-note" columns={columns} rows={rows} rowKey={(r) => r.field} className="mapping-table" />;
}
