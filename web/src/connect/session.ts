/**
 * The two ways into the connect page, behind one interface: the admin key (an operator
 * connecting a system themselves) or a connect link (a vendor's customer, who never sees the
 * admin key). Either way the page lists systems and connects one; only the routes differ.
 */
import { apiRequest } from '../shared/api.js';
import type { Connection, ConnectLink, ConnectResult, System } from '../shared/types.js';

/** How the server's secrets begin (src/server/auth/credentials.ts, routes/connect-links.ts). */
export const CONNECTION_TOKEN_PREFIX = 'mft_';
export const LINK_TOKEN_PREFIX = 'mfl_';

export interface ConnectRequest {
  system: string;
  name: string;
  credentials: Record<string, string>;
}

export interface ConnectSession {
  mode: 'admin' | 'link';
  systems: System[];
  /** The link this session acts for (link mode only). */
  link: ConnectLink | null;
  connect(request: ConnectRequest, signal?: AbortSignal): Promise<ConnectResult>;
}

/** Checks the admin key by listing the catalogue with it. */
export async function openAdminSession(adminKey: string, signal?: AbortSignal): Promise<ConnectSession> {
  const { data } = await apiRequest<{ data: System[] }>('/v1/systems', { bearer: adminKey, signal });
  return {
    mode: 'admin',
    systems: data,
    link: null,
    async connect(request, callSignal) {
      const body = await apiRequest<{ data: Connection; token: string }>('/v1/connections', {
        method: 'POST',
        bearer: adminKey,
        body: request,
        signal: callSignal,
      });
      return { ...body, redirectUrl: null };
    },
  };
}

/** Opens a connect link: what it allows, and the systems it may connect. */
export async function openLinkSession(linkToken: string, signal?: AbortSignal): Promise<ConnectSession> {
  const { data } = await apiRequest<{ data: { link: ConnectLink; systems: System[] } }>('/v1/connect/session', { bearer: linkToken, signal });
  const { link, systems } = data;
  return {
    mode: 'link',
    systems,
    link,
    async connect(request, callSignal) {
      // A link that names the connection keeps its name; the server applies it.
      const body = link.name === null ? request : { system: request.system, credentials: request.credentials };
      return apiRequest<ConnectResult>('/v1/connect/session/connections', { method: 'POST', bearer: linkToken, body, signal: callSignal });
    },
  };
}
