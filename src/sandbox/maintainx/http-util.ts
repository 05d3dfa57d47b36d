/**
 * Small HTTP helpers for the simulator: JSON answers, MaintainX's two error body shapes, body
 * reading. MaintainX answers query errors as `{"error": "…"}` and body validation errors as
 * `{"errors": [{"error", "fieldPath", "fieldValue"}]}` (the 400 schemas of GET vs POST/PATCH in
 * its OpenAPI).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class MxError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'object' && body && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${status}`);
  }
}

/** `{"error": "…"}`: query errors (400), not found (404), throttled (429). */
export function queryError(status: number, message: string): MxError {
  return new MxError(status, { error: message });
}

export interface FieldError {
  error: string;
  fieldPath?: string | null;
  fieldValue?: string | number | boolean | null;
}

/** `{"errors": [{ error, fieldPath, fieldValue }]}`: a refused body (400) or permission (403). */
export function bodyError(status: number, errors: FieldError[]): MxError {
  return new MxError(status, { errors });
}

export function fieldError(error: string, fieldPath: string, value?: unknown): MxError {
  const fieldValue = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return bodyError(400, [{ error, fieldPath, fieldValue }]);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

const MAX_BODY = 2 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw bodyError(400, [{ error: 'Request body is too large.' }]);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw bodyError(400, [{ error: 'Invalid JSON body.' }]);
  }
}

/** A later instant than `previous` and not before now: updatedAt always moves forward. */
export function stamp(previous?: string | null): string {
  const now = Date.now();
  const after = previous ? Date.parse(previous) + 1 : 0;
  return new Date(Math.max(now, after)).toISOString();
}
