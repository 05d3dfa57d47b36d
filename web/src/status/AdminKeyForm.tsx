/**
 * The admin key, for whoever runs Manifold: checked by asking GET /v1/status with it (the
 * answer then lists each connection), then kept in the page's memory only — never in storage or
 * the address; a reload forgets it, as on the connect page.
 */
import { apiRequest } from '../shared/api.js';
import { AdminKeyForm as SharedAdminKeyForm, NOT_ADMIN_KEY, UNKNOWN_ADMIN_KEY } from '../shared/AdminKeyForm.js';
import type { Status } from '../shared/types.js';

export function AdminKeyForm({ onKey, notice }: { onKey: (key: string, status: Status) => void; notice: string | undefined }) {
  return (
    <SharedAdminKeyForm
      className="admin-key-form"
      inputId="status-admin-key"
      hint={<>Kept in this page&rsquo;s memory only; reloading the page forgets it.</>}
      submitLabel="Show connections"
      notice={notice}
      check={async (key) => {
        const status = await apiRequest<Status>('/v1/status', { bearer: key });
        // Any valid token may ask; only the admin key is answered with the connections.
        if (status.connections === null) return NOT_ADMIN_KEY;
        onKey(key, status);
      }}
      explain={(err) =>
        err.code === 'unauthorized' ? UNKNOWN_ADMIN_KEY : err.code === 'network_error' ? 'Manifold did not answer. Try again in a moment.' : undefined
      }
    />
  );
}
