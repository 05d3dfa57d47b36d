/**
 * The admin key, asked for first and kept only in memory: checked by listing the connections
 * with it (which the dashboard shows next anyway).
 */
import { useState, type FormEvent } from 'react';
import { ApiFailure, apiRequest } from '../shared/api.js';
import type { Connection } from '../shared/types.js';
import { CONNECTION_TOKEN_PREFIX, LINK_TOKEN_PREFIX } from '../connect/session.js';

export interface ConnectionsPage {
  data: Connection[];
  nextCursor: string | null;
}

export function KeyForm({ notice, onKey }: { notice?: string | undefined; onKey: (key: string, connections: ConnectionsPage) => void }) {
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; requestId?: string | undefined } | undefined>(notice ? { message: notice } : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const trimmed = key.trim();
    if (!trimmed) return setProblem({ message: 'Enter the admin key.' });
    if (trimmed.startsWith(CONNECTION_TOKEN_PREFIX)) {
      return setProblem({ message: 'This is a connection token, not the admin key. The admin key is in the file data/admin-key on the Manifold server.' });
    }
    if (trimmed.startsWith(LINK_TOKEN_PREFIX)) return setProblem({ message: 'This is the key of a connect link, not the admin key.' });
    setPending(true);
    setProblem(undefined);
    try {
      onKey(trimmed, await apiRequest<ConnectionsPage>('/v1/connections?limit=200', { bearer: trimmed }));
    } catch (err) {
      setPending(false);
      if (!(err instanceof ApiFailure)) return setProblem({ message: err instanceof Error ? err.message : String(err) });
      const message =
        err.code === 'unauthorized'
          ? 'Manifold does not know this key. Copy it again from the file data/admin-key on the Manifold server.'
          : err.code === 'forbidden'
            ? 'This key cannot manage connections: it is a connection token, not the admin key.'
            : err.message;
      setProblem({ message, requestId: err.requestId });
    }
  }

  return (
    <section className="panel narrow" aria-labelledby="key-title">
      <h2 id="key-title">Enter the admin key</h2>
      <p>
        The dashboard manages every connection, so it needs the admin key: it was printed when Manifold first started and is kept in the
        file <code>data/admin-key</code> on the server. This page keeps it in memory only; reloading the page forgets it.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="admin-key">Admin key</label>
          {problem && (
            <p id="admin-key-error" className="field-error" role="alert">
              {problem.message}
              {problem.requestId && <span className="request-id"> Request id: {problem.requestId}</span>}
            </p>
          )}
          <div className="secret">
            <input
              id="admin-key"
              type={shown ? 'text' : 'password'}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'admin-key-error' : undefined}
              autoFocus
            />
            <button type="button" className="secondary" aria-pressed={shown} aria-controls="admin-key" onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
              <span className="visually-hidden"> admin key</span>
            </button>
          </div>
        </div>
        <div className="actions">
          <button type="submit" aria-disabled={pending || undefined}>
            {pending ? 'Checking…' : 'Open the dashboard'}
          </button>
        </div>
      </form>
    </section>
  );
}
