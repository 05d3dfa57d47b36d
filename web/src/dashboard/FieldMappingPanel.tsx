/**
 * A connection's field mapping, one entity at a time: every unified field with the native field
 * it comes from (or the computed paths and their logic, or why there is none), where that came
 * from (the connector's default, an override, a custom field), and the value both sides have in
 * a real stored record. Changes — override a field's source, add or remove a custom field, reset
 * an override — are previewed on a real record before they can be saved; versions can be rolled back.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Connection, EntityFieldMapping, FieldMapping, MappingChange, MappingFieldRow, MappingPreview, MappingVersion } from '../shared/types.js';
import { HealthTable, type Column } from '../status/HealthTable.js';
import { enc, type AdminCall } from './api.js';
import { entityLabel, entityPath, readLinePath, readPath, show, when } from './format.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';

type Json = Record<string, unknown>;
type Mode = 'custom' | 'override' | 'reset' | 'remove';
type CustomType = 'string' | 'decimal' | 'date' | 'boolean';

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

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

function summary(mapping: Record<string, unknown>): string {
  const m = mapping as { fields?: Record<string, { source: string }>; customFields?: Record<string, { source: string }> };
  const parts = [
    ...Object.entries(m.fields ?? {}).map(([f, v]) => `${f} ← ${v.source}`),
    ...Object.entries(m.customFields ?? {}).map(([f, v]) => `customFields.${f} ← ${v.source}`),
  ];
  return parts.length ? parts.join('; ') : 'the defaults only';
}

export function FieldMappingPanel({ call, connection }: { call: AdminCall; connection: Connection }) {
  const [mapping, setMapping] = useState<FieldMapping | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  const [example, setExample] = useState<Json | null | undefined>();
  const [versions, setVersions] = useState<MappingVersion[]>([]);
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [notice, setNotice] = useState('');

  const [mode, setMode] = useState<Mode>('custom');
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [type, setType] = useState<CustomType>('string');
  const [field, setField] = useState('');
  const [recordId, setRecordId] = useState('');
  const [formProblem, setFormProblem] = useState<ProblemInfo | undefined>();
  const [preview, setPreview] = useState<{ key: string; fields: string[]; result: MappingPreview } | undefined>();
  const [busy, setBusy] = useState<'preview' | 'save' | 'rollback' | undefined>();

  const base = `/v1/connections/${enc(connection.id)}/field-mapping`;
  const view: EntityFieldMapping | undefined = mapping?.entities.find((e) => e.entity === entity);

  useEffect(() => {
    let live = true;
    call<{ data: FieldMapping }>(base)
      .then(({ data }) => {
        if (!live) return;
        setMapping(data);
        setEntity((e) => e ?? (data.entities.find((x) => x.entity === 'purchaseOrders') ?? data.entities[0])?.entity);
      })
      .catch((err) => live && setProblem(problemOf(err)));
    return () => {
      live = false;
    };
  }, [call, base]);

  const loadEntity = useCallback(
    async (key: string) => {
      const [records, vs] = await Promise.all([
        call<{ data: Json[] }>(`/v1/${entityPath(key)}?limit=1&include=remoteData`, { connectionId: connection.id }),
        call<{ data: MappingVersion[] }>(`${base}/versions?entity=${entityPath(key)}`),
      ]);
      setExample(records.data[0] ?? null);
      setVersions(vs.data);
      const first = records.data[0];
      if (first) setRecordId((r) => r || String(first.id));
    },
    [call, base, connection.id],
  );

  useEffect(() => {
    if (!entity) return;
    setExample(undefined);
    setRecordId('');
    setPreview(undefined);
    loadEntity(entity).catch((err) => setProblem(problemOf(err)));
  }, [entity, loadEntity]);

  const draft = useMemo((): { change: MappingChange; fields: string[]; words: string } | { error: string } => {
    const p = path.trim();
    switch (mode) {
      case 'custom': {
        const n = name.trim();
        if (!CUSTOM_NAME.test(n)) return { error: 'Give the custom field a name of letters, digits and _, starting with a letter.' };
        if (!p || /\s/.test(p)) return { error: 'Give the native path it reads, such as reference or lines[].note.' };
        return { change: { customFields: { [n]: { source: p, type } } }, fields: [`customFields.${n}`], words: `add customFields.${n} ← ${p} (${type})` };
      }
      case 'override':
        if (!field) return { error: 'Pick the unified field to override.' };
        if (!p || /\s/.test(p)) return { error: 'Give the native path it should read instead.' };
        return { change: { fields: { [field]: { source: p } } }, fields: [field], words: `${field} ← ${p}` };
      case 'reset':
        return { change: { fields: { [field]: null } }, fields: [field], words: `reset ${field} to the default` };
      case 'remove':
        return {
          change: { customFields: { [field.replace(/^customFields\./, '')]: null } },
          fields: [field],
          words: `remove ${field}`,
        };
    }
  }, [mode, name, path, type, field]);

  const draftKey = 'change' in draft ? JSON.stringify([draft.change, recordId.trim()]) : undefined;
  const previewed = preview && preview.key === draftKey ? preview : undefined;

  async function runPreview(event?: FormEvent) {
    event?.preventDefault();
    if (!entity || busy) return;
    setNotice('');
    if ('error' in draft) return setFormProblem({ message: draft.error });
    if (!recordId.trim()) return setFormProblem({ message: 'Give the id of a stored record to preview on (sync first if there is none).' });
    setBusy('preview');
    setFormProblem(undefined);
    try {
      const { data } = await call<{ data: MappingPreview }>(`${base}/${entityPath(entity)}/preview`, {
        method: 'POST',
        body: { recordId: recordId.trim(), change: draft.change },
      });
      setPreview({ key: draftKey!, fields: draft.fields, result: data });
    } catch (err) {
      setFormProblem(problemOf(err));
    } finally {
      setBusy(undefined);
    }
  }

  function replaceView(next: EntityFieldMapping) {
    setMapping((m) => m && { ...m, entities: m.entities.map((e) => (e.entity === next.entity ? next : e)) });
  }

  async function save() {
    if (!entity || !previewed || 'error' in draft || busy) return;
    setBusy('save');
    setFormProblem(undefined);
    try {
      const { data } = await call<{ data: EntityFieldMapping }>(`${base}/${entityPath(entity)}`, { method: 'PUT', body: draft.change });
      replaceView(data);
      setNotice(`Saved as version ${data.version}: ${draft.words}. Reads use it from now on.`);
      setPreview(undefined);
      setName('');
      setPath('');
      setMode('custom');
      await loadEntity(entity);
    } catch (err) {
      setFormProblem(problemOf(err));
    } finally {
      setBusy(undefined);
    }
  }

  async function rollback(version: number) {
    if (!entity || busy) return;
    setBusy('rollback');
    setProblem(undefined);
    try {
      const { data } = await call<{ data: EntityFieldMapping }>(`${base}/${entityPath(entity)}/rollback`, { method: 'POST', body: { version } });
      replaceView(data);
      setNotice(`Rolled back to ${version === 0 ? 'the defaults' : `version ${version}`}; saved as version ${data.version}.`);
      setPreview(undefined);
      await loadEntity(entity);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(undefined);
    }
  }

  function startRowChange(next: Mode, target: string) {
    setMode(next);
    setField(target);
    setPreview(undefined);
    setFormProblem(undefined);
    window.setTimeout(() => document.getElementById('mapping-edit-title')?.focus(), 0);
  }

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
          <button type="button" className="link-button" onClick={() => startRowChange('remove', r.field)}>
            Remove<span className="visually-hidden"> {r.field}</span>
          </button>
        ) : r.source === 'override' ? (
          <button type="button" className="link-button" onClick={() => startRowChange('reset', r.field)}>
            Reset to default<span className="visually-hidden"> {r.field}</span>
          </button>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPath(typeof r.native.path === 'string' ? r.native.path : '');
              startRowChange('override', r.field);
            }}
          >
            Override<span className="visually-hidden"> {r.field}</span>
          </button>
        ),
    },
  ];

  if (!mapping) {
    return (
      <section aria-labelledby="mapping-title">
        <h3 id="mapping-title">Field mapping</h3>
        <Problem problem={problem} />
        {!problem && <p className="progress"><span className="spinner" aria-hidden="true" /> Loading the field mapping…</p>}
      </section>
    );
  }

  const rows = view ? [...view.fields, ...view.lines, ...view.customFields] : [];
  const overridable = view ? [...view.fields, ...view.lines].map((r) => r.field) : [];

  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">Field mapping</h3>
      <div className="field inline-field">
        <label htmlFor="mapping-entity">Entity</label>
        <select id="mapping-entity" value={entity ?? ''} onChange={(e) => setEntity(e.target.value)}>
          {mapping.entities.map((e) => (
            <option key={e.entity} value={e.entity}>
              {entityLabel(e.entity)}
            </option>
          ))}
        </select>
      </div>
      <Problem problem={problem} />
      <p className="status-line" role="status">
        {notice}
      </p>
      {view && (
        <>
          <p id="mapping-note" className="note">
            Version {view.version}
            {view.version === 0 ? ' (the connector’s defaults)' : ''}.{' '}
            {example === undefined
              ? 'Loading an example record…'
              : example
                ? `Example values from the stored record ${String(example.id)} (remote id ${String(example.remoteId)}).`
                : 'No stored record yet: sync the connection to see example values.'}
          </p>
          <HealthTable labelledBy="mapping-title" describedBy="mapping-note" columns={columns} rows={rows} rowKey={(r) => r.field} className="mapping-table" />

          <section className="subpanel" aria-labelledby="mapping-edit-title">
            <h4 id="mapping-edit-title" tabIndex={-1}>
              Change the mapping
            </h4>
            <form onSubmit={runPreview} noValidate>
              {(mode === 'custom' || mode === 'override') && (
                <fieldset className="choice">
                  <legend>What to change</legend>
                  <label>
                    <input type="radio" name="mapping-mode" checked={mode === 'custom'} onChange={() => setMode('custom')} /> Add a custom field
                  </label>
                  <label>
                    <input type="radio" name="mapping-mode" checked={mode === 'override'} onChange={() => setMode('override')} /> Override a field’s native
                    source
                  </label>
                </fieldset>
              )}
              {mode === 'custom' && (
                <div className="form-grid">
                  <div className="field">
                    <label htmlFor="custom-name">Custom field name</label>
                    <p id="custom-name-hint" className="hint">
                      Appears as customFields.&lt;name&gt; on every record.
                    </p>
                    <input id="custom-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="custom-name-hint" autoComplete="off" spellCheck={false} />
                  </div>
                  <div className="field">
                    <label htmlFor="custom-type">Type</label>
                    <select id="custom-type" value={type} onChange={(e) => setType(e.target.value as CustomType)}>
                      <option value="string">string</option>
                      <option value="decimal">decimal</option>
                      <option value="date">date</option>
                      <option value="boolean">boolean</option>
                    </select>
                  </div>
                </div>
              )}
              {mode === 'override' && (
                <div className="field">
                  <label htmlFor="override-field">Unified field</label>
                  <select id="override-field" value={field} onChange={(e) => setField(e.target.value)}>
                    <option value="">Pick a field…</option>
                    {overridable.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {(mode === 'custom' || mode === 'override') && (
                <div className="field">
                  <label htmlFor="native-path">Native path</label>
                  <p id="native-path-hint" className="hint">
                    A field of the native record, such as <code>reference</code> or <code>lines[].note</code>. Suggestions: the native fields nothing maps
                    yet.
                  </p>
                  <input
                    id="native-path"
                    list="unmapped-paths"
                    value={path}
                    onChange={(e) => setPath(e.target.value)}
                    aria-describedby="native-path-hint"
                    autoComplete="off"
                    spellCheck={false}
                  />
                  <datalist id="unmapped-paths">
                    {view.unmapped.map((u) => (
                      <option key={u.path} value={u.path}>
                        {u.example === undefined ? '' : `e.g. ${show(u.example)}`}
                      </option>
                    ))}
                  </datalist>
                  {view.unmapped.length > 0 && (
                    <details className="unmapped">
                      <summary>Native fields nothing maps ({view.unmapped.length})</summary>
                      <ul>
                        {view.unmapped.map((u) => (
                          <li key={u.path}>
                            <button type="button" className="link-button" onClick={() => setPath(u.path)}>
                              <code>{u.path}</code>
                            </button>{' '}
                            <span className="muted">{u.example === undefined ? '' : `e.g. ${show(u.example)}`}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
              )}
              {(mode === 'reset' || mode === 'remove') && (
                <p>
                  {mode === 'reset' ? 'Reset ' : 'Remove '}
                  <code>{field}</code>
                  {mode === 'reset' ? ' to the connector’s default source.' : ' from every record of this connection.'}{' '}
                  <button type="button" className="link-button" onClick={() => setMode('custom')}>
                    Cancel
                  </button>
                </p>
              )}
              <div className="field">
                <label htmlFor="preview-record">Preview on record</label>
                <p id="preview-record-hint" className="hint">
                  The Manifold id of a stored record; the example record unless you give another.
                </p>
                <input id="preview-record" value={recordId} onChange={(e) => setRecordId(e.target.value)} aria-describedby="preview-record-hint" autoComplete="off" spellCheck={false} />
              </div>
              <Problem problem={formProblem} />
              <div className="actions">
                <button type="submit" className="secondary" aria-disabled={busy === 'preview' || undefined}>
                  {busy === 'preview' ? 'Previewing…' : 'Preview'}
                </button>
                <button type="button" onClick={save} aria-disabled={!previewed || busy === 'save' || undefined} aria-describedby="save-hint">
                  {busy === 'save' ? 'Saving…' : 'Save'}
                </button>
                <span id="save-hint" className="hint">
                  {previewed ? 'Saves a new version of the mapping.' : 'Preview the change on a record first.'}
                </span>
              </div>
            </form>
            {previewed && (
              <div className="preview" aria-labelledby="preview-title">
                <h5 id="preview-title">Preview on {recordId.trim()}</h5>
                <div className="table-scroll"><table className="data-table preview-table" aria-labelledby="preview-title">
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Now</th>
                      <th scope="col">With the change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {previewed.fields.map((f) => (
                      <tr key={f}>
                        <th scope="row">
                          <code>{f}</code>
                        </th>
                        <td className="preview-current">
                          <code>{show(readPath(previewed.result.current, f))}</code>
                        </td>
                        <td className="preview-value">
                          <code>{show(readPath(previewed.result.preview, f))}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table></div>
                <details>
                  <summary>The whole record with the change</summary>
                  <pre className="json">{JSON.stringify(previewed.result.preview, null, 2)}</pre>
                </details>
              </div>
            )}
          </section>

          <section className="subpanel" aria-labelledby="versions-title">
            <h4 id="versions-title">Versions</h4>
            {versions.length === 0 ? (
              <p className="none">No changes yet: this entity reads with the connector’s defaults.</p>
            ) : (
              <div className="table-scroll"><table className="data-table versions-table" aria-labelledby="versions-title">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Saved</th>
                    <th scope="col">Overrides and custom fields</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...versions].reverse().map((v) => (
                    <tr key={v.version}>
                      <th scope="row">
                        {v.version}
                        {v.version === view.version ? ' (current)' : ''}
                      </th>
                      <td>{when(v.createdAt)}</td>
                      <td className="wrap">{summary(v.mapping)}</td>
                      <td>
                        {v.version !== view.version && (
                          <button type="button" className="secondary small" onClick={() => void rollback(v.version)} aria-disabled={busy === 'rollback' || undefined}>
                            Roll back to version {v.version}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table></div>
            )}
            {view.version > 0 && (
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void rollback(0)} aria-disabled={busy === 'rollback' || undefined}>
                  Roll back to the defaults
                </button>
              </div>
            )}
          </section>
        </>
      )}
    </section>
  );
}
