/**
 * How the Proactis simulator answers: JSON with the API gateway's request ids, the documented
 * error envelope `{"status":"NOT_FOUND","message":"…","details":[]}` (status is the HTTP status'
 * name), the bare throttle answer, and cXML `Response` documents for cXML posts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

const STATUS_NAMES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

/** The published example answers carry AWS API Gateway's ids (x-amzn-RequestId, x-amz-apigw-id). */
function gatewayHeaders(): Record<string, string> {
  return { 'x-amzn-requestid': randomUUID(), 'x-amz-apigw-id': randomBytes(6).toString('base64url') };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): number {
  res.writeHead(status, { 'content-type': 'application/json', ...gatewayHeaders() }).end(JSON.stringify(body));
  return status;
}

export function sendProblem(res: ServerResponse, problem: Problem): number {
  return sendJson(res, problem.status, { status: STATUS_NAMES[problem.status] ?? 'ERROR', message: problem.message, details: problem.details });
}

/**
 * Over a rate limit: `429 {"message": "Limit Exceeded"}` and nothing else — no X-RateLimit-*,
 * no Retry-After (docs.proactis.com "Rate limits"; protocols-cmms-s2p.md §11.2).
 */
export function sendThrottled(res: ServerResponse): number {
  res.writeHead(429, { 'content-type': 'application/json' }).end('{"message": "Limit Exceeded"}');
  return 429;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A cXML Response: code 200 OK for a stored change, 201 Accepted for an import processed later. */
export function sendCxml(res: ServerResponse, httpStatus: number, code: number, text: string, message?: string): number {
  const payloadID = `${Date.now()}.${randomBytes(4).toString('hex')}@sandbox.proactis`;
  const status = message === undefined ? `<Status code="${code}" text="${esc(text)}"/>` : `<Status code="${code}" text="${esc(text)}">${esc(message)}</Status>`;
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.021/cXML.dtd">\n' +
    `<cXML payloadID="${payloadID}" timestamp="${new Date().toISOString()}" xml:lang="en"><Response>${status}</Response></cXML>`;
  res.writeHead(httpStatus, { 'content-type': 'application/xml', ...gatewayHeaders() }).end(body);
  return httpStatus;
}
