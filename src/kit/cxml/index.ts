/**
 * cXML purchase-order intake, built once for every source-to-pay system that pushes orders as
 * cXML OrderRequests (Proactis, Coupa, Ariba, Jaggaer): parse safely, check, map to the unified
 * PurchaseOrder, answer with a cXML Response. Pure functions; storing is the engine's (src/engine/cxml).
 */
import { readOrderRequest } from './read-order-request.js';
import type { CxmlCredential, CxmlIssue, CxmlOrderRequest } from './types.js';
import { dtdVersionOf, parseCxml, withoutSecrets, type XmlNode } from './xml.js';

export type ReadDocument =
  | { ok: true; request: CxmlOrderRequest; remoteData: XmlNode; dtdVersion: string | null }
  | { ok: false; status: 400 | 406; message: string; issues: CxmlIssue[]; dtdVersion: string | null; sender: CxmlCredential[] };

/** Issues listed in a Status message; the rest are counted. */
const MAX_LISTED = 20;

/** Text → a checked OrderRequest and what to store as remoteData (the document, secrets stripped). */
export function readDocument(text: string, opts: { maxBytes?: number } = {}): ReadDocument {
  const parsed = parseCxml(text, opts);
  // The DOCTYPE's version is read from the text, so even a broken document is answered in kind.
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message, issues: [{ path: 'cXML', message: parsed.message }], dtdVersion: dtdVersionOf(text), sender: [] };
  const read = readOrderRequest(parsed.root);
  if (!read.ok) return { ok: false, status: read.status, message: describeIssues(read.issues), issues: read.issues, dtdVersion: parsed.dtdVersion, sender: read.sender };
  return { ok: true, request: read.request, remoteData: { cXML: withoutSecrets(parsed.root) }, dtdVersion: parsed.dtdVersion };
}

/** "OrderRequest/ItemOut[3]/ItemDetail/UnitPrice/Money is missing; …". */
export function describeIssues(issues: readonly CxmlIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED).map((i) => `${i.path} ${i.message}`);
  const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : '';
  return `${listed.join('; ')}${more}.`;
}

export { parseCxml, withoutSecrets, DEFAULT_MAX_BYTES } from './xml.js';
export { readOrderRequest } from './read-order-request.js';
export { toPurchaseOrder, cancelledOrder, controlData, toAddress, instantOf, type MappedOrder } from './to-purchase-order.js';
export { buildResponse, cxmlStatusTexts, type CxmlStatusCode } from './response.js';
export * from './types.js';
