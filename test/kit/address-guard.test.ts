/**
 * The instance URL guard. Every refusal must happen before a socket is opened: the agent is
 * given a resolver and a connector that record every attempt, and the "public" host is answered
 * by a loopback server through that recording connector — no packet leaves this machine even if
 * the guard is broken.
 */
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { classifyAddress } from '../../src/kit/address-policy.js';
import { guardedAgent, type Resolve } from '../../src/kit/guarded-agent.js';
import { HttpClient } from '../../src/kit/http.js';
import { SystemFailure } from '../../src/kit/failure.js';

describe('address classification', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['::1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['fd12::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'], ['::', 'reserved'], ['224.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['192.0.2.1', 'reserved'],
    ['::ffff:10.0.0.1', 'private'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:169.254.169.254', 'link-local'],
    ['93.184.216.34', 'public'], ['172.32.0.1', 'public'], ['2606:4700::1111', 'public'], ['8.8.8.8', 'public'],
  ];
  for (const [address, kind] of cases) it(`${address} is ${kind}`, () => assert.equal(classifyAddress(address), kind));
});

describe('guarded outbound calls', () => {
  let server: Server;
  let local: AddressInfo;
  const sockets: string[] = [];
  const lookups: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://10.0.0.1/internal' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ host: req.headers.host }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    local = server.address() as AddressInfo;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const resolve: Resolve = async (host) => {
    lookups.push(host);
    const table: Record<string, string> = { 'rebind.test': '127.0.0.1', 'erp.example.com': '93.184.216.34', 'mixed.test': '93.184.216.35' };
    if (host === 'mixed.test') return [{ address: '93.184.216.35', family: 4 }, { address: '10.1.2.3', family: 4 }];
    const address = table[host];
    return address ? [{ address, family: 4 }] : [];
  };

  // Records the address the guard pinned, then reaches the loopback test server instead: the test
  // proves which address would be used without ever sending a packet to it.
  const recordingConnect = ((opts: { hostname: string; port: string }, cb: (err: Error | null, socket: unknown) => void) => {
    sockets.push(`${opts.hostname}:${opts.port}`);
    const socket = netConnect({ host: '127.0.0.1', port: local.port }, () => cb(null, socket));
    socket.on('error', (err) => cb(err, null));
  }) as never;

  function client(allowedOrigins: string[] = []) {
    const agent = guardedAgent({ allowPrivateNetworks: false, allowedOrigins: new Set(allowedOrigins) }, { resolve, connect: recordingConnect });
    return new HttpClient({ dispatcher: agent, policy: { maxAttempts: 3 }, sleep: async () => {} });
  }

  for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::1]/', 'http://rebind.test/', 'http://mixed.test/', 'http://0.0.0.0/', 'http://unknown.test/']) {
    it(`refuses ${url} before any socket is opened`, async () => {
      sockets.length = 0;
      await assert.rejects(client().send({ method: 'GET', url, idempotent: true }), (err: unknown) => {
        assert.ok(err instanceof SystemFailure);
        assert.equal(err.code, 'instance_url_not_allowed');
        assert.equal(err.failureClass, 'config');
        return true;
      });
      assert.deepEqual(sockets, [], 'no connection attempt');
    });
  }

  it('lets a hostname resolving to a public address through, pinned to the address it checked', async () => {
    sockets.length = 0;
    const res = await client().send({ method: 'GET', url: 'http://erp.example.com:8069/web', idempotent: true });
    assert.equal(res.status, 200);
    assert.deepEqual(sockets, ['93.184.216.34:8069']);
    assert.equal(JSON.parse(res.text).host, 'erp.example.com:8069', 'the Host header keeps the name');
  });

  it('always allows the origins it is told to (the sandbox)', async () => {
    sockets.length = 0;
    const res = await client([`127.0.0.1:${local.port}`]).send({ method: 'GET', url: `http://127.0.0.1:${local.port}/ok`, idempotent: true });
    assert.equal(res.status, 200);
    await assert.rejects(client([`127.0.0.1:${local.port + 1}`]).send({ method: 'GET', url: `http://127.0.0.1:${local.port}/ok`, idempotent: true }));
  });

  it('refuses a redirect to a private address', async () => {
    sockets.length = 0;
    await assert.rejects(
      client([`127.0.0.1:${local.port}`]).send({ method: 'GET', url: `http://127.0.0.1:${local.port}/redirect`, idempotent: true, followRedirects: true }),
      (err: unknown) => err instanceof SystemFailure && err.code === 'instance_url_not_allowed',
    );
    assert.deepEqual(sockets, [`127.0.0.1:${local.port}`], 'only the allowed origin was connected');
  });
});
