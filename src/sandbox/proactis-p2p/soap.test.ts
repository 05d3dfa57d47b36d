/**
 * The simulator speaks SOAP as an ASMX web service does: SOAP 1.1 (text/xml, routed by
 * SOAPAction) and 1.2 (application/soap+xml), document/literal answers, faults as HTTP 500 with
 * ASMX's wording, a WSDL at ?WSDL, and a blank result for an import it cannot load
 * (purchaseCreditNoteGateway.md, "Troubleshooting"). Every request is logged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisP2p, type P2pSimulator } from './sandbox.js';
import { callSoap, example, importXml } from './gateway.test-support.js';
import { SERVICE_NS } from './soap.js';

describe('PROACTIS P2P simulator: SOAP', () => {
  let sim: P2pSimulator;
  before(async () => {
    sim = await startProactisP2p({ suppliers: 5, orders: 5 });
  });
  after(() => sim?.stop());

  const acme = () => example('supplier-acme.xml').replace('Password="secret"', 'Password="mysecret"');

  it('answers ImportDocument over SOAP 1.1 with ImportDocumentResult in the service namespace', async () => {
    const { answer, root } = await importXml(sim.url, acme());
    assert.equal(answer.status, 200);
    assert.match(answer.contentType, /^text\/xml; charset=utf-8/);
    assert.match(answer.body, new RegExp(`<ImportDocumentResponse xmlns="${SERVICE_NS}"><ImportDocumentResult>&lt;\\?xml`));
    assert.equal(root?.local, 'Import');
    assert.deepEqual(sim.requests.at(-1), { ...sim.requests.at(-1)!, httpMethod: 'POST', soapVersion: '1.1', method: 'ImportDocument', status: 200, fault: null });
  });

  it('answers SOAP 1.2 too, with its content type and fault shape', async () => {
    const { answer } = await importXml(sim.url, acme(), { version: '1.2' });
    assert.equal(answer.status, 200);
    assert.match(answer.contentType, /^application\/soap\+xml/);
    const cancel = await callSoap(sim.url, 'CancelOrder', [['ControlXML', example('cancel-control.xml')], ['DisplayNumber', 'NOPE1'], ['CancellationReason', 'No longer required'], ['Comments', '']], { version: '1.2' });
    assert.equal(cancel.status, 500);
    assert.match(cancel.body, /<soap:Code><soap:Value>soap:Receiver<\/soap:Value><\/soap:Code><soap:Reason><soap:Text xml:lang="en">/);
    assert.equal(cancel.fault?.message, 'Server was unable to process request. ---> The order is not available for cancellation');
  });

  it('refuses an unknown SOAPAction, a body that does not match it, a wrong envelope and a wrong content type as ASMX does', async () => {
    const unknown = await callSoap(sim.url, 'ImportDocument', [['xml', acme()]], { soapAction: 'http://tempuri.org/ImportDocument' });
    assert.equal(unknown.status, 500);
    assert.deepEqual(unknown.fault, { code: 'soap:Client', message: 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/ImportDocument.' });
    const missing = await callSoap(sim.url, 'ImportDocument', [['xml', acme()]], { soapAction: null });
    assert.match(missing.fault?.message ?? '', /^Server did not recognize the value of HTTP Header SOAPAction: \.$/);
    const mismatch = await callSoap(sim.url, 'ImportDocument', [['xml', acme()]], { soapAction: `${SERVICE_NS}CancelOrder` });
    assert.equal(mismatch.fault?.code, 'soap:Client');
    assert.match(mismatch.fault?.message ?? '', /^Server was unable to read request\..*<ImportDocument xmlns='http:\/\/www\.proactis\.com\/webservices\/'> was not expected\.$/);
    const v12in11 = await callSoap(sim.url, 'ImportDocument', [], { rawBody: '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>' });
    assert.equal(v12in11.fault?.code, 'soap:VersionMismatch');
    const json = await callSoap(sim.url, 'ImportDocument', [['xml', acme()]], { contentType: 'application/json' });
    assert.equal(json.status, 415);
    const broken = await callSoap(sim.url, 'ImportDocument', [], { rawBody: '<soap:Envelope' });
    assert.equal(broken.fault?.code, 'soap:Client');
    assert.match(broken.fault?.message ?? '', /^Server was unable to read request\./);
  });

  it('answers a blank result for an import that is not XML (the documented "XML returned by the gateway is blank")', async () => {
    for (const xml of ['not xml at all', '<pro:Import xmlns:pro="http://www.proactis.com/xml/xml-ns">', '']) {
      const { answer } = await importXml(sim.url, xml);
      assert.equal(answer.status, 200);
      assert.equal(answer.result, '', JSON.stringify(xml));
    }
  });

  it('refuses a document with a DTD (no entity is ever expanded)', async () => {
    const { answer } = await importXml(sim.url, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${acme().replace(/^<\?xml[^>]*>/, '')}`);
    assert.equal(answer.result, '');
  });

  it('serves the WSDL with the three documented web methods and the help page', async () => {
    const res = await fetch(`${sim.url}?WSDL`);
    assert.equal(res.status, 200);
    const wsdl = await res.text();
    assert.match(wsdl, new RegExp(`targetNamespace="${SERVICE_NS}"`));
    for (const m of ['ImportDocument', 'CancelOrder', 'CancelOrderByGUID']) assert.match(wsdl, new RegExp(`soapAction="${SERVICE_NS}${m}"`));
    // CancelOrder's arguments as cancelPurhaseOrderGateway.md lists them, in order.
    assert.match(wsdl, /name="ControlXML".*name="TemplateLabel".*name="OrderNumber" type="s:int".*name="DisplayNumber".*name="CancellationReason".*name="Comments"/);
    assert.match(await (await fetch(sim.url.toLowerCase())).text(), /The following operations are supported/);
    assert.equal((await fetch(sim.url.replace('XMLGateway.asmx', 'Other.asmx'))).status, 404);
  });

  it('logs every request', async () => {
    const before = sim.requests.length;
    await importXml(sim.url, acme());
    await fetch(`${sim.url}?WSDL`);
    assert.equal(sim.requests.length, before + 2);
  });
});
