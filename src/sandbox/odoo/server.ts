/**
 * The Odoo simulator's HTTP side: `POST /jsonrpc` (JSON-RPC 2.0, `method: "call"`, params
 * `{service, method, args}`) and the web client's `POST /web/webclient/version_info`, both
 * answering HTTP 200 with `result` — or, for any failure, an `error` member (odoo/http.py
 * JsonRPCDispatcher; protocols-erp.md §6.8). Bound to 127.0.0.1 on a free port by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMember, OdooException } from './errors.js';
import { VERSION_INFO, type Instance } from './rpc.js';

export interface Counters {
  /** HTTP requests received. */
  requests: number;
  /** Calls by "service.method", and execute_kw calls by "model.method" too. */
  calls: Map<string, number>;
}

export interface Listening {
  url: string;
  counters: Counters;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

const count = (counters: Counters, key: string) => counters.calls.set(key, (counters.calls.get(key) ?? 0) + 1);

export async function listen(instance: Instance, port = 0): Promise<Listening> {
  const counters: Counters = { requests: 0, calls: new Map() };
  const server = createServer((req, res) => {
    counters.requests += 1;
    void handle(instance, counters, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(instance: Instance, counters: Counters, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  const routes = ['/jsonrpc', '/web/webclient/version_info'];
  if (!routes.includes(path!)) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1><p>The requested URL was not found on the server.</p>');
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { 'content-type': 'text/html; charset=utf-8', allow: 'POST' }).end('<!doctype html><title>405 Method Not Allowed</title><h1>Method Not Allowed</h1>');
    return;
  }
  const text = await readBody(req);
  let call: { id?: unknown; params?: { service?: unknown; method?: unknown; args?: unknown } };
  try {
    call = JSON.parse(text) as typeof call;
    if (!call || typeof call !== 'object' || Array.isArray(call)) throw new Error('not an object');
  } catch {
    send(res, 200, { jsonrpc: '2.0', id: null, error: errorMember(new OdooException('werkzeug.exceptions.BadRequest', '400 Bad Request: Invalid JSON data')) });
    return;
  }
  const id = call.id ?? null;
  try {
    let result: unknown;
    if (path === '/web/webclient/version_info') {
      count(counters, 'web.version_info');
      result = VERSION_INFO;
    } else {
      const params = call.params ?? {};
      count(counters, `${String(params.service)}.${String(params.method)}`);
      const args = Array.isArray(params.args) ? params.args : [];
      if (params.service === 'object' && typeof args[3] === 'string' && typeof args[4] === 'string') count(counters, `${args[3]}.${args[4]}`);
      result = instance.dispatch(params.service, params.method, params.args, req.socket.remoteAddress ?? 'unknown');
    }
    // Odoo leaves `result` out when the method returned None (JsonRPCDispatcher._response).
    send(res, 200, result === undefined || result === null ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result });
  } catch (err) {
    send(res, 200, { jsonrpc: '2.0', id, error: errorMember(err) });
  }
}
