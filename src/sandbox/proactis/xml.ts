/**
 * Reading the cXML documents posted to the Proactis simulator: well-formedness first (a 400
 * naming the problem), then small helpers to walk the parsed tree. Text and attribute values are
 * kept as strings; elements that may repeat are always arrays.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Problem } from './answers.js';

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['Credential', 'ItemOut', 'ReceiptItem', 'ReceiptOrder', 'InvoiceDetailItem', 'Contact', 'Extrinsic', 'IdReference', 'Phone', 'Street', 'Organization']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** The `cXML` root of a posted document, or a 400. */
export function parseCxml(body: string): XmlNode {
  if (!body.trim()) throw new Problem(400, 'The request has no body: send a cXML document');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new Problem(400, `The document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = (parser.parse(body) as XmlNode).cXML;
  if (!root || typeof root !== 'object') throw new Problem(400, 'The document is not cXML: its root element must be cXML');
  return root as XmlNode;
}

export function child(node: unknown, ...path: string[]): XmlNode | undefined {
  let at: unknown = node;
  for (const name of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as XmlNode)[name];
    if (Array.isArray(at)) at = at[0];
  }
  return at && typeof at === 'object' ? (at as XmlNode) : at === '' ? {} : undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as XmlNode) : { '#text': v }));
}

/** The text of a child element (`<Name>x</Name>` or `<Name lang="en">x</Name>`). */
export function text(node: unknown, ...path: string[]): string | undefined {
  let at: unknown = node;
  for (const name of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as XmlNode)[name];
    if (Array.isArray(at)) at = at[0];
  }
  if (typeof at === 'string') return at === '' ? undefined : at;
  const t = at && typeof at === 'object' ? (at as XmlNode)['#text'] : undefined;
  return typeof t === 'string' && t !== '' ? t : undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  const v = node && typeof node === 'object' ? (node as XmlNode)[`@_${name}`] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The identity of the credential of a domain under From/To/Sender or an Organization. */
export function credential(node: unknown, domain: string): string | undefined {
  const found = children(node, 'Credential').find((c) => attr(c, 'domain')?.toLowerCase() === domain.toLowerCase());
  return text(found, 'Identity');
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new Problem(400, `${what} is required`);
  return value;
}

export function number(value: string | undefined, what: string): number {
  const n = Number(required(value, what));
  if (!Number.isFinite(n)) throw new Problem(400, `${what} must be a number, not "${value}"`);
  return n;
}
