/**
 * The form that changes one entity's field mapping, and the preview of the change on a real
 * stored record: nothing can be saved before it has been previewed.
 */
import type { FormEvent } from 'react';
import type { EntityFieldMapping, MappingPreview } from '../shared/types.js';
import { readPath, show } from './format.js';
import type { CustomType, MappingDraft } from './mappingDraft.js';
import { Problem, type ProblemInfo } from './Problem.js';

export interface Previewed {
  key: string;
  fields: string[];
  result: MappingPreview;
}

function PreviewTable({ recordId, previewed }: { recordId: string; previewed: Previewed }) {
  return (
    <div className="preview" aria-labelledby="preview-title">
      <h5 id="preview-title">Preview on {recordId}</h5>
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
  );
}

function NativePathField({ path, setPath, unmapped }: { path: string; setPath: (path: string) => void; unmapped: EntityFieldMapping['unmapped'] }) {
  return (
    <div className="field">
      <label htmlFor="native-path">Native path</label>
      <p id="native-path-hint" className="hint">
        A field of the native record, such as <code>reference</code> or <code>lines[].note</code>. Suggestions: the native fields nothing maps
        yet.
      </p>
      <input id="native-path" list="unmapped-paths" value={path} onChange={(e) => setPath(e.target.value)} aria-describedby="native-path-hint" autoComplete="off" spellCheck={false} />
      <datalist id="unmapped-paths">
        {unmapped.map((u) => (
          <option key={u.path} value={u.path}>
            {u.example === undefined ? '' : `e.g. ${show(u.example)}`}
          </option>
        ))}
      </datalist>
      {unmapped.length > 0 && (
        <details className="unmapped">
          <summary>Native fields nothing maps ({unmapped.length})</summary>
          <ul>
            {unmapped.map((u) => (
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
  );
}

export function MappingEditor({
  form,
  view,
  recordId,
  setRecordId,
  problem,
  busy,
  previewed,
  onPreview,
  onSave,
}: {
  form: MappingDraft;
  view: EntityFieldMapping;
  recordId: string;
  setRecordId: (id: string) => void;
  problem: ProblemInfo | undefined;
  busy: 'preview' | 'save' | 'rollback' | undefined;
  /** The preview of the change as it stands now, if there is one. */
  previewed: Previewed | undefined;
  onPreview: (event?: FormEvent) => void;
  onSave: () => void;
}) {
  const { mode, setMode, name, setName, path, setPath, type, setType, field, setField } = form;
  const overridable = [...view.fields, ...view.lines].map((r) => r.field);

  return (
    <section className="subpanel" aria-labelledby="mapping-edit-title">
      <h4 id="mapping-edit-title" tabIndex={-1}>
        Change the mapping
      </h4>
      <form onSubmit={onPreview} noValidate>
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
        {(mode === 'custom' || mode === 'override') && <NativePathField path={path} setPath={setPath} unmapped={view.unmapped} />}
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
        <Problem problem={problem} />
        <div className="actions">
          <button type="submit" className="secondary" aria-disabled={busy === 'preview' || undefined}>
            {busy === 'preview' ? 'Previewing…' : 'Preview'}
          </button>
          <button type="button" onClick={onSave} aria-disabled={!previewed || busy === 'save' || undefined} aria-describedby="save-hint">
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <span id="save-hint" className="hint">
            {previewed ? 'Saves a new version of the mapping.' : 'Preview the change on a record first.'}
          </span>
        </div>
      </form>
      {previewed && <PreviewTable recordId={recordId.trim()} previewed={previewed} />}
    </section>
  );
}
