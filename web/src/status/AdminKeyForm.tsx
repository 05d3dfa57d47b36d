/**
 * The admin key, for whoever runs Manifold: checked by asking GET /v1/status with it (the
 * answer then lists each connection), then kept in the page's memory only — never in storage or
 * the address; a reload forgets it, as on the connect page.
 */
import { useState, type FormEvent } from 'react';
import { CONNECTION_TOKEN_PREFIX, LINK_TOKEN_PREFIX } from '../connect/session.js';
import { ApiFailure, apiRequest } from '../shared/api.js';
import type { Status } from '../shared/types.js';

const NOT_ADMIN = 'This is a connection token, not the admin key. The admin key is in the file data/admin-key on the Manifold server.';

export function AdminKeyForm({ onKey, notice }: { onKey: (key: string, status: Status) => void; notice: string | undefined }) {
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; requestId?: string } | undefined>(notice ? { message: notice } : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const trimmed = key.trim();
    if (!trimmed) return setProblem({ message: 'Enter the admin key.' });
    if (trimmed.startsWith(CONNECTION_TOKEN_PREFIX)) return setProblem({ message: NOT_ADMIN });
    if (trimmed.startsWith(LINK_TOKEN_PREFIX)) return setProblem({ message: 'This is the key of a connect link, not the admin key.' });
    setPending(true);
    setProblem(undefined);
    try {
      const status = await apiRequest<Status>('/v1/status', { bearer: trimmed });
      if (status.connections === null) {
        setPending(false);
        return setProblem({ message: NOT_ADMIN });
      }
      onKey(trimmed, status);
    } catch (err) {
      setPending(false);
      if (!(err instanceof ApiFailure)) return setProblem({ message: err instanceof Error ? err.message : String(err) });
      const message =
        err.code === 'unauthorized'
          ? 'Manifold does not know this key. Copy it again from the file data/admin-key on the Manifold server.'
          : err.code === 'network_error'
            ? 'Manifold did not answer. Try again in a moment.'
            : err.message;
      setProblem({ message, requestId: err.requestId });
    }
  }

  return (
    <form className="admin-key-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="status-admin-key">Admin key</label>
        <p id="status-admin-key-hint" className="hint">
          Kept in this page&rsquo;s memory only; reloading the page forgets it.
        </p>
        {problem && (
          <p id="status-admin-key-error" className="field-error" role="alert">
            {problem.message}
            {problem.requestId && <span className="request-id"> Request id: {problem.requestId}</span>}
          </p>
        )}
        <div className="secret">
          <input
            id="status-admin-key"
            type={shown ? 'text' : 'password'}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'status-admin-key-error status-admin-key-hint' : 'status-admin-key-hint'}
          />
          <button type="button" className="secondary" aria-pressed={shown} aria-controls="status-admin-key" onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
            <span className="visually-hidden"> admin key</span>
          </button>
        </div>
      </div>
      <div className="actions">
        <button type="submit" aria-disabled={pending || undefined}>
          {pending ? 'Checking…' : 'Show connections'}
        </button>
      </div>
    </form>
  );
}
