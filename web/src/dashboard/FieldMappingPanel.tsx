/**
 * A connection's field mapping, one entity at a time: every unified field with the native field
 * it comes from (or the computed paths and their logic, or why there is none), where that came
 * from (the connector's default, an override, a custom field), and the value both sides have in
 * a real stored record. Changes — override a field's source, add or remove a custom field, reset
 * an override — are previewed on a real record before they can be saved; versions can be rolled back.
 *
 * This panel loads and saves; the table (MappingTable), the change form with its preview
 * (MappingEditor) and the versions (MappingVersions) only show and ask.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Connection, EntityFieldMapping, FieldMapping, MappingPreview, MappingVersion } from '../shared/types.js';
import { enc, type AdminCall } from './api.js';
import { entityLabel, entityPath } from './format.js';
import { MappingEditor, type Previewed } from './MappingEditor.js';
import { useMappingDraft, type Mode } from './mappingDraft.js';
import { MappingTable } from './MappingTable.js';
import { MappingVersions } from './MappingVersions.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';

type Json = Record<string, unknown>;

export function FieldMappingPanel({ call, connection }: { call: AdminCall; connection: Connection }) {
  const [mapping, setMapping] = useState<FieldMapping | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  const [example, setExample] = useState<Json | null | undefined>();
  const [versions, setVersions] = useState<MappingVersion[]>([]);
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [notice, setNotice] = useState('');

  const form = useMappingDraft();
  const { draft } = form;
  const [recordId, setRecordId] = useState('');
  const [formProblem, setFormProblem] = useState<ProblemInfo | undefined>();
  const [preview, setPreview] = useState<Previewed | undefined>();
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
      form.setName('');
      form.setPath('');
      form.setMode('custom');
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

  function startRowChange(next: Mode, target: string, path?: string) {
    if (path !== undefined) form.setPath(path);
    form.setMode(next);
    form.setField(target);
    setPreview(undefined);
    setFormProblem(undefined);
    window.setTimeout(() => document.getElementById('mapping-edit-title')?.focus(), 0);
  }

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
          <MappingTable rows={rows} example={example} onChange={startRowChange} />
          <MappingEditor
            form={form}
            view={view}
            recordId={recordId}
            setRecordId={setRecordId}
            problem={formProblem}
            busy={busy}
            previewed={previewed}
            onPreview={(event) => void runPreview(event)}
            onSave={() => void save()}
          />
          <MappingVersions versions={versions} current={view.version} rollingBack={busy === 'rollback'} onRollback={(v) => void rollback(v)} />
        </>
      )}
    </section>
  );
}
