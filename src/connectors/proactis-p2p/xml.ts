/**
 * XML for the PROACTIS P2P gateway: writing gateway documents (every value escaped, nothing built
 * by string concatenation of unescaped input) and reading its answers into plain JSON — the
 * native records Manifold stores. Attributes become keys, child elements become keys holding
 * arrays (for the elements the gateway lets repeat) or objects; namespace prefixes are dropped.
 * An answer that declares entities or a DTD is refused, never expanded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const PRO_NS = 'http://www.proactis.com/xml/xml-ns';

export type Attrs = Record<string, string | number | undefined | null>;

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<pro:Name a="…">children</pro:Name>`; attributes that are undefined or null are left out. */
export function el(name: string, attrs: Attrs = {}, children: readonly string[] = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const tag = name.includes(':') ? name : `pro:${name}`;
  return children.length ? `<${tag}${a}>${children.join('')}</${tag}>` : `<${tag}${a}/>`;
}

/** Elements of the gateway's documents that may repeat: always arrays in the JSON. */
const REPEATABLE = new Set([
  'Supplier', 'SupplierBranch', 'SupplierBranchContact', 'CompanySupplierGroup', 'Error',
  'Acceptance', 'Order', 'Item', 'Condition', 'Nominal', 'Reference', 'Comment', 'ItemReference', 'ItemComment',
  'Invoice', 'ParentOrder', 'Tax', 'NonOrderItem', 'NonOrderItemNominal',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 0, maxExpandedLength: 100_000 },
  maxNestedTags: 64,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
});

export type Json = Record<string, unknown>;

/** The document as JSON (its root element's key kept), or undefined when it is not well-formed XML. */
export function readXml(text: string): Json | undefined {
  const xml = text.replace(/^\uFEFF/, '');
  if (xml.trim() === '' || /<!(ENTITY|DOCTYPE)/i.test(xml) || XMLValidator.validate(xml) !== true) return undefined;
  return parser.parse(xml) as Json;
}

/** Every `Error` of every `Errors` block under this node, in document order. */
export function errorsUnder(node: unknown): { Number?: string; Message?: string; Source?: string }[] {
  if (Array.isArray(node)) return node.flatMap(errorsUnder);
  if (!node || typeof node !== 'object') return [];
  const out: { Number?: string; Message?: string; Source?: string }[] = [];
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'Errors') out.push(...(((value as Json | undefined)?.Error as Json[] | undefined) ?? []));
    else out.push(...errorsUnder(value));
  }
  return out;
}

/** Keys of the gateway's answer that are not part of what a document sends. */
const OUTPUT_KEYS = new Set(['Status', 'DocumentNumber', 'Errors']);

/**
 * A native record (the JSON of ./raw.ts) back to the gateway's XML: string values are attributes,
 * objects are child elements, arrays repeat an element; what the gateway adds (Status,
 * DocumentNumber, Errors) is left out.
 */
export function jsonToXml(name: string, node: Json): string {
  const attrs: Attrs = {};
  const children: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (OUTPUT_KEYS.has(key) || value === undefined || value === null) continue;
    if (key === '#text') children.push(escapeXml(String(value)));
    else if (typeof value === 'string') attrs[key] = value;
    else if (Array.isArray(value)) children.push(...value.map((v) => (typeof v === 'string' ? el(key, {}, [escapeXml(v)]) : jsonToXml(key, v as Json))));
    else if (typeof value === 'object') children.push(jsonToXml(key, value as Json));
  }
  return el(name, attrs, children);
}
