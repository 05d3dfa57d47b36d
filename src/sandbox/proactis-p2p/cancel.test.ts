/**
 * CancelOrder and CancelOrderByGUID as cancelPurhaseOrderGateway.md describes them: the
 * AuthenticateUser control XML, an order named by display number (which wins over template and
 * number), by template and number, or by GUID, a required reason, and the documented fault "The
 * order is not available for cancellation" for an order that does not exist or cannot be
 * cancelled (a fully invoiced one).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisP2p, type P2pSimulator } from './sandbox.js';
import { callSoap, example, sandboxControl } from './gateway.test-support.js';
import type { OrderRec } from './data.js';

const NOT_AVAILABLE = 'Server was unable to process request. ---> The order is not available for cancellation';

describe('PROACTIS P2P simulator: cancelling orders', () => {
  let sim: P2pSimulator;
  before(async () => {
    sim = await startProactisP2p({ suppliers: 10, orders: 40 });
  });
  after(() => sim?.stop());

  const control = (attrs: Record<string, string> = {}) => `<?xml version="1.0"?><pro:AuthenticateUser xmlns:pro="http://www.proactis.com/xml/xml-ns">${sandboxControl(attrs)}</pro:AuthenticateUser>`;
  const cancel = (args: Record<string, string>, controlXml = control()) =>
    callSoap(sim.url, 'CancelOrder', [['ControlXML', controlXml], ...(['TemplateLabel', 'OrderNumber', 'DisplayNumber', 'CancellationReason', 'Comments'].filter((k) => k in args).map((k) => [k, args[k]!] as [string, string]))]);
  const orders = (state: OrderRec['state']) => [...sim.company.orders.values()].filter((o) => o.state === state);

  it('cancels by display number with the documentation\'s control XML (void answer), then no longer', async () => {
    const docs = sim.data.databases.get('PROACTIS')!.companies.get('MAIN')!;
    const res = await cancel({ DisplayNumber: 'GENERIC15', CancellationReason: 'Duplicate order', Comments: 'Raised twice' }, example('cancel-control.xml'));
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /<CancelOrderResponse xmlns="http:\/\/www\.proactis\.com\/webservices\/" \/>/);
    const order = docs.orders.get('GENERIC15')!;
    assert.deepEqual([order.state, order.cancellation], ['Cancelled', { reason: 'Duplicate order', comments: 'Raised twice', by: 'DAVIDBETTERIDGE' }]);
    const again = await cancel({ DisplayNumber: 'GENERIC15', CancellationReason: 'Duplicate order' }, example('cancel-control.xml'));
    assert.equal(again.status, 500);
    assert.deepEqual(again.fault, { code: 'soap:Server', message: NOT_AVAILABLE });
  });

  it('names the order by template and number; a display number wins over both', async () => {
    const [a, b] = orders('Sent');
    assert.ok(a && b);
    const first = await cancel({ TemplateLabel: a.template, OrderNumber: String(a.orderNumber), CancellationReason: 'No longer required' });
    assert.equal(first.status, 200, first.body);
    assert.equal(a.state, 'Cancelled');
    // "If the DisplayNumber is supplied, then the TemplateLabel and OrderNumber are ignored."
    const res = await cancel({ TemplateLabel: 'PORD', OrderNumber: '1', DisplayNumber: b.displayNumber, CancellationReason: 'No longer required' });
    assert.equal(res.status, 200, res.body);
    assert.equal(b.state, 'Cancelled');
  });

  it('answers the documented fault for a fully invoiced order and for one that does not exist', async () => {
    const invoiced = orders('Fully Invoiced')[0] ?? Object.assign(orders('Sent')[0]!, { state: 'Fully Invoiced' as const });
    for (const displayNumber of [invoiced.displayNumber, 'PORD99999']) {
      const res = await cancel({ DisplayNumber: displayNumber, CancellationReason: 'No longer required' });
      assert.equal(res.status, 500);
      assert.deepEqual(res.fault, { code: 'soap:Server', message: NOT_AVAILABLE });
    }
    assert.equal(invoiced.state, 'Fully Invoiced');
  });

  it('cancels by GUID, and refuses a value that is not a GUID before the method runs', async () => {
    const order = orders('Sent')[0]!;
    const res = await callSoap(sim.url, 'CancelOrderByGUID', [['ControlXML', control()], ['OrderGUID', order.guid.toUpperCase()], ['CancellationReason', 'Price changed'], ['Comments', '']]);
    assert.equal(res.status, 200, res.body);
    assert.equal(order.state, 'Cancelled');
    const bad = await callSoap(sim.url, 'CancelOrderByGUID', [['ControlXML', control()], ['OrderGUID', 'PORD10001'], ['CancellationReason', 'Price changed'], ['Comments', '']]);
    assert.equal(bad.fault?.code, 'soap:Client');
    assert.match(bad.fault!.message, /^Server was unable to read request\..*not a valid Guid/);
  });

  it('needs a reason from the list and a valid control block (user in the DataImport role)', async () => {
    const order = orders('Sent')[0]!;
    const noReason = await cancel({ DisplayNumber: order.displayNumber });
    assert.match(noReason.fault!.message, /A cancellation reason must be supplied/);
    const unknown = await cancel({ DisplayNumber: order.displayNumber, CancellationReason: 'Because' });
    assert.match(unknown.fault!.message, /The cancellation reason 'Because' is not defined/);
    const wrong = await cancel({ DisplayNumber: order.displayNumber, CancellationReason: 'No longer required' }, control({ Password: 'nope' }));
    assert.equal(wrong.fault?.message, 'Server was unable to process request. ---> Logon failed. The user name or password is incorrect.');
    const clerk = await cancel({ DisplayNumber: order.displayNumber, CancellationReason: 'No longer required' }, control({ UserName: sim.noImportRole.username, Password: sim.noImportRole.password }));
    assert.match(clerk.fault!.message, /not a member of the DataImport role/);
    const importRoot = await cancel({ DisplayNumber: order.displayNumber, CancellationReason: 'No longer required' }, control().replace(/AuthenticateUser/g, 'Import'));
    assert.match(importRoot.fault!.message, /root element must be \{http:\/\/www\.proactis\.com\/xml\/xml-ns\}AuthenticateUser/);
    const badNumber = await cancel({ TemplateLabel: 'PORD', OrderNumber: 'ten', CancellationReason: 'No longer required' });
    assert.equal(badNumber.fault?.code, 'soap:Client');
    assert.equal(order.state, 'Sent');
  });
});
