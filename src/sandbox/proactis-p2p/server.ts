/**
 * The PROACTIS P2P XML gateway simulator's HTTP server (node:http on 127.0.0.1):
 * `POST /XMLGateway.asmx` with the web methods ImportDocument, CancelOrder and CancelOrderByGUID
 * over SOAP 1.1 and 1.2 as ASMX routes and answers them, `GET /XMLGateway.asmx?WSDL` with the
 * service description, and a log of every request for tests to count.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cancelOrder, GatewayException } from './cancel.js';
import type { P2pData } from './data.js';
import { importDocument } from './import.js';
import { contentType, fault, methods, response, SERVICE_NS, SOAP11_NS, SOAP12_NS, unhandled, unreadable, wsdl, type SoapVersion } from './soap.js';
import { elements, parseXml, textOf, type XmlElement } from './xml.js';

export const GATEWAY_PATH = '/XMLGateway.asmx';
/** ASP.NET's default maxRequestLength (4 MB). */
const MAX_BODY = 4 * 1024 * 1024;

export interface LoggedCall {
  /** ms epoch when the request arrived. */
  at: number;
  httpMethod: string;
  soapVersion: SoapVersion | null;
  /** The web method called (ImportDocument, CancelOrder, CancelOrderByGUID), when known. */
  method: string | null;
  status: number;
  /** The fault string, when the answer was a fault. */
  fault: string | null;
}

export interface RunningGateway {
  /** The gateway's URL: http://127.0.0.1:<port>/XMLGateway.asmx */
  url: string;
  requests: LoggedCall[];
  close(): Promise<void>;
}

class Fault extends Error {
  constructor(readonly code: 'Client' | 'Server' | 'VersionMismatch', message: string) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The method's parameters by name (elements in the service namespace, as the WSDL qualifies them). */
function params(call: XmlElement): Map<string, string> {
  const spec = methods[call.local]!;
  const out = new Map<string, string>();
  for (const el of elements(call)) {
    const type = spec.params.find(([name]) => name === el.local)?.[1];
    if (!type || el.ns !== SERVICE_NS) continue;
    const value = textOf(el);
    if (type === 'int' && !/^-?\d+$/.test(value.trim())) throw new Fault('Client', unreadable(`Input string '${value}' for ${el.local} was not in a correct format.`));
    if (type === 'guid' && !/^\{?[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\}?$/i.test(value.trim())) throw new Fault('Client', unreadable(`The string '${value}' is not a valid Guid value.`));
    out.set(el.local, value);
  }
  return out;
}

/** Runs the web method; answers the response body (SOAP) or throws a Fault. */
function invoke(data: P2pData, v: SoapVersion, call: XmlElement): string {
  const p = params(call);
  if (call.local === 'ImportDocument') {
    const result = importDocument(data, p.get('xml'));
    // The THROW… modes raise a SoapException of their own: its message is the fault string as is.
    if (result.kind === 'fault') throw new Fault('Server', result.message);
    return response(v, 'ImportDocument', result.text);
  }
  try {
    cancelOrder(data, {
      controlXml: p.get('ControlXML'),
      reason: p.get('CancellationReason'),
      comments: p.get('Comments'),
      by: call.local === 'CancelOrderByGUID' ? { guid: p.get('OrderGUID')!.replace(/[{}]/g, '') } : { displayNumber: p.get('DisplayNumber'), template: p.get('TemplateLabel'), orderNumber: p.get('OrderNumber') },
    });
  } catch (err) {
    if (err instanceof GatewayException) throw new Fault('Server', unhandled(err.message));
    throw err;
  }
  return response(v, call.local);
}

function soapVersionOf(req: IncomingMessage): SoapVersion | undefined {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/xml')) return '1.1';
  if (type.startsWith('application/soap+xml')) return '1.2';
  return undefined;
}

/** The web method the request calls: SOAP 1.1 routes by SOAPAction, 1.2 by the body's element. */
function route(req: IncomingMessage, v: SoapVersion, text: string): XmlElement {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Fault('Client', unreadable(`${parsed.message}${parsed.line ? ` (${parsed.line}, ${parsed.col ?? 0})` : ''}`));
  const env = parsed.root;
  const expected = v === '1.1' ? SOAP11_NS : SOAP12_NS;
  if (env.local !== 'Envelope' || env.ns !== expected) {
    throw new Fault('VersionMismatch', `Possible SOAP version mismatch: Envelope namespace ${env.ns} was unexpected. Expecting ${expected}.`);
  }
  const body = elements(env).find((e) => e.local === 'Body' && e.ns === expected);
  const call = body ? elements(body)[0] : undefined;
  if (v === '1.1') {
    const action = String(req.headers.soapaction ?? '').replace(/^"|"$/g, '');
    const method = action.startsWith(SERVICE_NS) ? action.slice(SERVICE_NS.length) : undefined;
    if (!method || !methods[method]) throw new Fault('Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
    if (!call || call.local !== method || call.ns !== SERVICE_NS) throw new Fault('Client', unreadable(`<${call?.local ?? 'Body'} xmlns='${call?.ns ?? ''}'> was not expected.`));
    return call;
  }
  if (!call || call.ns !== SERVICE_NS || !methods[call.local]) {
    throw new Fault('Client', `Server did not recognize the value of the request element: ${call ? `{${call.ns}}${call.local}` : '(none)'}.`);
  }
  return call;
}

function helpPage(): string {
  const ops = Object.keys(methods).map((m) => `<li>${m}</li>`).join('');
  return `<html><head><title>XMLGateway Web Service</title></head><body><h1>XMLGateway</h1><p>The following operations are supported. For a formal definition, please review the <a href="XMLGateway.asmx?WSDL">Service Description</a>.</p><ul>${ops}</ul></body></html>`;
}

export async function startGatewayServer(data: P2pData, opts: { port?: number } = {}): Promise<RunningGateway> {
  const requests: LoggedCall[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log = (status: number, soapVersion: SoapVersion | null, method: string | null, faultText: string | null) => requests.push({ at, httpMethod: req.method ?? '', soapVersion, method, status, fault: faultText });
    // IIS paths are case-insensitive.
    if (url.pathname.toLowerCase() !== GATEWAY_PATH.toLowerCase()) {
      log(404, null, null, null);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h2>404 - File or directory not found.</h2></body></html>');
      return;
    }
    if (req.method === 'GET') {
      const isWsdl = [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl');
      log(200, null, null, null);
      res.writeHead(200, { 'content-type': isWsdl ? 'text/xml; charset=utf-8' : 'text/html; charset=utf-8' }).end(isWsdl ? wsdl(`http://${req.headers.host ?? '127.0.0.1'}${GATEWAY_PATH}`) : helpPage());
      return;
    }
    const v = req.method === 'POST' ? soapVersionOf(req) : undefined;
    const text = await readBody(req);
    if (!v) {
      log(req.method === 'POST' ? 415 : 405, null, null, null);
      res.writeHead(req.method === 'POST' ? 415 : 405, { 'content-type': 'text/plain' }).end(req.method === 'POST' ? 'Unsupported Media Type' : 'Method Not Allowed');
      return;
    }
    if (text === undefined) {
      log(413, v, null, null);
      res.writeHead(413, { 'content-type': 'text/plain' }).end('Maximum request length exceeded.');
      return;
    }
    let method: string | null = null;
    try {
      const call = route(req, v, text);
      method = call.local;
      const body = invoke(data, v, call);
      log(200, v, method, null);
      res.writeHead(200, { 'content-type': contentType(v) }).end(body);
    } catch (err) {
      const f = err instanceof Fault ? err : new Fault('Server', unhandled(err instanceof Error ? err.message : String(err)));
      log(500, v, method, f.message);
      res.writeHead(500, { 'content-type': contentType(v) }).end(fault(v, f.code, f.message));
    }
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${GATEWAY_PATH}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
