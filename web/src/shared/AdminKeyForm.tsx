/**
 * The admin key form the connect, status and dashboard pages share. The key is checked by the
 * page's own request (`check`), then kept in the page's memory only — never in storage or the
 * address; a reload forgets it. The pages differ in what they ask with the key, the words around
 * the field and how a wrong key is explained; the field, its Show button and its error are one.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { CONNECTION_TOKEN_PREFIX, LINK_TOKEN_PREFIX } from '../connect/session.js';
import { ApiFailure } from './api.js';

/** What a connection token pasted instead of the admin key is told. */
export const NOT_ADMIN_KEY = 'This is a connection token, not the admin key. The admin key is in the file data/admin-key on the Manifold server.';
/** What an unknown key is told. */
export const UNKNOWN_ADMIN_KEY = 'Manifold does not know this key. Copy it again from the file data/admin-key on the Manifold server.';
/** What a connect link's key pasted instead of the admin key is told, unless the page says more. */
export const LINK_NOT_ADMIN_KEY = 'This is the key of a connect link, not the admin key.';

interface Problem {
  message: string;
  requestId?: string | undefined;
}

export interface AdminKeyFormProps {
  /** The input's id; its error and hint take it as a prefix (`<id>-error`, `<id>-hint`). */
  inputId: string;
  /** The submit button's label while nothing is pending. */
  submitLabel: string;
  /**
   * Asks Manifold with the key and, when it is accepted, hands the answer on (the form is then
   * left pending). Resolves with a message when the answer shows the key is not the admin key;
   * an `ApiFailure` it throws is explained by `explain`.
   */
  check: (key: string) => Promise<string | undefined | void>;
  /** The message for a failed request, by its code; `undefined` falls back to the server's message. */
  explain?: (err: ApiFailure) => string | undefined;
  /** What a connect link's key is told. */
  linkTokenMessage?: string;
  /** A problem to show from the start (e.g. why the key was forgotten). */
  notice?: string | undefined;
  /** A hint under the label, named by the input's description. */
  hint?: ReactNode;
  /** The form is the page's only task: the field is required and takes the focus. */
  firstTask?: boolean;
  className?: string;
}

export function AdminKeyForm({
  inputId,
  submitLabel,
  check,
  explain,
  linkTokenMessage = LINK_NOT_ADMIN_KEY,
  notice,
  hint,
  firstTask = false,
  className,
}: AdminKeyFormProps) {
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(notice ? { message: notice } : undefined);
  const errorId = `${inputId}-error`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const describedBy = [problem ? errorId : undefined, hintId].filter(Boolean).join(' ') || undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const trimmed = key.trim();
    if (!trimmed) return setProblem({ message: 'Enter the admin key.' });
    // Connection tokens and link tokens carry a prefix; a connection token may well be accepted
    // by the request, so catch the mix-up here.
    if (trimmed.startsWith(CONNECTION_TOKEN_PREFIX)) return setProblem({ message: NOT_ADMIN_KEY });
    if (trimmed.startsWith(LINK_TOKEN_PREFIX)) return setProblem({ message: linkTokenMessage });
    setPending(true);
    setProblem(undefined);
    try {
      const wrong = await check(trimmed);
      if (wrong) {
        setPending(false);
        setProblem({ message: wrong });
      }
    } catch (err) {
      setPending(false);
      if (!(err instanceof ApiFailure)) return setProblem({ message: err instanceof Error ? err.message : String(err) });
      setProblem({ message: explain?.(err) ?? err.message, requestId: err.requestId });
    }
  }

  return (
    <form className={className} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={inputId}>Admin key</label>
        {hint && (
          <p id={hintId} className="hint">
            {hint}
          </p>
        )}
        {problem && (
          <p id={errorId} className="field-error" role="alert">
            {problem.message}
            {problem.requestId && <span className="request-id"> Request id: {problem.requestId}</span>}
          </p>
        )}
        <div className="secret">
          <input
            id={inputId}
            type={shown ? 'text' : 'password'}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required={firstTask || undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy}
            autoFocus={firstTask || undefined}
          />
          <button type="button" className="secondary" aria-pressed={shown} aria-controls={inputId} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
            <span className="visually-hidden"> admin key</span>
          </button>
        </div>
      </div>
      <div className="actions">
        <button type="submit" aria-disabled={pending || undefined}>
          {pending ? 'Checking…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The admin key form as a page's first step: a panel with its heading and what the key is. */
export function AdminKeyPanel({ intro, ...form }: AdminKeyFormProps & { intro: ReactNode }) {
  return (
    <section className="panel narrow" aria-labelledby="key-title">
      <h2 id="key-title">Enter the admin key</h2>
      <p>{intro}</p>
      <AdminKeyForm firstTask {...form} />
    </section>
  );
}
