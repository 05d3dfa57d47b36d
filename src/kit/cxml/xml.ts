/**
 * cXML text → a plain tree, safely. fast-xml-parser never fetches a DTD (the cXML DOCTYPE names
 * one by URL; it is read as text and ignored), and a document that declares entities or carries
 * an internal DTD subset is refused before parsing, so no entity is ever expanded beyond the five
 * predefined ones and character references (no "billion laughs", no external entity). Size and
 * nesting are bounded. Attributes become `@name` keys, text `#text`; values stay strings
 * (a postal code "01730" or a price "145.50" must not turn into numbers).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

/** 4 MiB: a purchase order of several thousand lines, far above what S2P systems send. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** Elements the cXML DTD lets repeat: always arrays in the tree, so remoteData has one shape. */
const REPEATABLE = new Set([
  'Credential', 'ItemOut', 'Extrinsic', 'Classification', 'Street', 'DeliverTo', 'Distribution',
  'AccountingSegment', 'PaymentTerm', 'Contact', 'TaxDetail', 'Description', 'IdReference', 'Attachment',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Decodes numeric character references (&#233;) besides the predefined entities.
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 0, maxExpandedLength: 10_000 },
  maxNestedTags: 64,
  isArray: (name, _jPath, _isLeaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
});

export type ParsedCxml =
  | { ok: true; root: XmlNode; dtdVersion: string | null }
  | { ok: false; message: string };

/**
 * Parses a cXML document. Answers `ok: false` with a sentence naming what is wrong (and where)
 * for anything that is not one well-formed `cXML` element: never throws.
 */
export function parseCxml(text: string, opts: { maxBytes?: number } = {}): ParsedCxml {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return { ok: false, message: `The document is larger than ${maxBytes} bytes.` };
  const xml = text.replace(/^\uFEFF/, '');
  if (xml.trim() === '') return { ok: false, message: 'The body is empty; send a cXML document.' };
  if (/<!ENTITY/i.test(xml)) return { ok: false, message: 'The document declares entities (<!ENTITY>), which this endpoint does not accept.' };
  const doctype = /<!DOCTYPE[^>[]*(\[)?/i.exec(xml);
  if (doctype?.[1]) return { ok: false, message: 'The document has an internal DTD subset (<!DOCTYPE … [ … ]>), which this endpoint does not accept.' };

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const where = valid.err.line ? ` (line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ''})` : '';
    return { ok: false, message: `The document is not well-formed XML${where}: ${valid.err.msg}` };
  }
  let tree: XmlNode;
  try {
    tree = parser.parse(xml) as XmlNode;
  } catch (err) {
    return { ok: false, message: `The document could not be parsed: ${err instanceof Error ? err.message : String(err)}` };
  }
  // The validator accepts several top-level elements; a cXML document has exactly one.
  const roots = Object.keys(tree).filter((k) => k !== '?xml');
  if (roots.length !== 1 || roots[0] !== 'cXML' || Array.isArray(tree.cXML)) {
    return { ok: false, message: `The root element must be one cXML element; found ${roots.length ? roots.join(', ') : 'none'}.` };
  }
  const root = tree.cXML;
  return { ok: true, root: isNode(root) ? root : {}, dtdVersion: dtdVersionOf(xml) };
}

/** The cXML version named by the DOCTYPE's DTD path, e.g. 1.2.014 (it varies by sender). */
export function dtdVersionOf(xml: string): string | null {
  const match = /<!DOCTYPE\s+cXML\s+SYSTEM\s+["'][^"']*\/cXML\/(\d+\.\d+\.\d+)\/cXML\.dtd["']/i.exec(xml);
  return match?.[1] ?? null;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every occurrence of a child element (none: empty). */
export function many(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first occurrence of a child element. */
export function one(node: unknown, name: string): unknown {
  return many(node, name)[0];
}

/** An element's own text, trimmed; undefined when the element is absent. */
export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) {
    const text = value['#text'];
    return typeof text === 'string' ? text.trim() : typeof text === 'number' ? String(text) : '';
  }
  return undefined;
}

/** An attribute's value, trimmed; undefined when absent. */
export function attrOf(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@${name}`];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Credentials and signatures never leave the intake: stripped before a tree is stored or shown. */
const SECRET_ELEMENTS = ['SharedSecret', 'CredentialMac', 'DigitalSignature'];

/** A copy of a cXML root without any secret of its Header's From, To and Sender credentials. */
export function withoutSecrets(root: XmlNode): XmlNode {
  const copy = structuredClone(root);
  for (const party of ['From', 'To', 'Sender']) {
    for (const credential of many(one(copy.Header, party), 'Credential')) {
      if (isNode(credential)) for (const secret of SECRET_ELEMENTS) delete credential[secret];
    }
  }
  return copy;
}
