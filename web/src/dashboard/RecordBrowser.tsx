/**
 * A connection's records: pick an entity, page through (cursor), open one to see its unified
 * JSON beside the native record it was read from (remoteData). Reads go through the data routes
 * with the admin key and X-Connection-Id, so the connection's mapping applies.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Connection, System } from '../shared/types.js';
import { HealthTable, type Column } from '../status/HealthTable.js';
import { enc, type AdminCall } from './api.js';
import { entityLabel, entityPath, recordLabel, when } from './format.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';

type Json = Record<string, unknown>;
const PAGE = 20;

export function RecordBrowser({ call, connection }: { call: AdminCall; connection: Connection }) {
  const [entities, setEntities] = useState<string[] | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  /** Cursors of the pages before the current one, and the current one's. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ data: Json[]; nextCursor: string | null } | undefined>();
  const [openId, setOpenId] = useState('');
  const [record, setRecord] = useState<Json | undefined>();
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [recordProblem, setRecordProblem] = useState<ProblemInfo | undefined>();
  const recordHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    call<{ data: System }>(`/v1/systems/${enc(connection.system)}`)
      .then(({ data }) => {
        const keys = Object.entries(data.entities)
          .filter(([, ops]) => ops.list)
          .map(([k]) => k);
        setEntities(keys);
        setEntity(keys.includes('purchaseOrders') ? 'purchaseOrders' : keys[0]);
      })
      .catch((err) => setProblem(problemOf(err)));
  }, [call, connection.system]);

  const cursor = cursors.at(-1);
  useEffect(() => {
    if (!entity) return;
    let live = true;
    setPage(undefined);
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) q.set('cursor', cursor);
    call<{ data: Json[]; nextCursor: string | null }>(`/v1/${entityPath(entity)}?${q}`, { connectionId: connection.id })
      .then((p) => live && setPage(p))
      .catch((err) => live && setProblem(problemOf(err)));
    return () => {
      live = false;
    };
  }, [call, connection.id, entity, cursor]);

  async function open(id: string) {
    if (!entity || !id) return;
    setRecordProblem(undefined);
    try {
      const { data } = await call<{ data: Json }>(`/v1/${entityPath(entity)}/${enc(id)}?include=remoteData`, { connectionId: connection.id });
      setRecord(data);
      setOpenId(id);
      window.setTimeout(() => recordHeading.current?.focus(), 0);
    } catch (err) {
      setRecord(undefined);
      setRecordProblem(problemOf(err));
    }
  }

  function openById(event: FormEvent) {
    event.preventDefault();
    void open(openId.trim());
  }

  const columns: Column<Json>[] = [
    { key: 'label', header: 'Record', rowHeader: true, cell: (r) => recordLabel(r) },
    { key: 'remoteId', header: 'Remote id', cell: (r) => <code>{String(r.remoteId)}</code> },
    { key: 'status', header: 'Status', cell: (r) => (typeof r.status === 'string' ? r.status : <span className="muted">—</span>) },
    { key: 'updated', header: 'Updated', cell: (r) => when(r.updatedAt as string) },
    {
      key: 'open',
      header: 'Open',
      cell: (r) => (
        <button type="button" className="link-button" onClick={() => void open(String(r.id))} aria-pressed={record?.id === r.id}>
          View<span className="visually-hidden"> {recordLabel(r)}</span>
        </button>
      ),
    },
  ];

  const { remoteData, ...unified } = record ?? {};

  return (
    <section aria-labelledby="records-title">
      <h3 id="records-title">Records</h3>
      <Problem problem={problem} />
      <div className="toolbar">
        <div className="field inline-field">
          <label htmlFor="records-entity">Entity</label>
          <select
            id="records-entity"
            value={entity ?? ''}
            onChange={(e) => {
              setEntity(e.target.value);
              setCursors([undefined]);
              setRecord(undefined);
            }}
          >
            {(entities ?? []).map((k) => (
              <option key={k} value={k}>
                {entityLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <form className="field inline-field open-by-id" onSubmit={openById}>
          <label htmlFor="record-id">Open a record by id</label>
          <div className="secret">
            <input id="record-id" value={openId} onChange={(e) => setOpenId(e.target.value)} autoComplete="off" spellCheck={false} />
            <button type="submit" className="secondary">
              Open
            </button>
          </div>
        </form>
      </div>

      {!page ? (
        <p className="progress">
          <span className="spinner" aria-hidden="true" /> Loading records…
        </p>
      ) : page.data.length === 0 ? (
        <p className="none">No {entity ? entityLabel(entity).toLowerCase() : 'records'} stored for this connection yet.</p>
      ) : (
        <HealthTable labelledBy="records-title" columns={columns} rows={page.data} rowKey={(r) => String(r.id)} className="records-table" />
      )}
      <nav className="pager" aria-label="Record pages">
        <button type="button" className="secondary small" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span className="muted">Page {cursors.length}</span>
        <button type="button" className="secondary small" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}>
          Next page
        </button>
      </nav>

      <Problem problem={recordProblem} />
      {record && (
        <section className="subpanel" aria-labelledby="record-title">
          <h4 id="record-title" tabIndex={-1} ref={recordHeading}>
            {recordLabel(record)} <span className="muted">({String(record.id)})</span>
          </h4>
          <div className="json-pair">
            <section aria-labelledby="unified-title">
              <h5 id="unified-title">Unified</h5>
              <pre className="json" id="record-unified" tabIndex={0} aria-labelledby="unified-title">
                {JSON.stringify(unified, null, 2)}
              </pre>
            </section>
            <section aria-labelledby="native-title">
              <h5 id="native-title">Native (remoteData)</h5>
              <pre className="json" id="record-native" tabIndex={0} aria-labelledby="native-title">
                {JSON.stringify(remoteData ?? null, null, 2)}
              </pre>
            </section>
          </div>
        </section>
      )}
    </section>
  );
}
