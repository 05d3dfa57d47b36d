/**
 * For the simulator's fidelity tests: a bare SOAP caller (so the tests check the wire, not a
 * client's reading of it), the documented examples from ./spec, and readers of the answers.
 */
import { readFileSync } from 'node:fs';
import { SERVICE_NS, SOAP11_NS, SOAP12_NS } from './soap.js';
import { child, elements, escapeXml, parseXml, textOf, type XmlElement } from './xml.js';

export interface SoapAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The method's result text (ImportDocumentResult), when the answer is not a fault. */
  result: string | undefined;
  fault: { code: string; message: string } | undefined;
}

export function example(name: string): string {
  return readFileSync(new URL(`./spec/${name}`, import.meta.url), 'utf8');
}

function read(body: string): Pick<SoapAnswer, 'result' | 'fault'> {
  const parsed = parseXml(body);
  if (!parsed.ok) return { result: undefined, fault: undefined };
  const bodyEl = elements(parsed.root).find((e) => e.local === 'Body');
  const first = bodyEl ? elements(bodyEl)[0] : undefined;
  if (first?.local === 'Fault') {
    const code = textOf(child(first, 'faultcode')) || textOf(child(child(first, 'Code') ?? first, 'Value'));
    const message = textOf(child(first, 'faultstring')) || textOf(child(child(first, 'Reason') ?? first, 'Text'));
    return { result: undefined, fault: { code, message } };
  }
  const result = first ? elements(first)[0] : undefined;
  return { result: result ? textOf(result) : undefined, fault: undefined };
}

export async function callSoap(
  url: string,
  method: string,
  params: [string, string][],
  opts: { version?: '1.1' | '1.2'; soapAction?: string | null; contentType?: string; rawBody?: string } = {},
): Promise<SoapAnswer> {
  const v = opts.version ?? '1.1';
  const ns = v === '1.1' ? SOAP11_NS : SOAP12_NS;
  const inner = params.map(([k, val]) => `<${k}>${escapeXml(val)}</${k}>`).join('');
  const body = opts.rawBody ?? `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ns}"><soap:Body><${method} xmlns="${SERVICE_NS}">${inner}</${method}></soap:Body></soap:Envelope>`;
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? (v === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8') };
  if (v === '1.1' && opts.soapAction !== null) headers.soapaction = `"${opts.soapAction ?? `${SERVICE_NS}${method}`}"`;
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text, ...read(text) };
}

/** ImportDocument with this document; answers the processed document's root (or the fault). */
export async function importXml(url: string, xml: string, opts: { version?: '1.1' | '1.2' } = {}): Promise<{ answer: SoapAnswer; root: XmlElement | undefined }> {
  const answer = await callSoap(url, 'ImportDocument', [['xml', xml]], opts);
  const parsed = answer.result ? parseXml(answer.result) : undefined;
  return { answer, root: parsed?.ok ? parsed.root : undefined };
}

/** The first element with this local name, depth first. */
export function find(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  if (el.local === local) return el;
  for (const c of elements(el)) {
    const hit = find(c, local);
    if (hit) return hit;
  }
  return undefined;
}

/** Every `Error` of the `Errors` block directly under this node. */
export function errorsOf(el: XmlElement | undefined): Record<string, string>[] {
  const block = el ? child(el, 'Errors') : undefined;
  return block ? elements(block).map((e) => e.attrs) : [];
}

/** The control block of an example, swapped for another (same attributes otherwise). */
export function withControl(xml: string, control: string): string {
  return xml.replace(/<pro:Control[\s\S]*?\/>/, control);
}

export const sandboxControl = (attrs: Record<string, string> = {}) => {
  const all = { Database: 'PROACTIS_LIVE', UserName: 'IMPORT', Password: 'mysecret', Company: 'MAIN', Version: '1.0.0', ...attrs };
  return `<pro:Control ${Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ')}/>`;
};
