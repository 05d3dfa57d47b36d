/**
 * The gateway's errors as it reports them: `<pro:Error Number=… Message=… Source=…/>` inside a
 * `<pro:Errors>` block next to the failing node (purchaseInvoiceGateway.md, "Errors/Error").
 * "Number: Internal Error Number - this may change between releases"; only the schema error's
 * number and wording are published, the others are this simulator's own (English, as documented).
 */
import { sibling, type XmlElement } from './xml.js';

export interface GatewayError {
  number: string;
  message: string;
  source?: string;
}

/** The one published number: a document that does not conform to the XSD. */
export const SCHEMA_ERROR_NUMBER = '-1072898030';
const BUSINESS_ERROR_NUMBER = '-2147220991';
const LOGON_ERROR_NUMBER = '-2147217843';

export const schemaError = (detail: string, source?: string): GatewayError => ({ number: SCHEMA_ERROR_NUMBER, message: `XML is not valid according to the schema. ${detail}`, source });
export const missingAttribute = (element: XmlElement, attribute: string): GatewayError => schemaError(`The required attribute '${attribute}' is missing on element '${element.local}'.`, element.local);
export const tooLong = (element: XmlElement, attribute: string, max: number): GatewayError =>
  schemaError(`The '${attribute}' attribute is invalid - The value '${element.attrs[attribute]}' is longer than ${max} characters.`, element.local);
export const businessError = (message: string, source?: string): GatewayError => ({ number: BUSINESS_ERROR_NUMBER, message, source });
export const logonError = (message: string): GatewayError => ({ number: LOGON_ERROR_NUMBER, message, source: 'Control' });

/** Appends `<pro:Errors>` with these errors to the node (the node keeps its own children). */
export function embedErrors(node: XmlElement, errors: readonly GatewayError[]): void {
  if (errors.length === 0) return;
  const list = errors.map((e) => sibling(node, 'Error', { Number: e.number, Message: e.message, ...(e.source ? { Source: e.source } : {}) }));
  node.children.push(sibling(node, 'Errors', {}, list));
}

/** Adds the processing result to a document node: Status (and DocumentNumber when imported). */
export function markStatus(node: XmlElement, status: 'OK' | 'FAILED' | 'REGISTERED', documentNumber?: string): void {
  node.attrs.Status = status;
  if (documentNumber !== undefined) node.attrs.DocumentNumber = documentNumber;
}
