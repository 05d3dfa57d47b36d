/** The dashboard's calls: the admin key bound once, and `X-Connection-Id` for a connection's data. */
import { apiRequest, type RequestOptions } from '../shared/api.js';

export type AdminCall = <T>(path: string, opts?: Omit<RequestOptions, 'bearer'> & { connectionId?: string }) => Promise<T>;

export function adminCall(key: string): AdminCall {
  return <T,>(path: string, opts: Omit<RequestOptions, 'bearer'> & { connectionId?: string } = {}) => {
    const { connectionId, headers, ...rest } = opts;
    return apiRequest<T>(path, {
      ...rest,
      bearer: key,
      headers: { ...headers, ...(connectionId ? { 'x-connection-id': connectionId } : {}) },
    });
  };
}

export const enc = encodeURIComponent;
