/**
 * The JSON-RPC 2.0 codec through the JSON-RPC transport: the request envelope, a result, an
 * error member handed to the connector's classifier, a success without `result` (as Odoo sends
 * for a method that returned nothing) and a body that is no JSON-RPC 2.0 envelope.
 */
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../../src/kit/http.js';
import { JsonRpcTransport, jsonRpc2Codec } from '../../src/kit/transports/json-rpc.js';
import { SystemFailure } from '../../src/kit/failure.js';

describe('JSON-RPC 2.0 codec', () => {
  let server: Server;
  let url: string;
  const seen: unknown[] = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const call = JSON.parse(body) as { id: number; params: { answer: string } };
        seen.push(call);
        const answers: Record<string, unknown> = {
          result: { jsonrpc: '2.0', id: call.id, result: [1, 2] },
          none: { jsonrpc: '2.0', id: call.id },
          error: { jsonrpc: '2.0', id: call.id, error: { code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.UserError' } } },
          v1: { id: call.id, result: 1 },
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answers[call.params.answer]));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jsonrpc`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const transport = () =>
    new JsonRpcTransport({
      http: new HttpClient({ sleep: async () => {} }),
      url,
      codec: jsonRpc2Codec,
      classifyError: (error) => new SystemFailure('config', { code: 'rejected_by_system', message: 'refused', systemMessage: JSON.stringify(error) }),
    });

  it('sends a JSON-RPC 2.0 request and reads the result', async () => {
    assert.deepEqual(await transport().call('call', { answer: 'result' }, { idempotent: true }), [1, 2]);
    assert.deepEqual(seen.at(-1), { jsonrpc: '2.0', method: 'call', params: { answer: 'result' }, id: 1 });
  });

  it('reads a success without result as null', async () => {
    assert.equal(await transport().call('call', { answer: 'none' }, { idempotent: false }), null);
  });

  it('hands an error member to the classifier', async () => {
    await assert.rejects(transport().call('call', { answer: 'error' }, { idempotent: true }), (err: unknown) => {
      assert.ok(err instanceof SystemFailure);
      assert.equal(err.code, 'rejected_by_system');
      assert.match(err.systemMessage ?? '', /UserError/);
      return true;
    });
  });

  it('refuses a body without "jsonrpc": "2.0" as not an envelope', async () => {
    await assert.rejects(transport().call('call', { answer: 'v1' }, { idempotent: true }), (err: unknown) => err instanceof SystemFailure && err.code === 'system_error');
  });
});
