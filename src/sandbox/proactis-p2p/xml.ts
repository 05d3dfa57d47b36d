/**
 * XML for the PROACTIS P2P gateway simulator: an ordered element tree with namespaces resolved,
 * so the gateway can answer "the submitted XML" with Status, DocumentNumber and Errors added in
 * place (purchaseInvoiceGateway.md, "Error Handling"), attributes and children in their order.
 * A document that declares entities or a DTD is refused (the .NET XmlDocument the gateway uses
 * would resolve them; a simulator has no reason to).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** The qualified name as written (`pro:Supplier`). */
  name: string;
  local: string;
  /** Namespace URI the prefix resolves to ('' when none). */
  ns: string;
  /** Attributes in document order (qualified names as written, xmlns declarations included). */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string };

export const isElement = (n: XmlNode): n is XmlElement => 'name' in n;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 0, maxExpandedLength: 100_000 },
  maxNestedTags: 64,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function build(node: Ordered, scope: Map<string, string>): XmlNode | undefined {
  if ('#text' in node) return { text: String(node['#text']) };
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name.startsWith('?') || name === '#comment') return undefined;
  const attrs = { ...(node[':@'] ?? {}) };
  const inner = new Map(scope);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns') inner.set('', v);
    else if (k.startsWith('xmlns:')) inner.set(k.slice(6), v);
  }
  const [prefix, local] = name.includes(':') ? [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)] : ['', name];
  const children = ((node[name] as Ordered[] | undefined) ?? []).map((c) => build(c, inner)).filter((c): c is XmlNode => c !== undefined);
  return { name, local, ns: inner.get(prefix) ?? '', attrs, children };
}

/** The document element, or why the text is not one well-formed XML document. */
export function parseXml(text: string): { ok: true; root: XmlElement } | { ok: false; message: string; line?: number; col?: number } {
  const xml = text.replace(/^\uFEFF/, '');
  if (xml.trim() === '') return { ok: false, message: 'Root element is missing.' };
  if (/<!(ENTITY|DOCTYPE)/i.test(xml)) return { ok: false, message: 'DTD is prohibited in this XML document.' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, message: valid.err.msg, line: valid.err.line, col: valid.err.col };
  const nodes = (parser.parse(xml) as Ordered[]).map((n) => build(n, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])));
  const root = nodes.find((n): n is XmlElement => n !== undefined && isElement(n));
  return root ? { ok: true, root } : { ok: false, message: 'Root element is missing.' };
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter(isElement);
export const child = (el: XmlElement, local: string): XmlElement | undefined => elements(el).find((c) => c.local === local);
export const childrenNamed = (el: XmlElement, local: string): XmlElement[] => elements(el).filter((c) => c.local === local);
export const textOf = (el: XmlElement | undefined): string => (el ? el.children.map((c) => ('text' in c ? c.text : textOf(c))).join('') : '');

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The element as XML text (no declaration). */
export function serialize(el: XmlElement): string {
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => ('text' in c ? escapeXml(c.text) : serialize(c))).join('');
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

/** A new element in the namespace and with the prefix of `like`. */
export function sibling(like: XmlElement, local: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  const prefix = like.name.includes(':') ? `${like.name.slice(0, like.name.indexOf(':'))}:` : '';
  return { name: `${prefix}${local}`, local, ns: like.ns, attrs, children };
}
