/**
 * A simulator of SAP S/4HANA's purchase-order API (API_PURCHASEORDER_PROCESS_SRV, OData V2) and
 * the supplier part of API_BUSINESS_PARTNER, on loopback, written from SAP's published EDMX and
 * OpenAPI and the project's protocol notes on SAP (protocols-erp.md §1): Basic logon per
 * client, the CSRF-token handshake bound to the session cookie, JSON V2 bodies with
 * `/Date(…)/` values, $filter/$orderby/$select/$expand/$inlinecount, $skip/$top with a
 * server page limit and `__next`, deep insert, PATCH/MERGE, DELETE as deletion flag, no ETag
 * (none is published), SAP's error bodies, and an API-management rate limit when configured.
 *
 * Deviation, said plainly: Gateway answers Atom XML when a read asks for neither $format=json
 * nor Accept: application/json; this simulator speaks JSON only and answers such a read 406.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { businessPartnerRoute } from './bp-routes.js';
import { SapError, badRequest, errorBody } from './errors.js';
import { metadataXml, serviceDocument } from './metadata.js';
import { purchaseOrderRoute, type Answer, type RouteContext } from './po-routes.js';
import { parseResource } from './resource.js';
import { Sessions } from './session.js';
import { BP_SERVICE, PO_SERVICE, type ServiceName } from './spec.js';
import { OrderStore } from './store.js';
import { SimulatorHandle, type Counters, type LoggedRequest } from './handle.js';

export interface SapS4hanaOptions {
  /** Generated purchase orders (default 300). */
  purchaseOrders?: number;
  /** Most items per order; each order has 1 to this many (default 5, at most 64). */
  itemsPerOrder?: number;
  seed?: number;
  port?: number;
  /** Suppliers in API_BUSINESS_PARTNER (default 40). */
  suppliers?: number;
  /** Server page limit with $top (default 5000) and without (default 100). */
  maxPageSize?: number;
  pageSizeWithoutTop?: number;
  username?: string;
  password?: string;
  /** The system's client (default 100) and system id (default S4H). */
  client?: string;
  sid?: string;
  sessionTimeoutMs?: number;
  /** An API-management spike arrest: at most `requests` per `perSeconds` (off by default). */
  rateLimit?: { requests: number; perSeconds: number };
}

const SERVICES: Record<string, ServiceName> = { API_PURCHASEORDER_PROCESS_SRV: PO_SERVICE, API_BUSINESS_PARTNER: BP_SERVICE };
const PREFIX = '/sap/opu/odata/sap/';
const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 20 * 1024 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function xmlError(err: SapError): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>${esc(err.code)}</code><message xml:lang="en">${esc(err.message)}</message></error>`;
}

export async function startSapS4hana(opts: SapS4hanaOptions = {}): Promise<SimulatorHandle> {
  // Items of order i draw from random streams i·64 + k: at most 64 items per generated order.
  const itemsPerOrder = Math.min(64, Math.max(1, opts.itemsPerOrder ?? 5));
  const store = new OrderStore({ purchaseOrders: Math.max(0, opts.purchaseOrders ?? 300), itemsPerOrder, seed: opts.seed ?? 1, suppliers: Math.max(1, opts.suppliers ?? 40) });
  const client = opts.client ?? '100';
  const username = opts.username ?? 'MANIFOLD_API';
  const password = opts.password ?? 'Sandbox-Welcome1';
  const sessions = new Sessions({ sid: opts.sid ?? 'S4H', client, username, password, sessionTimeoutMs: opts.sessionTimeoutMs ?? 1_800_000 });
  const limits = { maxPageSize: opts.maxPageSize ?? 5000, pageSizeWithoutTop: opts.pageSizeWithoutTop ?? 100 };
  const counters: Counters = { requests: 0, reads: 0, writes: 0, csrfFetches: 0, csrfRefused: 0, unauthorized: 0, throttled: 0, byMethod: {} };
  const log: LoggedRequest[] = [];
  const throttle = { next: 0, retryAfter: 1 };
  const window: number[] = [];

  const send = async (res: ServerResponse, a: Answer, extra: Record<string, string | string[]> = {}): Promise<number> => {
    const headers: Record<string, string | string[]> = { dataserviceversion: '2.0', ...extra, ...a.headers };
    if (a.body !== undefined) headers['content-type'] = `${a.contentType ?? 'application/json'}; charset=utf-8`;
    if (a.body === undefined || typeof a.body === 'string') {
      res.writeHead(a.status, headers).end(a.body);
      return a.status;
    }
    res.writeHead(a.status, headers);
    for (const chunk of a.body) {
      // Respect the socket: wait for it to drain rather than buffer a whole page in memory.
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
      if (res.destroyed) return a.status;
    }
    res.end();
    return a.status;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    counters.requests += 1;
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const tunnel = req.method === 'POST' ? String(req.headers['x-http-method'] ?? '').toUpperCase() : '';
    const method = ['MERGE', 'PATCH', 'PUT', 'DELETE'].includes(tunnel) ? tunnel : (req.method ?? 'GET').toUpperCase();
    counters.byMethod[method] = (counters.byMethod[method] ?? 0) + 1;
    const rest = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : undefined;
    const [serviceName = '', ...pathParts] = (rest ?? '').split('/');
    const service = SERVICES[serviceName.toUpperCase()];
    const wantsJson = url.searchParams.get('$format') === 'json' || /json/i.test(String(req.headers.accept ?? '')) || MODIFYING.has(method);
    const fail = (err: SapError, extra: Record<string, string> = {}) =>
      send(res, wantsJson || !service ? { status: err.status, body: errorBody(err, service ?? PO_SERVICE), contentType: 'application/json', headers: { ...err.headers, ...extra } } : { status: err.status, body: xmlError(err), contentType: 'application/xml', headers: extra });

    // SAP API Management in front of a cloud tenant answers a spike arrest with 429 (Apigee fault body). [R]
    const now = Date.now();
    if (opts.rateLimit) {
      while (window.length && window[0]! <= now - opts.rateLimit.perSeconds * 1000) window.shift();
    }
    const forced = throttle.next > 0;
    if (forced || (opts.rateLimit && window.length >= opts.rateLimit.requests)) {
      if (forced) throttle.next -= 1;
      counters.throttled += 1;
      const retryAfter = forced ? throttle.retryAfter : Math.max(1, Math.ceil(opts.rateLimit!.perSeconds));
      const rate = opts.rateLimit ? `${opts.rateLimit.requests} per ${opts.rateLimit.perSeconds} s` : 'exceeded';
      const fault = { fault: { faultstring: `Spike arrest violation. Allowed rate : ${rate}`, detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' } } };
      return send(res, { status: 429, body: JSON.stringify(fault), contentType: 'application/json', headers: { 'retry-after': String(retryAfter) } });
    }
    if (opts.rateLimit) window.push(now);

    if (!service) return fail(new SapError(404, '/IWFND/MED/170', `No service found for namespace '/SAP/', name '${serviceName}', version '0001'`));
    const logon = sessions.logon(req, url.searchParams.get('sap-client'));
    if (!logon.ok) {
      counters.unauthorized += 1;
      res.writeHead(401, { 'www-authenticate': `Basic realm="${sessions.realm}"`, 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Logon Error Message</title></head><body><h1>Logon failed</h1><p>Anmeldung fehlgeschlagen / Logon failed: the user, password or client is not valid.</p></body></html>');
      return 401;
    }
    const cookies: string[] = [];
    const tokenHeaders: Record<string, string> = {};
    if (!MODIFYING.has(method) && String(req.headers['x-csrf-token'] ?? '').toLowerCase() === 'fetch') {
      counters.csrfFetches += 1;
      const t = sessions.fetchToken(logon);
      tokenHeaders['x-csrf-token'] = t.token;
      cookies.push(...t.cookies);
    }
    if (MODIFYING.has(method) && !sessions.tokenValid(req, logon)) {
      counters.csrfRefused += 1;
      res.writeHead(403, { 'x-csrf-token': 'Required', 'content-type': 'text/plain; charset=utf-8' }).end('CSRF token validation failed');
      return 403;
    }
    const extra = { ...tokenHeaders, ...(cookies.length ? { 'set-cookie': cookies } : {}) } as Record<string, string>;
    const path = pathParts.join('/');
    const text = MODIFYING.has(method) ? await readBody(req) : '';
    let body: unknown;
    try {
      if (text.trim() !== '') body = JSON.parse(text);
    } catch {
      return fail(badRequest('The request body is not valid JSON'), extra);
    }
    const entry: LoggedRequest = { method, service, path, query: url.search, status: 0, ...(body !== undefined ? { body } : {}) };
    log.push(entry);
    if (log.length > 5000) log.shift();
    if (MODIFYING.has(method)) counters.writes += 1;
    else counters.reads += 1;
    try {
      let answer: Answer;
      if (path === '' || path === '$metadata') {
        if (method !== 'GET' && method !== 'HEAD') throw new SapError(405, '/IWBEP/CM_MGW_RT/010', `The request method '${method}' is not allowed for this resource`);
        answer = path === '' ? { status: 200, body: serviceDocument(service), contentType: 'application/json' } : { status: 200, body: metadataXml(service), contentType: 'application/xml' };
      } else if (path === '$batch') {
        throw new SapError(501, '/IWBEP/CM_MGW_RT/021', '$batch is not simulated by the Manifold sandbox');
      } else {
        if (!MODIFYING.has(method) && !wantsJson) throw new SapError(406, '/IWBEP/CM_MGW_RT/006', 'The Manifold sandbox answers JSON only: add $format=json or Accept: application/json');
        const root = `http://${req.headers.host ?? 'localhost'}${PREFIX}`;
        const ctx: RouteContext = {
          store,
          limits,
          roots: { [PO_SERVICE]: `${root}${PO_SERVICE}/`, [BP_SERVICE]: `${root}${BP_SERVICE}/` },
          method: method === 'HEAD' ? 'GET' : method,
          params: url.searchParams,
          accept: String(req.headers.accept ?? (url.searchParams.get('$format') === 'json' ? 'application/json' : '')),
          body,
          user: logon.user,
          resource: parseResource(decodeURIComponent(path)),
          path,
        };
        answer = service === PO_SERVICE ? purchaseOrderRoute(ctx) : businessPartnerRoute(ctx);
      }
      entry.status = answer.status;
      return send(res, method === 'HEAD' ? { ...answer, body: undefined } : answer, extra);
    } catch (err) {
      if (!(err instanceof SapError)) throw err;
      entry.status = err.status;
      return fail(err, extra);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // An internal failure is a Gateway 500 with its error body, never a hang.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(errorBody(new SapError(500, '/IWBEP/CM_MGW_RT/000', `Runtime error: ${err instanceof Error ? err.message : String(err)}`), PO_SERVICE));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new SimulatorHandle({ url, store, sessions, counters, log, throttle, client, username, password, server });
}
