/**
 * Without a connect link, the page acts with the admin key. It is checked by listing the
 * catalogue with it, then kept only in the session object in memory: a reload asks again.
 */
import { AdminKeyPanel, NOT_ADMIN_KEY } from '../shared/AdminKeyForm.js';
import { openAdminSession, type ConnectSession } from './session.js';

export function AdminKeyStep({ onSession }: { onSession: (session: ConnectSession) => void }) {
  return (
    <AdminKeyPanel
      intro={
        <>
          Whoever runs Manifold has it: it was printed when Manifold first started, and is kept in the file <code>data/admin-key</code> on
          the server. This page keeps it in memory only; reloading the page forgets it.
        </>
      }
      inputId="admin-key"
      submitLabel="Continue"
      linkTokenMessage="This is the key of a connect link. Open the link itself (the address that ends in ?link=…) instead."
      check={async (key) => onSession(await openAdminSession(key))}
      explain={(err) =>
        err.code === 'unauthorized'
          ? 'Manifold does not know this key. Copy it again from the file data/admin-key on the Manifold server (or ask whoever runs Manifold).'
          : err.code === 'forbidden'
            ? NOT_ADMIN_KEY
            : undefined
      }
    />
  );
}
