/**
 * The MaintainX REST API v1 simulator's HTTP server (node:http on 127.0.0.1): the vendor's paths
 * under /v1, bearer API keys (single- and multi-organization), the organization headers, the rate
 * limit with its headers, and a log of every request for tests to count and time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route, RouteContext, SimState } from './context.js';
import { MxError, bodyError, queryError, readJsonBody, sendJson } from './http-util.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { getAsset, getLocation, getPart, getVendor, listAssets, listLocations, listOrganizations, listParts, listVendors } from './routes-reads.js';
import { createPurchaseOrder, deletePurchaseOrder, fulfillPurchaseOrder, getPurchaseOrder, listPurchaseOrders, patchPurchaseOrder, patchPurchaseOrderStatus } from './routes-purchase-orders.js';
import { createWorkOrder, deleteWorkOrder, getWorkOrder, listWorkOrders, patchWorkOrder, patchWorkOrderStatus } from './routes-work-orders.js';

/** An API key as MaintainX issues it: for one user, on one or several organizations. */
export interface ApiKey {
  key: string;
  userId: number;
  organizationIds: number[];
}

export interface LoggedRequest {
  /** ms epoch when the request arrived. */
  at: number;
  method: string;
  /** e.g. `GET /v1/workorders/:id` */
  route: string;
  path: string;
  query: string;
  status: number;
  organizationId: number | null;
  /** The JSON body of a write, as received (for checking what clients send). */
  body?: unknown;
  /** On a 429: the seconds X-Rate-Limit-Reset told the client to wait. */
  retryInSeconds?: number;
}

const ROUTES: [string, RegExp, string, Route][] = [
  ['GET', /^\/v1\/organizations$/, '/v1/organizations', listOrganizations],
  ['GET', /^\/v1\/workorders$/, '/v1/workorders', listWorkOrders],
  ['POST', /^\/v1\/workorders$/, '/v1/workorders', createWorkOrder],
  ['GET', /^\/v1\/workorders\/(\d+)$/, '/v1/workorders/:id', getWorkOrder],
  ['PATCH', /^\/v1\/workorders\/(\d+)$/, '/v1/workorders/:id', patchWorkOrder],
  ['DELETE', /^\/v1\/workorders\/(\d+)$/, '/v1/workorders/:id', deleteWorkOrder],
  ['PATCH', /^\/v1\/workorders\/(\d+)\/status$/, '/v1/workorders/:id/status', patchWorkOrderStatus],
  ['GET', /^\/v1\/assets$/, '/v1/assets', listAssets],
  ['GET', /^\/v1\/assets\/(\d+)$/, '/v1/assets/:id', getAsset],
  ['GET', /^\/v1\/parts$/, '/v1/parts', listParts],
  ['GET', /^\/v1\/parts\/(\d+)$/, '/v1/parts/:id', getPart],
  ['GET', /^\/v1\/locations$/, '/v1/locations', listLocations],
  ['GET', /^\/v1\/locations\/(\d+)$/, '/v1/locations/:id', getLocation],
  ['GET', /^\/v1\/vendors$/, '/v1/vendors', listVendors],
  ['GET', /^\/v1\/vendors\/(\d+)$/, '/v1/vendors/:id', getVendor],
  ['GET', /^\/v1\/purchaseorders$/, '/v1/purchaseorders', listPurchaseOrders],
  ['POST', /^\/v1\/purchaseorders$/, '/v1/purchaseorders', createPurchaseOrder],
  ['GET', /^\/v1\/purchaseorders\/(\d+)$/, '/v1/purchaseorders/:id', getPurchaseOrder],
  ['PATCH', /^\/v1\/purchaseorders\/(\d+)$/, '/v1/purchaseorders/:id', patchPurchaseOrder],
  ['DELETE', /^\/v1\/purchaseorders\/(\d+)$/, '/v1/purchaseorders/:id', deletePurchaseOrder],
  ['PATCH', /^\/v1\/purchaseorders\/(\d+)\/status$/, '/v1/purchaseorders/:id/status', patchPurchaseOrderStatus],
  ['PATCH', /^\/v1\/purchaseorders\/(\d+)\/fulfillment$/, '/v1/purchaseorders/:id/fulfillment', fulfillPurchaseOrder],
];

export interface ServerOptions {
  state: SimState;
  keys: ApiKey[];
  rateLimit: RateLimitOptions;
  port?: number;
}

export interface RunningServer {
  url: string;
  requests: LoggedRequest[];
  limiter: RateLimiter;
  close(): Promise<void>;
}

/** Which organization a request is for: MaintainX's x-organization-id / x-organization-ids rules. */
function organizationOf(req: IncomingMessage, key: ApiKey, write: boolean): number {
  const one = req.headers['x-organization-id'];
  const many = req.headers['x-organization-ids'];
  const refuse = (message: string, status = 400) => (write || status === 403 ? bodyError(status, [{ error: message }]) : queryError(status, message));
  // "You cannot use both headers at the same time" (OpenAPI, Authentication).
  if (one !== undefined && many !== undefined) throw refuse('Cannot use both x-organization-id and x-organization-ids headers.');
  const raw = typeof one === 'string' ? one : typeof many === 'string' ? many : undefined;
  if (raw === undefined) {
    // "A 400 code will be returned if you're using a token for multiple organizations but didn't pass either header."
    if (key.organizationIds.length > 1) throw refuse('Missing x-organization-id header.');
    return key.organizationIds[0]!;
  }
  const ids = raw.split(',').map((s) => s.trim());
  // Querying several organizations in one call is not simulated; one id works as x-organization-id.
  if (ids.length !== 1 || !/^\d+$/.test(ids[0]!)) throw refuse('The organization header must name one organization id.');
  const id = Number(ids[0]);
  if (!key.organizationIds.includes(id)) throw refuse("User doesn't have access to this organization", 403);
  return id;
}

/** The rate-limit budget a key draws on: its user's. */
export function userBudget(key: ApiKey): string {
  return `user:${key.userId}`;
}

function bearerKey(req: IncomingMessage, keys: ApiKey[]): ApiKey | undefined {
  const m = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m ? keys.find((k) => k.key === m[1]) : undefined;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const requests: LoggedRequest[] = [];
  const limiter = new RateLimiter(opts.rateLimit);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const match = ROUTES.find(([m, re]) => m === method && re.test(url.pathname));
    const log: LoggedRequest = { at, method, route: match ? `${method} ${match[2]}` : `${method} ${url.pathname}`, path: url.pathname, query: url.search, status: 0, organizationId: null };
    requests.push(log);
    let headers: Record<string, string> = {};
    const reply = (status: number, body?: unknown) => {
      log.status = status;
      sendJson(res, status, body, headers);
    };
    try {
      const key = bearerKey(req, opts.keys);
      // 401 "Invalid token" (components.responses.UnauthorizedError); the spec gives no body
      // schema, so the body takes the API's usual {"error": …} shape.
      if (!key) return reply(401, { error: 'Invalid token' });
      // "For a user across all his organizations: 100 requests / 60 seconds": one budget per
      // user, whichever of the user's keys is used. (The 500 / 60 s of a whole organization is
      // not simulated: the sandbox has one API user.)
      const verdict = limiter.take(userBudget(key), at);
      headers = verdict.headers;
      if (!verdict.allowed) {
        log.retryInSeconds = verdict.resetSeconds;
        return reply(429, { error: `Too many requests. Please retry in ${verdict.resetSeconds} seconds` });
      }
      const write = method !== 'GET';
      const orgId = organizationOf(req, key, write);
      log.organizationId = orgId;
      const data = opts.state.orgs.get(orgId);
      if (!match || !data) throw queryError(404, 'Not Found.');
      const idText = match[1].exec(url.pathname)?.[1];
      const ctx: RouteContext = {
        method,
        pathname: url.pathname,
        query: url.searchParams,
        id: idText === undefined ? undefined : Number(idText),
        data,
        userId: key.userId,
        organizationIds: key.organizationIds,
        state: opts.state,
        body: async () => (log.body = await readJsonBody(req)),
      };
      const result = await match[3](ctx);
      reply(result.status, result.body);
    } catch (err) {
      if (err instanceof MxError) return reply(err.status, err.body);
      reply(500, { error: 'Internal server error.' });
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    limiter,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
