/**
 * /connect: pick a system, sign in to it, get a connection token. Opened with ?link=<token> it
 * acts for that connect link (and may be locked to one system); otherwise it first asks for the
 * admin key, which stays in this component's memory only — never in storage or the address.
 */
import { useEffect, useState } from 'react';
import { ApiFailure } from '../shared/api.js';
import type { ConnectResult, System } from '../shared/types.js';
import { AdminKeyStep } from './AdminKeyStep.js';
import { ConnectForm } from './ConnectForm.js';
import { LinkProblem } from './LinkProblem.js';
import { openLinkSession, type ConnectSession } from './session.js';
import { Steps } from './Steps.js';
import { SystemPicker } from './SystemPicker.js';
import { TokenPanel } from './TokenPanel.js';
import './connect.css';

type Stage =
  | { kind: 'admin-key' }
  | { kind: 'opening-link' }
  | { kind: 'link-problem'; reason: unknown; requestId: string | undefined }
  | { kind: 'failed'; message: string; requestId: string | undefined }
  | { kind: 'pick'; session: ConnectSession }
  | { kind: 'form'; session: ConnectSession; system: System }
  | { kind: 'done'; session: ConnectSession; system: System; result: ConnectResult };

/** /connect/<system id> preselects that system (it can still be changed). */
function systemFromPath(): string | undefined {
  const rest = window.location.pathname.replace(/^\/connect\/?/, '');
  return rest ? decodeURIComponent(rest.split('/')[0]!) : undefined;
}

/** Where a session starts: a link naming a system (locked), an address naming one, or the list. */
function firstStage(session: ConnectSession): Stage {
  const wanted = session.link?.system ?? systemFromPath();
  const system = wanted ? session.systems.find((s) => s.id === wanted) : undefined;
  return system ? { kind: 'form', session, system } : { kind: 'pick', session };
}

export default function ConnectPage() {
  const [linkToken] = useState(() => new URLSearchParams(window.location.search).get('link'));
  const [stage, setStage] = useState<Stage>(linkToken ? { kind: 'opening-link' } : { kind: 'admin-key' });

  useEffect(() => {
    if (!linkToken) return;
    const abort = new AbortController();
    openLinkSession(linkToken, abort.signal).then(
      (session) => setStage(firstStage(session)),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (err instanceof ApiFailure && err.status === 401) setStage({ kind: 'link-problem', reason: err.details.reason, requestId: err.requestId });
        else setStage({ kind: 'failed', message: err instanceof Error ? err.message : String(err), requestId: err instanceof ApiFailure ? err.requestId : undefined });
      },
    );
    return () => abort.abort();
  }, [linkToken]);

  const lockedSystem = stage.kind === 'form' && stage.session.link?.system === stage.system.id;
  const linkSystem = 'session' in stage && stage.session.link?.system ? stage.session.systems.find((s) => s.id === stage.session.link?.system) : undefined;

  return (
    <div className="page">
      <header className="masthead">
        <span className="brand">Manifold</span>
      </header>
      <main className="content">
        <h1>Connect your system</h1>
        {stage.kind !== 'link-problem' && stage.kind !== 'failed' && (
          <p className="lead">
            {linkSystem
              ? `Sign in to ${linkSystem.name} with an account Manifold may use, and receive an API token for it.`
              : 'Choose the software your company uses, sign in with an account Manifold may use, and receive an API token for it.'}{' '}
            It takes a couple of minutes.
          </p>
        )}
        {(stage.kind === 'pick' || stage.kind === 'form' || stage.kind === 'done') && (
          <Steps current={stage.kind} systemLocked={stage.session.link?.system != null} />
        )}
        {stage.kind === 'admin-key' && <AdminKeyStep onSession={(session) => setStage(firstStage(session))} />}
        {stage.kind === 'opening-link' && (
          <p className="progress" role="status">
            <span className="spinner" aria-hidden="true" /> Opening your link…
          </p>
        )}
        {stage.kind === 'link-problem' && <LinkProblem reason={stage.reason} requestId={stage.requestId} />}
        {stage.kind === 'failed' && (
          <section className="panel" aria-labelledby="failed-title">
            <h2 id="failed-title">This page could not start</h2>
            <p>{stage.message}</p>
            <p>
              <button type="button" onClick={() => window.location.reload()}>
                Try again
              </button>
            </p>
            {stage.requestId && <p className="request-id">Request id for support: {stage.requestId}</p>}
          </section>
        )}
        {stage.kind === 'pick' && (
          <SystemPicker systems={stage.session.systems} onPick={(system) => setStage({ kind: 'form', session: stage.session, system })} />
        )}
        {stage.kind === 'form' && (
          <ConnectForm
            key={stage.system.id}
            session={stage.session}
            system={stage.system}
            locked={lockedSystem}
            onChangeSystem={() => setStage({ kind: 'pick', session: stage.session })}
            onDone={(result) => setStage({ kind: 'done', session: stage.session, system: stage.system, result })}
            onLinkGone={(failure) => setStage({ kind: 'link-problem', reason: failure.details.reason, requestId: failure.requestId })}
          />
        )}
        {stage.kind === 'done' && <TokenPanel system={stage.system} result={stage.result} />}
      </main>
    </div>
  );
}
