/**
 * Without a connect link, the page acts with the admin key. It is checked by listing the
 * catalogue with it, then kept only in the session object in memory: a reload asks again.
 */
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../shared/api.js';
import { CONNECTION_TOKEN_PREFIX, LINK_TOKEN_PREFIX, openAdminSession, type ConnectSession } from './session.js';

export function AdminKeyStep({ onSession }: { onSession: (session: ConnectSession) => void }) {
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; requestId?: string } | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const trimmed = key.trim();
    if (!trimmed) {
      setProblem({ message: 'Enter the admin key.' });
      return;
    }
    // Connection tokens and link tokens carry a prefix; the catalogue would accept a connection
    // token, so catch the mix-up here rather than at the end of the form.
    if (trimmed.startsWith(CONNECTION_TOKEN_PREFIX)) {
      setProblem({ message: 'This is a connection token, not the admin key. The admin key is in the file data/admin-key on the Manifold server.' });
      return;
    }
    if (trimmed.startsWith(LINK_TOKEN_PREFIX)) {
      setProblem({ message: 'This is the key of a connect link. Open the link itself (the address that ends in ?link=…) instead.' });
      return;
    }
    setPending(true);
    setProblem(undefined);
    try {
      onSession(await openAdminSession(trimmed));
    } catch (err) {
      setPending(false);
      if (!(err instanceof ApiFailure)) {
        setProblem({ message: err instanceof Error ? err.message : String(err) });
        return;
      }
      const message =
        err.code === 'unauthorized'
          ? 'Manifold does not know this key. Copy it again from the file data/admin-key on the Manifold server (or ask whoever runs Manifold).'
          : err.code === 'forbidden'
            ? 'This is a connection token, not the admin key. The admin key is in the file data/admin-key on the Manifold server.'
            : err.message;
      setProblem({ message, requestId: err.requestId });
    }
  }

  return (
    <section className="panel narrow" aria-labelledby="key-title">
      <h2 id="key-title">Enter the admin key</h2>
      <p>
        Whoever runs Manifold has it: it was printed when Manifold first started, and is kept in the file <code>data/admin-key</code> on
        the server. This page keeps it in memory only; reloading the page forgets it.
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
              // The first and only thing to do on this step.
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
            {pending ? 'Checking…' : 'Continue'}
          </button>
        </div>
      </form>
    </section>
  );
}
