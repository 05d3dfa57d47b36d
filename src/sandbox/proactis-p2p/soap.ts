/**
 * SOAP as an ASP.NET ASMX web service speaks it (XMLGateway.asmx is one, masterData.md): SOAP 1.1
 * over `text/xml` with a SOAPAction header, SOAP 1.2 over `application/soap+xml`, document/literal
 * bodies, faults as HTTP 500. An exception a web method throws reaches the caller wrapped:
 * "Server was unable to process request. ---> <message>"; a SoapException the method raises on
 * purpose (the THROW… error handling modes) keeps its own message.
 *
 * The service namespace is not in the PROACTIS documentation; the WSDL (`?WSDL`) states it, and
 * this simulator's is SERVICE_NS.
 */
import { escapeXml } from './xml.js';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SERVICE_NS = 'http://www.proactis.com/webservices/';

export type SoapVersion = '1.1' | '1.2';

export const contentType = (v: SoapVersion) => (v === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8');

export function envelope(v: SoapVersion, body: string): string {
  const ns = v === '1.1' ? SOAP11_NS : SOAP12_NS;
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** A fault: `Client` when the request was wrong, `Server` when processing failed. */
export function fault(v: SoapVersion, code: 'Client' | 'Server' | 'VersionMismatch', message: string): string {
  if (v === '1.1') return envelope(v, `<soap:Fault><faultcode>soap:${code}</faultcode><faultstring>${escapeXml(message)}</faultstring><detail /></soap:Fault>`);
  const value = code === 'Client' ? 'Sender' : code === 'Server' ? 'Receiver' : 'VersionMismatch';
  return envelope(v, `<soap:Fault><soap:Code><soap:Value>soap:${value}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${escapeXml(message)}</soap:Text></soap:Reason><soap:Detail /></soap:Fault>`);
}

/** What ASMX makes of an ordinary exception thrown by a web method. */
export const unhandled = (message: string) => `Server was unable to process request. ---> ${message}`;

/** What ASMX says when the request cannot be deserialised. */
export const unreadable = (message: string) => `Server was unable to read request. ---> There is an error in XML document. ---> ${message}`;

export function response(v: SoapVersion, method: string, result?: string): string {
  if (result === undefined) return envelope(v, `<${method}Response xmlns="${SERVICE_NS}" />`);
  return envelope(v, `<${method}Response xmlns="${SERVICE_NS}"><${method}Result>${escapeXml(result)}</${method}Result></${method}Response>`);
}

/** The parameters of each web method, in order (cancelPurhaseOrderGateway.md lists CancelOrder's). */
export const methods: Record<string, { params: [string, 'string' | 'int' | 'guid'][]; result: boolean }> = {
  ImportDocument: { params: [['xml', 'string']], result: true },
  CancelOrder: { params: [['ControlXML', 'string'], ['TemplateLabel', 'string'], ['OrderNumber', 'int'], ['DisplayNumber', 'string'], ['CancellationReason', 'string'], ['Comments', 'string']], result: false },
  CancelOrderByGUID: { params: [['ControlXML', 'string'], ['OrderGUID', 'guid'], ['CancellationReason', 'string'], ['Comments', 'string']], result: false },
};

const XSD_TYPES = { string: 's:string', int: 's:int', guid: 'tns:guid' } as const;

/** The service description ASMX generates at `?WSDL` (both bindings; the types of every method). */
export function wsdl(location: string): string {
  const elements = Object.entries(methods).map(([name, m]) => {
    const params = m.params.map(([p, t]) => `<s:element minOccurs="${t === 'string' ? 0 : 1}" maxOccurs="1" name="${p}" type="${XSD_TYPES[t]}" />`).join('');
    const result = m.result ? `<s:element minOccurs="0" maxOccurs="1" name="${name}Result" type="s:string" />` : '';
    return `<s:element name="${name}"><s:complexType><s:sequence>${params}</s:sequence></s:complexType></s:element><s:element name="${name}Response"><s:complexType>${result ? `<s:sequence>${result}</s:sequence>` : ''}</s:complexType></s:element>`;
  });
  const names = Object.keys(methods);
  const messages = names.map((n) => `<wsdl:message name="${n}SoapIn"><wsdl:part name="parameters" element="tns:${n}" /></wsdl:message><wsdl:message name="${n}SoapOut"><wsdl:part name="parameters" element="tns:${n}Response" /></wsdl:message>`);
  const ops = names.map((n) => `<wsdl:operation name="${n}"><wsdl:input message="tns:${n}SoapIn" /><wsdl:output message="tns:${n}SoapOut" /></wsdl:operation>`);
  const binding = (prefix: string, suffix: string) =>
    `<wsdl:binding name="XMLGatewaySoap${suffix}" type="tns:XMLGatewaySoap"><${prefix}:binding transport="http://schemas.xmlsoap.org/soap/http" />${names
      .map((n) => `<wsdl:operation name="${n}"><${prefix}:operation soapAction="${SERVICE_NS}${n}" style="document" /><wsdl:input><${prefix}:body use="literal" /></wsdl:input><wsdl:output><${prefix}:body use="literal" /></wsdl:output></wsdl:operation>`)
      .join('')}</wsdl:binding>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><wsdl:definitions xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="${SERVICE_NS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="${SERVICE_NS}">` +
    `<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${SERVICE_NS}">${elements.join('')}<s:simpleType name="guid"><s:restriction base="s:string"><s:pattern value="[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}" /></s:restriction></s:simpleType></s:schema></wsdl:types>` +
    `${messages.join('')}<wsdl:portType name="XMLGatewaySoap">${ops.join('')}</wsdl:portType>${binding('soap', '')}${binding('soap12', '12')}` +
    `<wsdl:service name="XMLGateway"><wsdl:port name="XMLGatewaySoap" binding="tns:XMLGatewaySoap"><soap:address location="${escapeXml(location)}" /></wsdl:port><wsdl:port name="XMLGatewaySoap12" binding="tns:XMLGatewaySoap12"><soap12:address location="${escapeXml(location)}" /></wsdl:port></wsdl:service></wsdl:definitions>`
  );
}
