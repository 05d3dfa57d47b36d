/** What happened to one request, by the id in its X-Request-Id header or error body. */
import { useState, type FormEvent } from 'react';
import type { RequestLogEntry, SystemCall } from '../shared/types.js';
import { enc, type AdminCall } from './api.js';
import { when } from './format.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';

export function RequestLookup({ call }: { call: AdminCall }) {
  const [id, setId] = useState('');
  const [entry, setEntry] = useState<RequestLogEntry | undefined>();
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [pending, setPending] = useState(false);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    const wanted = id.trim();
    if (!wanted || pending) return;
    setPending(true);
    setProblem(undefined);
    try {
      setEntry((await call<{ data: RequestLogEntry }>(`/v1/requests/${enc(wanted)}`)).data);
    } catch (err) {
      setEntry(undefined);
      setProblem(problemOf(err));
    } finally {
      setPending(false);
    }
  }

  const calls = (entry?.calls ?? []) as SystemCall[];
  return (
    <section className="panel" aria-labelledby="lookup-title">
      <h2 id="lookup-title">Look up a request</h2>
      <form onSubmit={lookUp} className="lookup-form">
        <label htmlFor="request-id-input">Request id</label>
        <p id="request-id-hint" className="hint">
          From the <code>X-Request-Id</code> header of an answer, or <code>requestId</code> in an error.
        </p>
        <div className="secret">
          <input id="request-id-input" value={id} onChange={(e) => setId(e.target.value)} placeholder="req_…" aria-describedby="request-id-hint" autoComplete="off" spellCheck={false} />
          <button type="submit" aria-disabled={pending || undefined}>
            {pending ? 'Looking…' : 'Look up'}
          </button>
        </div>
      </form>
      <Problem problem={problem} />
      {entry && (
        <div className="lookup-result" aria-live="polite">
          <h3 id="lookup-result-title">
            <code>{entry.method}</code> {entry.route}
          </h3>
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd className={entry.status >= 400 ? 'error-text' : undefined}>{entry.status}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{Math.round(entry.durationMs)} ms</dd>
            </div>
            <div>
              <dt>Error code</dt>
              <dd>{entry.errorCode ?? 'none'}</dd>
            </div>
            <div>
              <dt>Connection</dt>
              <dd>{entry.connectionId ?? 'none'}</dd>
            </div>
            <div>
              <dt>Address</dt>
              <dd>
                <code>{entry.url}</code>
              </dd>
            </div>
            <div>
              <dt>When</dt>
              <dd>{when(entry.createdAt)}</dd>
            </div>
          </dl>
          <h4 id="calls-title">Calls to the system ({calls.length})</h4>
          {calls.length === 0 ? (
            <p className="none">This request made no call to a connected system.</p>
          ) : (
            <div className="table-scroll"><table className="data-table calls-table" aria-labelledby="calls-title">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Method</th>
                  <th scope="col">URL</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Retry reason</th>
                </tr>
              </thead>
              <tbody>
                {calls.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>{c.method ?? '—'}</td>
                    <td className="wrap">
                      <code>{c.url ?? (typeof c.note === 'string' ? c.note : '—')}</code>
                    </td>
                    <td className={typeof c.status === 'number' && c.status >= 400 ? 'error-text' : undefined}>{c.status ?? c.outcome ?? '—'}</td>
                    <td>{c.attempt ?? '—'}</td>
                    <td>{typeof c.durationMs === 'number' ? `${Math.round(c.durationMs)} ms` : '—'}</td>
                    <td className="wrap">{c.retryReason ?? <span className="muted">none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table></div>
          )}
        </div>
      )}
    </section>
  );
}
