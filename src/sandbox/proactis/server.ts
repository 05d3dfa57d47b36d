/**
 * A simulator of the Proactis cloud platform's REST APIs (docs.proactis.com; protocols-cmms-s2p.md
 * §11.2–11.3), on loopback: one regional host serving the token endpoint and, per organisation
 * (`/{service}/v1/{domainId}`), suppliers, requisitions, receipts and invoices — listed with the
 * documented paging, `dateTimeFrom` and sorting; suppliers changed by cXML; transactional
 * documents imported by cXML, answered 202 and processed later. Every API call needs the bearer
 * token and the organisation's `x-api-key`; the organisation's rate limits are counted here.
 *
 * Contracts are not served: Proactis documents its Contract API as creation only (no listing).
 * Purchase orders are not listed either: Proactis pushes them out as cXML (the cXML intake).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Problem, sendCxml, sendJson, sendProblem, sendThrottled } from './answers.js';
import { TokenIssuer, type SimClient } from './auth.js';
import { checkDomain, invoiceImport, receiptImport, requisitionImport, supplierChange } from './documents.js';
import { RateLimiter, productionLimits, type LimitCounters, type Limits } from './limits.js';
import { list } from './listing.js';
import type { Collection, ProactisData } from './records.js';
import { seedData } from './seed.js';
import { Organisation, type PendingImport } from './state.js';
import { parseCxml } from './xml.js';

/** The services served, by path segment, and the collection each lists. */
const SERVICES: Record<string, Collection> = { suppliers: 'suppliers', requisitions: 'requisitions', receipts: 'receipts', invoices: 'invoices' };

export interface ProactisSimOptions {
  seed?: number;
  domainId?: string;
  clients?: SimClient[];
  apiKey?: string;
  /** Records per collection (default 300 suppliers, 200 requisitions, 200 receipts, 240 invoices). */
  sizes?: Partial<Record<Collection, number>>;
  /** Records to serve instead of seeded ones (per collection given). */
  data?: Partial<ProactisData>;
  /** The organisation's limits; null: none (counters still kept). Default: production, 50/min and 8,000/day. */
  limits?: Limits | null;
  /** Seconds an access token lives (default 3600, as Cognito answers). */
  tokenLifetimeSeconds?: number;
  /** When an accepted import is processed (default 5 s); null: only on `process()`. */
  processingDelayMs?: number | null;
  /** The offset instants are rendered with (default +01:00, as the documented example). */
  offset?: string;
  now?: () => number;
  host?: string;
  port?: number;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  status: number;
}

export interface ProactisSim {
  url: string;
  domainId: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  /** The organisation's records, exactly as served (mutate through `org` to stamp lastModified). */
  data: ProactisData;
  org: Organisation;
  counters: LimitCounters;
  /** Every request received, in order (the token endpoint's included). */
  log: RequestLogEntry[];
  tokens: TokenIssuer;
  limiter: RateLimiter;
  /** Processes every accepted import now; answers how many. */
  process(): number;
  stop(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > 2_000_000) reject(new Problem(413, 'The request body is too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

export async function startProactisSim(opts: ProactisSimOptions = {}): Promise<ProactisSim> {
  const now = opts.now ?? Date.now;
  const domainId = opts.domainId ?? 'ACME01';
  const clients = opts.clients ?? [{ clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret' }];
  const apiKey = opts.apiKey ?? 'sandbox-api-key-9f8e7d6c5b4a';
  const offset = opts.offset ?? '+01:00';
  const seeded = seedData({
    seed: opts.seed ?? 9,
    offset,
    sizes: { suppliers: 300, requisitions: 200, receipts: 200, invoices: 240, ...opts.sizes },
  });
  const data: ProactisData = { ...seeded, ...opts.data };
  const org = new Organisation(data, now, offset, opts.processingDelayMs === undefined ? 5000 : opts.processingDelayMs);
  const tokens = new TokenIssuer(clients, [...Object.keys(SERVICES), 'orders', 'accounting', 'einvoicing'], () => opts.tokenLifetimeSeconds ?? 3600, now);
  const limiter = new RateLimiter(opts.limits === undefined ? productionLimits : opts.limits, now);
  const log: RequestLogEntry[] = [];

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const body = await readBody(req);
    if (url.pathname === '/oauth2/token') {
      if (req.method !== 'POST') throw new Problem(405, 'The token endpoint takes POST');
      const answer = tokens.issue(req, body);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      return answer.status;
    }
    const m = /^\/([a-z]+)\/v1\/([^/]+)(?:\/([^/]+))?\/?$/.exec(url.pathname);
    const collection = m ? SERVICES[m[1]!] : undefined;
    if (!m || !collection) throw new Problem(404, `No API at ${url.pathname}`);
    // The API key identifies the organisation: without it nothing is counted or served.
    if (req.headers['x-api-key'] !== apiKey) throw new Problem(401, 'Missing or invalid API key');
    if (!limiter.admit()) return sendThrottled(res);
    tokens.check(req, m[1]!);
    if (decodeURIComponent(m[2]!) !== domainId) throw new Problem(403, `Your client has no access to domain ${decodeURIComponent(m[2]!)}`);
    const id = m[3] ? decodeURIComponent(m[3]) : undefined;
    org.process();
    if (req.method === 'GET') {
      const records = data[collection] as unknown as ({ id: string; lastModified: string } & Record<string, unknown>)[];
      if (id !== undefined) {
        const found = records.find((r) => r.id === id);
        if (!found) throw new Problem(404, `${m[1]!.replace(/s$/, '').toUpperCase()} with ID "${id}" not found`);
        return sendJson(res, 200, found);
      }
      const filters: Record<string, (r: Record<string, unknown>, v: string) => boolean> =
        collection === 'suppliers'
          ? {
              // Case-sensitive prefix match (docs.proactis.com "Filtering": name=Pro).
              name: (r, v) => String(r.name).startsWith(v),
              online: (r, v) => {
                if (v !== 'true' && v !== 'false') throw new Problem(400, 'Parameter online must be true or false');
                return r.online === (v === 'true');
              },
            }
          : collection === 'invoices'
            ? { status: (r, v) => r.status === v }
            : {};
      return sendJson(res, 200, list(records, url.searchParams, filters));
    }
    if (req.method !== 'POST' || id !== undefined) throw new Problem(405, `${req.method} is not allowed here: Proactis takes one cXML document per POST`);
    const root = parseCxml(body);
    checkDomain(root, domainId);
    const payloadID = typeof root['@_payloadID'] === 'string' ? root['@_payloadID'] : org.newId();
    if (collection === 'suppliers') {
      const change = supplierChange(root);
      org.applySupplierChange(change);
      return sendCxml(res, change.type === 'create' ? 201 : 200, 200, 'OK');
    }
    const item: PendingImport =
      collection === 'receipts' ? { kind: 'receipts', doc: receiptImport(root) } : collection === 'invoices' ? { kind: 'invoices', doc: invoiceImport(root) } : { kind: 'requisitions', doc: requisitionImport(root) };
    org.enqueue(item, payloadID);
    // Accepted, not done: processing errors surface later in Proactis' UI, not here.
    return sendCxml(res, 202, 201, 'Accepted');
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const entry: RequestLogEntry = { at: now(), method: req.method ?? 'GET', path: url.pathname, status: 0 };
    log.push(entry);
    route(req, res, url)
      .then((status) => (entry.status = status))
      .catch((err: unknown) => {
        const problem = err instanceof Problem ? err : new Problem(500, 'There is a problem with our server. Please try again later.');
        if (!res.headersSent) entry.status = sendProblem(res, problem);
      });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  // Due imports are processed even when nobody calls (a request also processes them first).
  const timer = setInterval(() => org.process(), 250);
  timer.unref();
  const address = server.address() as AddressInfo;
  const [client] = clients;
  return {
    url: `http://${address.address}:${address.port}`,
    domainId,
    clientId: client!.clientId,
    clientSecret: client!.clientSecret,
    apiKey,
    data,
    org,
    counters: limiter.counters,
    log,
    tokens,
    limiter,
    process: () => org.process(true),
    async stop() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
