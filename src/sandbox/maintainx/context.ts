/**
 * What a route of the simulator gets: the request (query, path ids, body), the organization the
 * API key reaches, the user the key belongs to, and the simulator's state.
 */
import type { Ids } from './seed.js';
import type { OrgData } from './types.js';

export interface SimState {
  orgs: Map<number, OrgData>;
  ids: Ids;
  /** Whether the updatedAt/createdAt list filters exist (the newer API). */
  timestampFilters: boolean;
  /** The next org-level number of a purchase order, per organization. */
  poNumbers: Map<number, number>;
  /** The next org-level sequential id of a work order, per organization. */
  woNumbers: Map<number, number>;
}

export interface RouteContext {
  method: string;
  pathname: string;
  query: URLSearchParams;
  /** The numeric id in the path, when the route has one. */
  id: number | undefined;
  data: OrgData;
  userId: number;
  /** Every organization the API key reaches. */
  organizationIds: number[];
  state: SimState;
  body(): Promise<unknown>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type Route = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export function expandSet(q: URLSearchParams): Set<string> {
  return new Set(q.getAll('expand').flatMap((v) => v.split(',')));
}
