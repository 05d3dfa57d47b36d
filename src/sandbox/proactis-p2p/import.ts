/**
 * The ImportDocument web method: the `<pro:Import>` document is checked (control block first),
 * each document in it processed, and the submitted XML answered with Status, DocumentNumber and
 * Errors added — or, with ErrorHandlingMode THROWERRORS / THROWXML / THROWTEXT, errors raised as a
 * SOAP exception (purchaseInvoiceGateway.md, "ErrorHandlingModes"). "If the XML contains multiple
 * documents, then as long as the control block is valid, it is possible for some documents to be
 * imported and other to be rejected."
 */
import { importAcceptance } from './acceptances.js';
import { checkControl, PRO_NS, type ErrorHandlingMode, type Session } from './control.js';
import { importCreditNote } from './credit-notes.js';
import type { P2pData } from './data.js';
import { embedErrors, schemaError, type GatewayError } from './errors.js';
import { importInvoice } from './invoices.js';
import { importExchangeRates, importNominalGroupEntries, importNominalGroups } from './master-data.js';
import { importSuppliers } from './suppliers.js';
import { elements, escapeXml, parseXml, serialize, type XmlElement } from './xml.js';

export type GatewayAnswer = { kind: 'result'; text: string } | { kind: 'fault'; message: string };

const HANDLERS: Record<string, (session: Session, el: XmlElement) => void> = {
  Suppliers: importSuppliers,
  ExchangeRates: importExchangeRates,
  NominalGroups: importNominalGroups,
  NominalGroupEntries: importNominalGroupEntries,
  Acceptance: importAcceptance,
  Invoice: importInvoice,
  CreditNote: importCreditNote,
};

const document = (root: XmlElement) => `<?xml version="1.0"?>${serialize(root)}`;

/** Every error embedded anywhere in the processed document, in document order. */
function errorsIn(el: XmlElement): GatewayError[] {
  if (el.ns === PRO_NS && el.local === 'Errors') {
    return elements(el).map((e) => ({ number: e.attrs.Number ?? '', message: e.attrs.Message ?? '', ...(e.attrs.Source ? { source: e.attrs.Source } : {}) }));
  }
  return elements(el).flatMap(errorsIn);
}

function answer(root: XmlElement, mode: ErrorHandlingMode): GatewayAnswer {
  const errors = errorsIn(root);
  if (mode === 'EMBED' || errors.length === 0) return { kind: 'result', text: document(root) };
  if (mode === 'THROWXML') return { kind: 'fault', message: document(root) };
  if (mode === 'THROWTEXT') return { kind: 'fault', message: errors.map((e) => e.message).join('\r\n') };
  // THROWERRORS: "the message is an xml document describing the errors".
  const list = errors.map((e) => `<pro:Error Number="${e.number}" Message="${escapeXml(e.message)}"${e.source ? ` Source="${escapeXml(e.source)}"` : ''}/>`).join('');
  return { kind: 'fault', message: `<pro:Errors xmlns:pro="${PRO_NS}">${list}</pro:Errors>` };
}

export function importDocument(data: P2pData, xml: string | undefined): GatewayAnswer {
  // An import that cannot even be loaded as XML: "The XML returned by the gateway is blank … An
  // error has occurred which could not be handled by the gateway" (purchaseCreditNoteGateway.md,
  // "Troubleshooting").
  const parsed = parseXml(xml ?? '');
  if (!parsed.ok) return { kind: 'result', text: '' };
  const root = parsed.root;
  const control = checkControl(root, data, 'Import');
  if (!control.ok) {
    embedErrors(control.control ?? root, control.errors);
    return answer(root, control.mode);
  }
  for (const el of elements(root).slice(1)) {
    const handler = el.ns === PRO_NS ? HANDLERS[el.local] : undefined;
    if (handler) handler(control.session, el);
    else embedErrors(el, [schemaError(`The element '${el.local}' in namespace '${el.ns}' is unexpected here.`, el.local)]);
  }
  return answer(root, control.session.mode);
}
