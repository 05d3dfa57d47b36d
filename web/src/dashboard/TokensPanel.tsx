/**
 * A connection's tokens: prefix and dates (Manifold keeps only a hash), issue a new one (shown
 * once, with Copy), revoke one, or rotate: issue a new one and revoke every other.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText, selectContents } from '../shared/clipboard.js';
import type { Connection, TokenInfo } from '../shared/types.js';
import { enc, type AdminCall } from './api.js';
import { when } from './format.js';
import { Problem, problemOf, type ProblemInfo } from './Problem.js';

export function TokensPanel({ call, connection }: { call: AdminCall; connection: Connection }) {
  const [tokens, setTokens] = useState<TokenInfo[] | undefined>();
  const [issued, setIssued] = useState<{ token: string; info: TokenInfo; rotated: boolean } | undefined>();
  const [confirm, setConfirm] = useState<string | undefined>();
  const [problem, setProblem] = useState<ProblemInfo | undefined>();
  const [notice, setNotice] = useState('');
  const [copyStatus, setCopyStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const tokenRef = useRef<HTMLElement>(null);
  const issuedHeading = useRef<HTMLHeadingElement>(null);
  const base = `/v1/connections/${enc(connection.id)}/tokens`;

  const load = useCallback(async () => {
    try {
      setTokens((await call<{ data: TokenInfo[] }>(base)).data);
    } catch (err) {
      setProblem(problemOf(err));
    }
  }, [call, base]);

  useEffect(() => {
    void load();
  }, [load]);

  async function issue(rotate: boolean) {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    setNotice('');
    setCopyStatus('');
    setConfirm(undefined);
    try {
      const res = await call<{ data: TokenInfo; token: string }>(`${base}${rotate ? '?revokeOthers=true' : ''}`, { method: 'POST' });
      setIssued({ token: res.token, info: res.data, rotated: rotate });
      await load();
      window.setTimeout(() => issuedHeading.current?.focus(), 0);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(t: TokenInfo) {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await call(`${base}/${enc(t.id)}`, { method: 'DELETE' });
      setConfirm(undefined);
      setNotice(`Revoked the token ${t.prefix}…: it stops working at once.`);
      if (issued?.info.id === t.id) setIssued(undefined);
      await load();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!issued) return;
    if (await copyText(issued.token)) setCopyStatus('Copied.');
    else {
      if (tokenRef.current) selectContents(tokenRef.current);
      setCopyStatus('This browser did not allow copying. The token is selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  }

  return (
    <section aria-labelledby="tokens-title">
      <h3 id="tokens-title">Tokens</h3>
      <p>A token reaches this connection’s data and nothing else. Manifold keeps only a fingerprint of each, so a token is shown once, when issued.</p>
      <Problem problem={problem} />
      <p className="status-line" role="status">
        {notice}
      </p>
      {issued && (
        <div className="token-box">
          <h4 id="issued-title" className="token-label" tabIndex={-1} ref={issuedHeading}>
            {issued.rotated ? 'New token (every other token is revoked)' : 'New token'}
          </h4>
          <code id="issued-token" className="token" ref={tokenRef}>
            {issued.token}
          </code>
          <div className="token-actions">
            <button type="button" onClick={copy}>
              Copy token
            </button>
            <button type="button" className="secondary" onClick={() => setIssued(undefined)}>
              Done, hide it
            </button>
            <p className="copy-status" role="status">
              {copyStatus}
            </p>
          </div>
          <p className="warning">
            <strong>Copy the token now: it will not be shown again.</strong>
          </p>
        </div>
      )}
      {!tokens ? (
        <p className="progress">
          <span className="spinner" aria-hidden="true" /> Loading tokens…
        </p>
      ) : tokens.length === 0 ? (
        <p className="none">This connection has no active token.</p>
      ) : (
        <div className="table-scroll"><table className="data-table tokens-table" aria-labelledby="tokens-title">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Issued</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <code>{t.prefix}…</code>
                </th>
                <td>{when(t.createdAt)}</td>
                <td>{t.lastUsedAt ? when(t.lastUsedAt) : 'not recorded'}</td>
                <td>
                  {confirm === t.id ? (
                    <span className="confirm">
                      <button type="button" className="danger small" onClick={() => void revoke(t)} aria-disabled={busy || undefined}>
                        Yes, revoke {t.prefix}…
                      </button>
                      <button type="button" className="secondary small" onClick={() => setConfirm(undefined)}>
                        Keep it
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="secondary small" onClick={() => setConfirm(t.id)}>
                      Revoke<span className="visually-hidden"> token {t.prefix}…</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <div className="actions">
        <button type="button" onClick={() => void issue(false)} aria-disabled={busy || undefined}>
          Issue a new token
        </button>
        {confirm === 'rotate' ? (
          <span className="confirm">
            <button type="button" className="danger" onClick={() => void issue(true)} aria-disabled={busy || undefined}>
              Yes, rotate: revoke all others
            </button>
            <button type="button" className="secondary" onClick={() => setConfirm(undefined)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirm('rotate')}>
            Rotate (new token, revoke all others)
          </button>
        )}
      </div>
    </section>
  );
}
