/**
 * JSON-RPC over HTTP POST. Systems differ in the envelope (Tryton's bare `{id, method, params}`,
 * JSON-RPC 2.0 as Odoo speaks it) and in how errors look, so the connector gives a codec and an
 * error classifier; the transport does the rest once: ids, headers, the call through the one
 * HTTP path, bodies that are not JSON, HTTP-level failures.
 */
import { HttpClient, type OutboundResponse } from '../http.js';
import { SystemFailure, excerpt } from '../failure.js';

export interface JsonRpcCodec {
  encode(method: string, params: unknown, id: number): unknown;
  /** Splits an answer into its result or its error; undefined when it is not an envelope at all. */
  decode(body: unknown): { result: unknown } | { error: unknown } | undefined;
}

export interface JsonRpcOptions {
  http: HttpClient;
  url: string;
  codec: JsonRpcCodec;
  /** Classifies an HTTP status other than 200 (auth, forbidden, throttled…); undefined = generic. */
  classifyStatus?: (res: OutboundResponse, method: string) => SystemFailure | undefined;
  /** Classifies an error envelope. */
  classifyError: (error: unknown, method: string) => SystemFailure;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** Reads are idempotent and may be retried by the HTTP path; creates and buttons are not. */
  idempotent: boolean;
}

export class JsonRpcTransport {
  private nextId = 1;
  private readonly opts: JsonRpcOptions;

  constructor(opts: JsonRpcOptions) {
    this.opts = opts;
  }

  async call<T = unknown>(method: string, params: unknown, callOpts: CallOptions, url = this.opts.url): Promise<T> {
    const id = this.nextId++;
    const res = await this.opts.http.send({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...callOpts.headers },
      body: JSON.stringify(this.opts.codec.encode(method, params, id)),
      idempotent: callOpts.idempotent,
    });
    if (res.status !== 200) {
      throw this.opts.classifyStatus?.(res, method) ?? genericStatusFailure(res);
    }
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new SystemFailure('system', {
        code: 'system_error',
        status: res.status,
        message: `The system answered ${method} with something that is not JSON.`,
        systemMessage: res.text,
      });
    }
    const decoded = this.opts.codec.decode(body);
    if (!decoded) {
      throw new SystemFailure('system', { code: 'system_error', message: `The system's answer to ${method} is not a JSON-RPC envelope.`, systemMessage: res.text });
    }
    if ('error' in decoded) throw this.opts.classifyError(decoded.error, method);
    return decoded.result as T;
  }
}

/** What any HTTP status means when the connector has nothing more specific to say. */
export function genericStatusFailure(res: OutboundResponse): SystemFailure {
  const said = excerpt(res.text);
  if (res.status === 401) return new SystemFailure('config', { code: 'invalid_credentials', status: 401, message: 'The system refused the credentials.', systemMessage: said });
  if (res.status === 403) return new SystemFailure('config', { code: 'rejected_by_system', status: 403, message: 'The system refused access: the user lacks a permission.', systemMessage: said });
  if (res.status === 404) return new SystemFailure('config', { code: 'system_error', status: 404, message: 'The system has nothing at this address: check the instance URL.', systemMessage: said });
  const retryAfterMs = HttpClient.holdOffMs(res);
  if (res.status === 429) return new SystemFailure('transient', { code: 'rate_limited', status: 429, message: 'The system is throttling calls.', systemMessage: said, retryAfterMs });
  if (res.status === 503) return new SystemFailure('transient', { code: 'system_unavailable', status: 503, message: 'The system is unavailable.', systemMessage: said, retryAfterMs });
  if (res.status === 504 || res.status === 408) return new SystemFailure('transient', { code: 'system_timeout', status: res.status, message: 'The system timed out.', systemMessage: said });
  if (res.status >= 500) return new SystemFailure('transient', { code: 'system_error', status: res.status, message: `The system failed (HTTP ${res.status}).`, systemMessage: said });
  return new SystemFailure('system', { code: 'system_error', status: res.status, message: `The system answered HTTP ${res.status}.`, systemMessage: said });
}

/**
 * JSON-RPC 2.0 (https://www.jsonrpc.org/specification): `{"jsonrpc":"2.0","method","params","id"}`
 * out, `result` or `error` back. A success without `result` decodes as `null`: some servers
 * (Odoo's JsonRPCDispatcher among them) leave the member out when the method returned nothing,
 * although the specification requires it.
 *
 * @example new JsonRpcTransport({ http, url: `${base}/jsonrpc`, codec: jsonRpc2Codec, classifyError })
 */
export const jsonRpc2Codec: JsonRpcCodec = {
  encode: (method, params, id) => ({ jsonrpc: '2.0', method, params, id }),
  decode(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const envelope = body as Record<string, unknown>;
    if (envelope.jsonrpc !== '2.0') return undefined;
    if ('error' in envelope && envelope.error !== undefined && envelope.error !== null) return { error: envelope.error };
    return { result: 'result' in envelope ? envelope.result : null };
  },
};
