/**
 * A fault-injecting HTTP proxy on loopback, in front of any system: for tests, and for users who
 * want to see how their integration behaves when the system behind Manifold misbehaves. Each
 * request is forwarded or hit by a fault, chosen by a script (a function of the request) or by
 * rates. Faults: latency, an HTTP error status, 429 with or without Retry-After, a timeout (no
 * answer), a reset before any answer, a reset after the system answered (the write happened but
 * the answer is lost), a truncated body, an HTML page instead of JSON, an expired session (401).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'rate_limit'; retryAfter?: string }
  | { kind: 'timeout' }
  | { kind: 'reset' }
  | { kind: 'reset_after_forward' }
  | { kind: 'truncate' }
  | { kind: 'html' }
  | { kind: 'session_expired' };

export interface ProxiedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** 1-based count of requests seen so far. */
  n: number;
}

export interface FaultRates {
  /** Probability (0–1) of each fault; the first that draws wins. */
  [kind: string]: number;
}

export interface FaultProxyOptions {
  target: string;
  /** Chooses a fault per request (undefined: forward untouched). Runs before `rates`. */
  script?: (req: ProxiedRequest) => Fault | undefined;
  rates?: Partial<Record<Fault['kind'], number>>;
  /** Deterministic randomness for rates (default Math.random). */
  random?: () => number;
  host?: string;
  port?: number;
}

export interface FaultProxy {
  url: string;
  /** What happened to each request, in order. */
  log: { n: number; method: string; url: string; fault: Fault['kind'] | 'forwarded'; status: number | null }[];
  close(): Promise<void>;
}

function fromRates(rates: FaultProxyOptions['rates'], random: () => number): Fault | undefined {
  for (const [kind, p] of Object.entries(rates ?? {})) {
    if (!p || random() >= p) continue;
    switch (kind as Fault['kind']) {
      case 'latency': return { kind: 'latency', ms: 200 };
      case 'status': return { kind: 'status', status: 503 };
      case 'rate_limit': return { kind: 'rate_limit', retryAfter: '1' };
      default: return { kind } as Fault;
    }
  }
  return undefined;
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  const random = opts.random ?? Math.random;
  const log: FaultProxy['log'] = [];
  let n = 0;
  const hanging = new Set<ServerResponse>();

  function forward(req: ProxiedRequest, onAnswer: (status: number, headers: IncomingMessage['headers'], body: Buffer) => void, onError: (err: Error) => void) {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => onAnswer(res.statusCode ?? 502, res.headers, Buffer.concat(chunks)));
        res.on('error', onError);
      },
    );
    upstream.on('error', onError);
    upstream.end(req.body);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n += 1;
      const proxied: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), n };
      const fault = opts.script?.(proxied) ?? fromRates(opts.rates, random);
      const entry: FaultProxy['log'][number] = { n, method: proxied.method, url: proxied.url, fault: fault?.kind ?? 'forwarded', status: null };
      log.push(entry);
      const pass = (delayMs = 0) =>
        forward(
          proxied,
          (status, headers, body) => {
            setTimeout(() => {
              entry.status = status;
              const h = { ...headers };
              delete h['transfer-encoding'];
              if (fault?.kind === 'reset_after_forward') {
                // The system did the work; the caller never hears of it.
                req.socket.destroy();
                return;
              }
              if (fault?.kind === 'truncate') {
                res.writeHead(status, { ...h, 'content-length': String(body.length) });
                res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))));
                req.socket.destroy();
                return;
              }
              res.writeHead(status, { ...h, 'content-length': String(body.length) }).end(body);
            }, delayMs);
          },
          () => {
            entry.status = 502;
            if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream unreachable');
          },
        );
      switch (fault?.kind) {
        case undefined:
        case 'reset_after_forward':
        case 'truncate':
          return pass();
        case 'latency':
          return pass(fault.ms);
        case 'status':
          entry.status = fault.status;
          return res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body ?? `injected ${fault.status}`);
        case 'rate_limit':
          entry.status = 429;
          return res.writeHead(429, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) }).end('{"message":"Limit Exceeded"}');
        case 'timeout':
          hanging.add(res);
          return;
        case 'reset':
          return req.socket.destroy();
        case 'html':
          entry.status = 200;
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Maintenance</h1></body></html>');
        case 'session_expired':
          entry.status = 401;
          return res.writeHead(401, { 'content-type': 'text/plain' }).end('');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${address.port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
