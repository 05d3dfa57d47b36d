/**
 * A SOAP 1.1 client for the gateway, an ASP.NET ASMX web service (masterData.md: "The XMLGateway
 * web service is available at http://servername/XMLGateway.asmx"): document/literal calls with a
 * SOAPAction, through the kit's one HTTP path. The service namespace is not in the
 * documentation, so it is read from the gateway's own WSDL (`?WSDL`) once per client.
 */
import { SystemFailure } from '../../kit/failure.js';
import type { HttpClient } from '../../kit/http.js';
import { escapeXml, readXml, type Json } from './xml.js';

const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Used when the gateway publishes no WSDL (an ASMX service can switch it off). */
export const DEFAULT_SERVICE_NS = 'http://www.proactis.com/webservices/';
/** ASMX's prefix for an exception a web method did not turn into a SoapException itself. */
const UNHANDLED = /^Server was unable to process request\.\s*--->\s*/;

/** A SOAP fault the gateway answered: `code` soap:Client or soap:Server, `message` the fault string. */
export class SoapFault extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SoapFault';
  }

  /** The gateway's own words, without ASMX's wrapping. */
  get gatewayMessage(): string {
    return this.message.replace(UNHANDLED, '').trim();
  }
}

function notAGateway(status: number, url: string, said: string): SystemFailure {
  return new SystemFailure('config', {
    code: 'invalid_credentials',
    status,
    field: 'gatewayUrl',
    message: `No PROACTIS XML gateway answered at ${url} (HTTP ${status}); check the gateway URL (it ends in /XMLGateway.asmx).`,
    systemMessage: said,
  });
}

export class SoapClient {
  private namespace: Promise<string> | undefined;

  constructor(private readonly http: HttpClient, readonly url: string) {}

  /** The WSDL's targetNamespace; the documented-less default when there is none to read. */
  serviceNamespace(): Promise<string> {
    this.namespace ??= (async () => {
      const res = await this.http.send({ method: 'GET', url: `${this.url}?WSDL`, headers: { accept: 'text/xml' }, idempotent: true });
      const ns = res.status === 200 ? /<(?:\w+:)?definitions\b[^>]*\btargetNamespace="([^"]+)"/.exec(res.text)?.[1] : undefined;
      return ns ?? DEFAULT_SERVICE_NS;
    })().catch((err: unknown) => {
      this.namespace = undefined;
      throw err;
    });
    return this.namespace;
  }

  /**
   * Calls a web method; answers its `<Method>Result` text ('' for a void method). A fault is
   * thrown as SoapFault for the caller to classify; anything else that is not SOAP is classified here.
   */
  async call(method: string, params: readonly [string, string | undefined][], opts: { idempotent: boolean }): Promise<string> {
    const ns = await this.serviceNamespace();
    const action = `${ns}${ns.endsWith('/') ? '' : '/'}${method}`;
    const args = params.filter(([, v]) => v !== undefined).map(([k, v]) => `<${k}>${escapeXml(v!)}</${k}>`).join('');
    const body = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><${method} xmlns="${escapeXml(ns)}">${args}</${method}></soap:Body></soap:Envelope>`;
    const res = await this.http.send({
      method: 'POST',
      url: this.url,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"`, accept: 'text/xml' },
      body,
      idempotent: opts.idempotent,
      // ASMX answers every fault with HTTP 500, a refused cancellation included: an answer, not an outage.
      isAnswer: (r) => r.status === 500 && /<(?:\w+:)?Fault\b/.test(r.text),
    });
    const isXml = /xml/i.test(res.headers['content-type'] ?? '');
    const doc = isXml ? readXml(res.text) : undefined;
    const soapBody = (doc?.Envelope as Json | undefined)?.Body as Json | undefined;
    const fault = soapBody?.Fault as Json | undefined;
    if (fault) throw new SoapFault(String(fault.faultcode ?? ''), String(fault.faultstring ?? ''));
    if (res.status === 404 || res.status === 405 || (res.status === 200 && !soapBody)) return Promise.reject(notAGateway(res.status, this.url, res.text));
    if (res.status === 401 || res.status === 403) {
      return Promise.reject(new SystemFailure('config', { code: 'invalid_credentials', status: res.status, message: `The web server in front of the PROACTIS gateway refused the call (HTTP ${res.status}); it must let the gateway be called without Windows sign-in.`, systemMessage: res.text }));
    }
    if (res.status >= 500) return Promise.reject(new SystemFailure('transient', { code: 'system_error', status: res.status, message: `The PROACTIS gateway failed (HTTP ${res.status}).`, systemMessage: res.text }));
    if (res.status !== 200 || !soapBody) return Promise.reject(new SystemFailure('system', { code: 'system_error', status: res.status, message: `The PROACTIS gateway answered HTTP ${res.status} without a SOAP answer.`, systemMessage: res.text }));
    const answer = soapBody[`${method}Response`];
    if (answer === undefined) throw new SystemFailure('system', { code: 'system_error', message: `The PROACTIS gateway answered without a ${method}Response.` });
    const result = answer && typeof answer === 'object' ? (answer as Json)[`${method}Result`] : undefined;
    if (result === undefined || result === null) return '';
    return typeof result === 'string' ? result : String((result as Json)['#text'] ?? '');
  }
}
