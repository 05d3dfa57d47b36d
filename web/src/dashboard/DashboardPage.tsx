/**
 * /dashboard: whoever runs Manifold manages connections here — status and sync, each
 * connection's field mapping (edited with a preview on a real record), its records (unified
 * beside native), its tokens, and what happened to a request by its id. The admin key is asked
 * for first and kept in memory only. Addresses: /dashboard/connections/<id>/<section>.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure } from '../shared/api.js';
import type { Connection } from '../shared/types.js';
import { adminCall, type AdminCall } from './api.js';
import { FieldMappingPanel } from './FieldMappingPanel.js';
import { STATUS_WORDS, when } from './format.js';
import { KeyForm, type ConnectionsPage } from './KeyForm.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';
import { RecordBrowser } from './RecordBrowser.js';
import { RequestLookup } from './RequestLookup.js';
import { SyncButton } from './SyncButton.js';
import { SyncPanel } from './SyncPanel.js';
import { TokensPanel } from './TokensPanel.js';
import { useSync } from './useSync.js';
import { HealthTable, type Column } from '../status/HealthTable.js';
import '../connect/connect.css';
import '../status/status.css';
import './dashboard.css';

const SECTIONS = [
  { id: 'sync', label: 'Sync' },
  { id: 'mapping', label: 'Field mapping' },
  { id: 'records', label: 'Records' },
  { id: 'tokens', label: 'Tokens' },
] as const;
type Section = (typeof SECTIONS)[number]['id'];

interface Route {
  connectionId?: string | undefined;
  section: Section;
}

function parseRoute(pathname: string): Route {
  const m = /^\/dashboard\/connections\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (!m) return { section: 'sync' };
  const section = SECTIONS.find((s) => s.id === m[2])?.id ?? 'sync';
  return { connectionId: decodeURIComponent(m[1]!), section };
}

function routePath(route: Route): string {
  return route.connectionId ? `/dashboard/connections/${encodeURIComponent(route.connectionId)}/${route.section}` : '/dashboard';
}

function StatusCell({ connection }: { connection: Connection }) {
  return (
    <span className={`conn-status conn-${connection.status}`}>
      <span className="dot" aria-hidden="true" />
      {STATUS_WORDS[connection.status]}
      {connection.status === 'needs_attention' && connection.lastError && <span className="conn-reason">: {connection.lastError}</span>}
    </span>
  );
}

function Dashboard({ call, initial, onForget }: { call: AdminCall; initial: ConnectionsPage; onForget: (notice?: string) => void }) {
  const [connections, setConnections] = useState(initial);
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(async () => {
    try {
      setConnections(await call<ConnectionsPage>('/v1/connections?limit=200'));
      setProblem(undefined);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'unauthorized') return onForget('The admin key is no longer accepted. Enter the current one.');
      setProblem(problemOf(err));
    }
  }, [call, onForget]);

  const sync = useSync(call, () => void refresh());

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = useCallback((next: Route, focus = false) => {
    if (routePath(next) !== window.location.pathname) window.history.pushState(null, '', routePath(next));
    setRoute(next);
    if (focus) window.setTimeout(() => detailHeading.current?.focus(), 0);
  }, []);

  const selected = connections.data.find((c) => c.id === route.connectionId);
  const { load: loadSync } = sync;
  const selectedId = selected?.id;
  useEffect(() => {
    if (selectedId) void loadSync(selectedId);
  }, [selectedId, loadSync]);

  const columns: Column<Connection>[] = useMemo(
    () => [
      {
        key: 'name',
        header: 'Connection',
        rowHeader: true,
        cell: (c) => (
          <a
            href={routePath({ connectionId: c.id, section: 'sync' })}
            aria-current={c.id === route.connectionId ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              go({ connectionId: c.id, section: route.connectionId === c.id ? route.section : 'sync' }, true);
            }}
          >
            {c.name}
          </a>
        ),
      },
      { key: 'system', header: 'System', cell: (c) => c.system },
      { key: 'status', header: 'Status', cell: (c) => <StatusCell connection={c} /> },
      { key: 'lastSync', header: 'Last sync', cell: (c) => when(c.lastSyncAt) },
      { key: 'lastError', header: 'Last error', cell: (c) => (c.lastError ? <span className="error-text">{c.lastError}</span> : <span className="muted">none</span>) },
      { key: 'sync', header: 'Sync', cell: (c) => <SyncButton name={c.name} view={sync.views[c.id]} onStart={() => void sync.start(c.id)} /> },
    ],
    [go, route, sync],
  );

  return (
    <>
      <section className="panel" aria-labelledby="connections-title">
        <div className="panel-head">
          <h2 id="connections-title">Connections</h2>
          <button type="button" className="secondary small" onClick={() => void refresh()}>
            Refresh
          </button>
        </div>
        <Problem problem={problem} />
        {connections.data.length === 0 ? (
          <p className="none">
            No connections yet. <a href="/connect">Connect a system</a>.
          </p>
        ) : (
          <HealthTable labelledBy="connections-title" columns={columns} rows={connections.data} rowKey={(c) => c.id} className="connections-list" rowClass={(c) => (c.status === 'needs_attention' ? 'row-failing' : undefined)} />
        )}
        {connections.nextCursor && <p className="note">Showing the first {connections.data.length} connections.</p>}
      </section>

      {route.connectionId && !selected && (
        <section className="panel" aria-labelledby="missing-title">
          <h2 id="missing-title">No such connection</h2>
          <p>There is no connection {route.connectionId}. Pick one from the list above.</p>
        </section>
      )}

      {selected && (
        <section className="panel connection-detail" aria-labelledby="detail-title">
          <h2 id="detail-title" tabIndex={-1} ref={detailHeading}>
            {selected.name} <span className="muted detail-system">({selected.system})</span>
          </h2>
          <p className="request-id">Connection id: {selected.id}</p>
          <nav aria-label={`${selected.name} sections`}>
            <ul className="tabs">
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a
                    className="tab"
                    href={routePath({ connectionId: selected.id, section: s.id })}
                    aria-current={route.section === s.id ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      go({ connectionId: selected.id, section: s.id });
                    }}
                  >
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="tab-body">
            {route.section === 'sync' && <SyncPanel connection={selected} view={sync.views[selected.id]} onStart={() => void sync.start(selected.id)} />}
            {route.section === 'mapping' && <FieldMappingPanel key={selected.id} call={call} connection={selected} />}
            {route.section === 'records' && <RecordBrowser key={selected.id} call={call} connection={selected} />}
            {route.section === 'tokens' && <TokensPanel key={selected.id} call={call} connection={selected} />}
          </div>
        </section>
      )}

      <RequestLookup call={call} />

      <div className="actions forget">
        <button type="button" className="secondary" onClick={() => onForget()}>
          Forget the admin key
        </button>
      </div>
    </>
  );
}

export default function DashboardPage() {
  const [session, setSession] = useState<{ call: AdminCall; initial: ConnectionsPage } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const forget = useCallback((message?: string) => {
    setSession(undefined);
    setNotice(message);
  }, []);

  return (
    <div className="page dashboard-page">
      <header className="masthead">
        <span className="brand">Manifold</span>
        <nav aria-label="Pages" className="masthead-nav">
          <a href="/connect">Connect</a>
          <a href="/status">Status</a>
        </nav>
      </header>
      <main className="content">
        <h1>Dashboard</h1>
        <p className="lead">Connections, their sync and field mapping, their records and tokens, and what happened to a request.</p>
        {session ? (
          <Dashboard call={session.call} initial={session.initial} onForget={forget} />
        ) : (
          <KeyForm
            key={notice ?? ''}
            notice={notice}
            onKey={(key, initial) => {
              setNotice(undefined);
              setSession({ call: adminCall(key), initial });
            }}
          />
        )}
      </main>
    </div>
  );
}
