/**
 * /status: what someone whose calls fail looks at to tell a systemic failure from their own —
 * the overall state in words, Manifold's own health, per system the failed share, p95 latency
 * and open circuits over the last hour, and the current incidents. Public: GET /v1/status
 * without a key carries no connection names. Whoever runs Manifold can paste the admin key
 * (kept in memory only) to see each connection too.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure } from '../shared/api.js';
import type { ConnectionHealth, Incident, Status, SystemHealth } from '../shared/types.js';
import { AdminKeyForm } from './AdminKeyForm.js';
import {
  REFRESH_MS,
  ago,
  circuitText,
  connectionStatus,
  incidentText,
  incidentTitle,
  jobsText,
  latency,
  overall,
  percent,
  severity,
  sortConnections,
  sortSystems,
  storeName,
} from './format.js';
import { HealthTable, type Column } from './HealthTable.js';
import { useStatusFeed } from './useStatusFeed.js';
import '../connect/connect.css';
import './status.css';

const BASE_TITLE = 'Status · Manifold';

/**
 * "updated 10 s ago", kept current on its own so the rest of the page does not re-render. The
 * ticks restart with each answer, so the words change on the second, not up to a second late.
 */
function UpdatedAgo({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [at]);
  return <>{ago(Math.max(0, now - at))}</>;
}

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function FailedShare({ share, calls }: { share: number; calls: number }) {
  if (calls === 0) return <span className="muted">no calls</span>;
  return (
    <>
      <span className={`share share-${severity(share, calls)}`}>{percent(share)}</span>{' '}
      <span className="muted">
        of {calls} {calls === 1 ? 'call' : 'calls'}
      </span>
    </>
  );
}

const systemColumns: Column<SystemHealth>[] = [
  { key: 'system', header: 'System', rowHeader: true, cell: (s) => s.system },
  { key: 'failed', header: 'Failed calls', numeric: true, cell: (s) => <FailedShare share={s.failedShare} calls={s.calls} /> },
  { key: 'p95', header: 'p95 latency', numeric: true, cell: (s) => latency(s.p95Ms) },
  {
    key: 'circuits',
    header: 'Open circuits',
    numeric: true,
    cell: (s) => <span className={s.openCircuits ? 'share share-high' : undefined}>{s.openCircuits}</span>,
  },
  { key: 'connections', header: 'Connections', numeric: true, cell: (s) => s.connections },
];

const connectionColumns: Column<ConnectionHealth>[] = [
  { key: 'name', header: 'Connection', rowHeader: true, cell: (c) => c.name },
  { key: 'system', header: 'System', cell: (c) => c.system },
  { key: 'status', header: 'Status', cell: (c) => connectionStatus(c.status) },
  { key: 'circuit', header: 'Circuit', cell: (c) => <span className={c.circuit === 'closed' ? undefined : 'share share-high'}>{circuitText(c.circuit)}</span> },
  { key: 'failed', header: 'Failed calls', numeric: true, cell: (c) => <FailedShare share={c.failedShare} calls={c.calls} /> },
  { key: 'p95', header: 'p95 latency', numeric: true, cell: (c) => latency(c.p95Ms) },
];

function StatusBanner({ status }: { status: Status | undefined }) {
  // Always rendered, so that screen readers announce when the state changes (a live region must
  // exist before its content changes). React leaves the text alone while it stays the same, so
  // a refresh with the same state announces nothing.
  const said = status ? overall(status) : undefined;
  return (
    <div className={`status-banner status-${status?.status ?? 'loading'}`} role="status" aria-live="polite" aria-atomic="true">
      {said ? (
        <>
          <span className="status-icon" aria-hidden="true">
            {status?.status === 'ok' ? '✓' : status?.status === 'degraded' ? '!' : '×'}
          </span>
          <div>
            <p className="status-title">{said.title}</p>
            <p className="status-text">{said.text}</p>
          </div>
        </>
      ) : (
        <p className="status-title progress">
          <span className="spinner" aria-hidden="true" /> Checking Manifold&rsquo;s status…
        </p>
      )}
    </div>
  );
}

function IncidentItem({ incident, status, names }: { incident: Incident; status: Status; names: Map<string, string> | undefined }) {
  const systemConnections = status.systems.find((s) => s.system === incident.system)?.connections;
  const which = names && incident.connectionIds?.map((id) => names.get(id) ?? id);
  return (
    <li className={`incident incident-${incident.kind}`}>
      <h3 className="incident-title">{incidentTitle(incident)}</h3>
      <p>{incidentText(incident, status.checkedAt, systemConnections)}</p>
      {which && which.length > 0 && (
        <p className="incident-which">
          {which.length === 1 ? 'Connection' : 'Connections'}: {which.join(', ')}
        </p>
      )}
    </li>
  );
}

export default function StatusPage() {
  const [adminKey, setAdminKey] = useState<string | undefined>();
  const [keyNotice, setKeyNotice] = useState<string | undefined>();
  const [seeded, setSeeded] = useState<{ status: Status; at: number } | undefined>();
  const onKeyRejected = useCallback((failure: ApiFailure) => {
    setAdminKey(undefined);
    setSeeded(undefined);
    setKeyNotice(`The admin key is no longer accepted (${failure.message}). Enter the current one.`);
  }, []);
  const feed = useStatusFeed(adminKey, onKeyRejected);
  // The admin form's own check answers first; show it until the feed's next answer.
  const status = seeded && (!feed.receivedAt || seeded.at > feed.receivedAt) ? seeded.status : feed.status;
  const receivedAt = seeded && (!feed.receivedAt || seeded.at > feed.receivedAt) ? seeded.at : feed.receivedAt;

  useEffect(() => {
    document.title = status && status.status !== 'ok' ? `${status.status === 'down' ? 'Down' : 'Degraded'} · ${BASE_TITLE}` : BASE_TITLE;
  }, [status]);

  // Connection names only while the key is held: an answer fetched with it may still be on screen just after it is forgotten.
  const adminView = adminKey !== undefined && status?.connections != null;
  const names = adminView && status?.connections ? new Map(status.connections.map((c) => [c.id, c.name])) : undefined;

  return (
    <div className="page status-page">
      <header className="masthead">
        <span className="brand">Manifold</span>
      </header>
      <main className="content">
        <h1>Manifold status</h1>
        <p className="lead">
          Whether Manifold and the systems it connects to are working. If your calls fail, this tells you whether everyone&rsquo;s
          do (a systemic failure) or only yours.
        </p>

        <StatusBanner status={status} />

        <div className="checked">
          {status && receivedAt !== undefined && (
            <p className="checked-line">
              Checked at <time dateTime={status.checkedAt}>{timeOf(status.checkedAt)}</time>
              <span aria-hidden="true"> · </span>
              <span className="updated">
                updated <UpdatedAgo at={receivedAt} />
              </span>
              <span aria-hidden="true"> · </span>
              refreshes every {REFRESH_MS / 1000} s
            </p>
          )}
          {(status || feed.problem) && (
            <button type="button" className="secondary small" onClick={feed.checkNow} aria-disabled={feed.checkingNow || undefined}>
              {feed.checkingNow ? 'Checking…' : 'Check now'}
            </button>
          )}
        </div>

        {feed.problem && (
          <div className="problem" role="alert">
            <p className="problem-message">
              {status ? 'Could not refresh the status. ' : 'Could not get the status. '}
              {feed.problem.message}
            </p>
            <p className="problem-detail">
              {status
                ? `What is shown was checked at ${timeOf(status.checkedAt)}. The page tries again every ${REFRESH_MS / 1000} s.`
                : `The page tries again every ${REFRESH_MS / 1000} s.`}
            </p>
            {feed.problem.requestId && <p className="request-id">Request id for support: {feed.problem.requestId}</p>}
          </div>
        )}

        {status && (
          <>
            <section className="panel" aria-labelledby="incidents-title">
              <h2 id="incidents-title">Current incidents</h2>
              {status.incidents.length === 0 ? (
                <p className="none">No incidents: no system or connection is failing.</p>
              ) : (
                <ul className="incidents">
                  {status.incidents.map((i) => (
                    <IncidentItem key={`${i.kind}-${i.system}-${(i.connectionIds ?? []).join(',')}`} incident={i} status={status} names={names} />
                  ))}
                </ul>
              )}
            </section>

            <section className="panel" aria-labelledby="platform-title">
              <h2 id="platform-title">Platform</h2>
              <dl className="platform">
                <div className={`platform-item platform-${status.platform.store.status}`}>
                  <dt>Store</dt>
                  <dd>
                    <span className="dot" aria-hidden="true" />
                    {status.platform.store.status === 'ok' ? 'Answering' : 'Not answering'}
                    <span className="muted"> ({storeName(status.platform.store.dialect)})</span>
                  </dd>
                </div>
                <div className="platform-item platform-ok">
                  <dt>Job runner</dt>
                  <dd>
                    <span className="dot" aria-hidden="true" />
                    {jobsText(status.platform.jobs.running)}
                  </dd>
                </div>
              </dl>
            </section>

            <section className="panel" aria-labelledby="systems-title">
              <h2 id="systems-title">Systems</h2>
              {status.systems.length === 0 ? (
                <p className="none">No connected system has been called in the last hour.</p>
              ) : (
                <>
                  <HealthTable
                    labelledBy="systems-title"
                    describedBy="systems-note"
                    columns={systemColumns}
                    rows={sortSystems(status.systems, status.incidents)}
                    rowKey={(s) => s.system}
                    rowClass={(s) => (status.incidents.some((i) => i.system === s.system) ? 'row-failing' : undefined)}
                  />
                  <p id="systems-note" className="note">
                    Over the last hour. A call failed when the system did not answer, or answered with a server error (5xx) or
                    &ldquo;too many requests&rdquo; (429). p95 latency: 95% of calls were answered faster. An open circuit: Manifold
                    has paused calls on a connection after repeated failures. Connections: those that made calls.
                  </p>
                </>
              )}
            </section>

            <section className="panel" aria-labelledby="connections-title">
              <h2 id="connections-title">Each connection</h2>
              {adminView && status.connections ? (
                <>
                  {status.connections.length === 0 ? (
                    <p className="none">No connection has made calls in the last hour.</p>
                  ) : (
                    <HealthTable
                      labelledBy="connections-title"
                      columns={connectionColumns}
                      rows={sortConnections(status.connections)}
                      rowKey={(c) => c.id}
                      rowClass={(c) => (c.circuit !== 'closed' || severity(c.failedShare, c.calls) === 'high' ? 'row-failing' : undefined)}
                      className="connections-table"
                    />
                  )}
                  <div className="actions forget">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setAdminKey(undefined);
                        setSeeded(undefined);
                        setKeyNotice(undefined);
                      }}
                    >
                      Forget the admin key
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <p>Each connection&rsquo;s own numbers, with its name, are for whoever runs Manifold: enter the admin key to see them.</p>
                  <AdminKeyForm
                    notice={keyNotice}
                    onKey={(key, checked) => {
                      setSeeded({ status: checked, at: Date.now() });
                      setKeyNotice(undefined);
                      setAdminKey(key);
                    }}
                  />
                </>
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
