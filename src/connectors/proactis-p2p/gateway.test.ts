/**
 * The gateway client's reading of answers the simulator does not give on demand: a blank
 * ImportDocumentResult (the documented "XML returned by the gateway is blank"), a web server
 * page instead of the gateway, Windows sign-in in front of it, a server error; and the service
 * namespace taken from the WSDL. A stub HTTP server on loopback plays the gateway.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SystemFailure } from '../../kit/failure.js';
import { HttpClient } from '../../kit/http.js';
import { GatewayClient } from './gateway.js';
import { gatewayUrlOf, readCredentials } from './credentials.js';
import { escapeXml } from './xml.js';

type Reply = { status: number; type: string; body: string };

describe('PROACTIS P2P gateway client', () => {
  let server: Server;
  let base: string;
  let reply: Reply;
  let wsdl: Reply;
  const seen: { action?: string; body: string }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const r = req.method === 'GET' ? wsdl : reply;
        if (req.method === 'POST') seen.push({ action: req.headers.soapaction as string | undefined, body });
        res.writeHead(r.status, { 'content-type': r.type }).end(r.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const client = () => new GatewayClient(readCredentials({ gatewayUrl: base, database: 'DB', company: 'MAIN', username: 'IMPORT', password: 'pw<&>"' }), new HttpClient({ policy: { maxAttempts: 1 } }));
  const soap = (inner: string): Reply => ({ status: 200, type: 'text/xml; charset=utf-8', body: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>` });
  const fails = (code: string, cls: string, message: RegExp) => (err: unknown) => {
    assert.ok(err instanceof SystemFailure, String(err));
    assert.deepEqual([err.code, err.failureClass], [code, cls]);
    assert.match(err.message, message);
    return true;
  };

  it('reads the service namespace from the WSDL and sends the password escaped inside the control block', async () => {
    wsdl = { status: 200, type: 'text/xml', body: '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:customer:gateway/">' };
    reply = soap(`<ImportDocumentResponse xmlns="urn:customer:gateway/"><ImportDocumentResult>${escapeXml('<?xml version="1.0"?><pro:Import xmlns:pro="http://www.proactis.com/xml/xml-ns"><pro:Control Database="DB"/></pro:Import>')}</ImportDocumentResult></ImportDocumentResponse>`);
    const answer = await client().importDocuments('', 'the login check');
    assert.deepEqual(answer, {});
    const sent = seen.at(-1)!;
    assert.equal(sent.action, '"urn:customer:gateway/ImportDocument"');
    assert.match(sent.body, /<ImportDocument xmlns="urn:customer:gateway\/"><xml>/);
    // The document travels as text inside <xml>, so its own escaping is escaped once more.
    assert.match(sent.body, /Password=&quot;pw&amp;lt;&amp;amp;&amp;gt;&amp;quot;&quot;/);
  });

  it('a blank result is a system error that says where to look', async () => {
    wsdl = { status: 404, type: 'text/html', body: 'no wsdl' };
    reply = soap('<ImportDocumentResponse xmlns="http://www.proactis.com/webservices/"><ImportDocumentResult /></ImportDocumentResponse>');
    await assert.rejects(client().importDocuments('', 'the login check'), fails('system_error', 'system', /blank document.*Windows event log/));
    assert.equal(seen.at(-1)!.action, '"http://www.proactis.com/webservices/ImportDocument"', 'without a WSDL, the default namespace');
  });

  it('a web page instead of the gateway, Windows sign-in, and a server error are told apart', async () => {
    reply = { status: 404, type: 'text/html', body: '<html>404 - File or directory not found.</html>' };
    await assert.rejects(client().importDocuments('', 'x'), fails('invalid_credentials', 'config', /No PROACTIS XML gateway answered at .*XMLGateway\.asmx/));
    reply = { status: 401, type: 'text/html', body: 'Unauthorized' };
    await assert.rejects(client().importDocuments('', 'x'), fails('invalid_credentials', 'config', /without Windows sign-in/));
    reply = { status: 503, type: 'text/html', body: 'Service Unavailable' };
    await assert.rejects(client().importDocuments('', 'x'), fails('system_error', 'transient', /HTTP 503/));
    reply = { ...soap('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; Object reference not set to an instance of an object.</faultstring><detail /></soap:Fault>'), status: 500 };
    await assert.rejects(client().importDocuments('', 'x'), fails('system_error', 'system', /failed while importing x: Object reference not set/));
  });

  it('takes a site address or the gateway address', () => {
    assert.equal(gatewayUrlOf('https://p2p.example.com/PROACTIS/'), 'https://p2p.example.com/PROACTIS/XMLGateway.asmx');
    assert.equal(gatewayUrlOf('https://p2p.example.com'), 'https://p2p.example.com/XMLGateway.asmx');
    assert.equal(gatewayUrlOf('https://p2p.example.com/PROACTIS/xmlgateway.asmx?WSDL'), 'https://p2p.example.com/PROACTIS/xmlgateway.asmx');
  });
});
