/**
 * The admin key, asked for first and kept only in memory: checked by listing the connections
 * with it (which the dashboard shows next anyway).
 */
import { apiRequest } from '../shared/api.js';
import { AdminKeyPanel, UNKNOWN_ADMIN_KEY } from '../shared/AdminKeyForm.js';
import type { Connection } from '../shared/types.js';

export interface ConnectionsPage {
  data: Connection[];
  nextCursor: string | null;
}

export function KeyForm({ notice, onKey }: { notice?: string | undefined; onKey: (key: string, connections: ConnectionsPage) => void }) {
  return (
    <AdminKeyPanel
      intro={
        <>
          The dashboard manages every connection, so it needs the admin key: it was printed when Manifold first started and is kept in the
          file <code>data/admin-key</code> on the server. This page keeps it in memory only; reloading the page forgets it.
        </>
      }
      inputId="admin-key"
      submitLabel="Open the dashboard"
      notice={notice}
      check={async (key) => onKey(key, await apiRequest<ConnectionsPage>('/v1/connections?limit=200', { bearer: key }))}
      explain={(err) =>
        err.code === 'unauthorized'
          ? UNKNOWN_ADMIN_KEY
          : err.code === 'forbidden'
            ? 'This key cannot manage connections: it is a connection token, not the admin key.'
            : undefined
      }
    />
  );
}
