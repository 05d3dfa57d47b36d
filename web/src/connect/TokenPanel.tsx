/**
 * Step 3: the connection token, shown this once (Manifold keeps only its hash), with a Copy
 * button, and for a connect link with a redirect URL, the way back to the vendor's product.
 */
import { useRef, useState } from 'react';
import { copyText, selectContents } from '../shared/clipboard.js';
import { useFocusOnMount } from '../shared/focus.js';
import type { ConnectResult, System } from '../shared/types.js';

/** Only web addresses are followed: a redirect URL is data from elsewhere, never script. */
function safeRedirect(url: string | null): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function TokenPanel({ system, result }: { system: System; result: ConnectResult }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const tokenRef = useRef<HTMLElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const redirect = safeRedirect(result.redirectUrl);

  async function copy() {
    if (await copyText(result.token)) {
      setCopyStatus('Copied. Paste it where it is needed now.');
    } else {
      if (tokenRef.current) selectContents(tokenRef.current);
      setCopyStatus('This browser did not allow copying. The token is selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  }

  return (
    <section className="panel narrow" aria-labelledby="done-title">
      <h2 id="done-title" tabIndex={-1} ref={heading}>
        {system.name} is connected
      </h2>
      <p>
        Manifold signed in to {system.name} and saved the connection <strong>{result.data.name}</strong>. It now reads your data in
        the background; the first time can take a few minutes.
      </p>
      <div className="token-box">
        <p id="token-label" className="token-label">
          Your API token
        </p>
        <code id="token" className="token" ref={tokenRef}>
          {result.token}
        </code>
        <div className="token-actions">
          <button type="button" onClick={copy}>
            Copy token
          </button>
          <p className="copy-status" role="status">
            {copyStatus}
          </p>
        </div>
      </div>
      <p className="warning">
        <strong>Copy the token now: it will not be shown again.</strong> Manifold keeps only a fingerprint of it. Keep it where your team
        keeps passwords; anyone who has it can read this connection's data.
      </p>
      <p className="request-id">Connection id: {result.data.id}</p>
      {redirect && (
        <div className="actions">
          <a className="button" href={redirect.href}>
            Continue
          </a>
          <span className="hint">Takes you back to {redirect.host}.</span>
        </div>
      )}
    </section>
  );
}
