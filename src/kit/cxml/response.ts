/**
 * The synchronous cXML answer to a request: `<cXML payloadID timestamp><Response><Status code
 * text>message</Status></Response></cXML>` with the XML declaration and the cXML DOCTYPE.
 * Status codes and their texts: cXML Reference Guide, "Status" (our summary: protocols §12.3).
 */
import { randomBytes } from 'node:crypto';

export const cxmlStatusTexts = {
  200: 'OK',
  201: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  406: 'Not Acceptable',
  409: 'Conflict',
  500: 'Internal Server Error',
} as const;

export type CxmlStatusCode = keyof typeof cxmlStatusTexts;

/** The DTD version answered when the request named none (receivers must not pin one; §12.1). */
export const DEFAULT_DTD_VERSION = '1.2.014';

export interface ResponseOptions {
  code: CxmlStatusCode;
  /** The longer message, as the Status element's content (e.g. what is missing). */
  message?: string;
  /** The cXML version of the request's DOCTYPE, answered in kind. */
  dtdVersion?: string | null;
  /** The host part of the answer's payloadID. */
  host?: string;
  /** Defaults to now. */
  now?: Date;
  /** Defaults to a new unique id (timestamp.random@host, the cXML convention). */
  payloadID?: string;
  lang?: string;
}

export function buildResponse(opts: ResponseOptions): string {
  const now = opts.now ?? new Date();
  const dtd = opts.dtdVersion && /^\d+\.\d+\.\d+$/.test(opts.dtdVersion) ? opts.dtdVersion : DEFAULT_DTD_VERSION;
  const payloadID = opts.payloadID ?? newPayloadId(now, opts.host ?? 'manifold');
  const status = `<Status code="${opts.code}" text="${cxmlStatusTexts[opts.code]}"`;
  const body = opts.message ? `${status}>${escapeXml(opts.message)}</Status>` : `${status}/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/${dtd}/cXML.dtd">`,
    `<cXML payloadID="${escapeXml(payloadID)}" timestamp="${cxmlTimestamp(now)}" xml:lang="${escapeXml(opts.lang ?? 'en-US')}">`,
    `  <Response>${body}</Response>`,
    '</cXML>',
    '',
  ].join('\n');
}

/** `<epoch ms>.<random>@<host>`: unique per document, as cXML asks of every payloadID. */
export function newPayloadId(now: Date, host: string): string {
  return `${now.getTime()}.${randomBytes(6).readUIntBE(0, 6)}@${host}`;
}

/** ISO 8601 with seconds and an explicit offset (2024-05-02T15:15:01+00:00), as cXML timestamps are. */
export function cxmlTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot carry at all (control characters but tab, CR, LF).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
