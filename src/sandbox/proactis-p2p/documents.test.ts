/**
 * Acceptances, purchase invoices and credit notes against their pages' worked examples and rules:
 * Status="OK" with a DocumentNumber when imported and matched, FAILED when an order, item or
 * reference does not match, REGISTERED when an invoice can only be registered; the simulator's
 * orders show the receipts and invoices.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisP2p, type P2pSimulator } from './sandbox.js';
import { errorsOf, example, find, importXml, sandboxControl, withControl } from './gateway.test-support.js';
import type { CompanyRec } from './data.js';

describe('PROACTIS P2P simulator: acceptances, invoices, credit notes', () => {
  let sim: P2pSimulator;
  let docs: CompanyRec;
  before(async () => {
    sim = await startProactisP2p({ suppliers: 10, orders: 20 });
    docs = sim.data.databases.get('PROACTIS')!.companies.get('MAIN')!;
  });
  after(() => sim?.stop());

  it('imports the acceptance example against order GENERIC 15, then receipts the rest of the order in full', async () => {
    const { root } = await importXml(sim.url, example('acceptance.xml'));
    const acc = find(root, 'Acceptance')!;
    assert.deepEqual([acc.attrs.Status, acc.attrs.DocumentNumber], ['OK', 'ACC10001']);
    const order = docs.orders.get('GENERIC15')!;
    assert.deepEqual([order.items[0]!.received, order.state], [1, 'Part Received']);
    assert.deepEqual(docs.acceptances.at(-1), { documentNumber: 'ACC10001', template: 'ACC', dateReceived: '2006-01-01', acceptedAt: 'MAIN', deliveryNote: 'Delivery11', supplierCode: '510632', lines: [{ order: 'GENERIC15', position: 1, code: '0300', quantity: 1, value: 0, condition: 'OK' }] });
    const full = await importXml(sim.url, example('acceptance-full-order.xml'));
    assert.equal(find(full.root, 'Acceptance')?.attrs.Status, 'OK');
    assert.deepEqual([order.items[0]!.received, order.state], [5, 'Fully Received']);
    // The same delivery note again for this supplier is refused (the company enforces uniqueness).
    const again = await importXml(sim.url, example('acceptance.xml'));
    assert.equal(find(again.root, 'Acceptance')?.attrs.Status, 'FAILED');
    assert.match(errorsOf(find(again.root, 'Acceptance'))[0]!.Message!, /delivery note 'Delivery11' has already been used/);
  });

  it('refuses an acceptance of an unknown order, an unknown item or a cancelled order, next to the node', async () => {
    const base = withControl(example('acceptance.xml'), sandboxControl()).replace(/SupplierDeliveryNote="[^"]*"/, 'SupplierDeliveryNote="DN-X"');
    const [open, cancelled] = [...sim.company.orders.values()].filter((o) => o.state === 'Sent');
    assert.ok(open && cancelled);
    // Cancelled in P2P itself (the handle's data may be changed like the system's).
    cancelled.state = 'Cancelled';
    const byDisplay = (n: string) => base.replace("SelectUsingTemplate='GENERIC' SelectUsingOrderNo='15'", `SelectUsingDisplayNo='${n}'`);
    const cases: [string, string, RegExp][] = [
      [byDisplay('PORD99999'), 'Order', /The order 'PORD99999' could not be found\./],
      [byDisplay(open.displayNumber).replace("SelectUsingCode='0300'", "SelectUsingCode='NOPE'"), 'Item', new RegExp(`The item 'NOPE' could not be found on order '${open.displayNumber}'`)],
      [byDisplay(cancelled.displayNumber), 'Order', /is Cancelled and is not available for receipting/],
      [base.replace('Template="ACC"', 'Template="PINV"'), 'Acceptance', /The template 'PINV' is not an acceptance template/],
      [base.replace('Condition="OK"', 'Condition="Wet"'), 'Condition', /delivery condition 'Wet' does not exist/],
    ];
    for (const [xml, node, message] of cases) {
      const { root } = await importXml(sim.url, xml);
      assert.equal(find(root, 'Acceptance')?.attrs.Status, 'FAILED', xml);
      assert.equal(find(root, 'Acceptance')?.attrs.DocumentNumber, undefined);
      assert.ok(errorsOf(find(root, node)).some((e) => message.test(e.Message!)), `${node}: ${JSON.stringify(errorsOf(find(root, node)))}`);
    }
    assert.equal(open.items.every((i) => i.received === 0), true, 'nothing was receipted');
  });

  it('imports the order-based invoice example, matched to PORD10034, and refuses the same supplier invoice number again', async () => {
    const { root } = await importXml(sim.url, example('invoice-order.xml'));
    const inv = find(root, 'Invoice')!;
    assert.deepEqual([inv.attrs.Status, inv.attrs.DocumentNumber], ['OK', 'PINV10100']);
    const order = docs.orders.get('PORD10034')!;
    assert.deepEqual(order.items.map((i) => i.invoiced), [1, 2]);
    assert.equal(order.state, 'Part Invoiced');
    // The standalone example reuses PR-234 for the same supplier: "The supplier invoice number must unique for this supplier".
    const standalone = await importXml(sim.url, example('invoice-standalone.xml'));
    assert.equal(find(standalone.root, 'Invoice')?.attrs.Status, 'FAILED');
    assert.match(errorsOf(find(standalone.root, 'Invoice'))[0]!.Message!, /'PR-234' has already been used for supplier '510632'/);
    const renumbered = await importXml(sim.url, example('invoice-standalone.xml').replace('SupplierInvoiceNumber="PR-234"', 'SupplierInvoiceNumber="PR-235"'));
    assert.deepEqual([find(renumbered.root, 'Invoice')?.attrs.Status, find(renumbered.root, 'Invoice')?.attrs.DocumentNumber], ['OK', 'PINV10101']);
  });

  it('FAILED for an unmatched order or a missing tax code; REGISTERED for item problems and for no parent orders', async () => {
    const base = withControl(example('invoice-order.xml'), sandboxControl());
    const order = [...sim.company.orders.values()].find((o) => o.state === 'Sent' && o.items.length >= 2 && o.items.every((i) => i.kind === 'goods'))!;
    const forOrder = (n: string, number: string) => base.replace("OrderNumber='PORD10034'", `OrderNumber='${n}'`).replace("SupplierInvoiceNumber='PR-234'", `SupplierInvoiceNumber='${number}'`).replace("Supplier='510632'", `Supplier='${order.supplierCode}'`).replace("<pro:Item    Position='1'   Value='1'/>", '').replace("Code='ABC.XYZ'", `Code='${order.items[1]!.nominals[0]!.coding}'`);
    const status = async (xml: string) => find((await importXml(sim.url, xml)).root, 'Invoice');
    const unmatched = await status(forOrder('PORD99999', 'X-1'));
    assert.equal(unmatched?.attrs.Status, 'FAILED');
    assert.match(errorsOf(find(unmatched, 'ParentOrder'))[0]!.Message!, /The order 'PORD99999' could not be found/);
    const noTax = await status(forOrder(order.displayNumber, 'X-2').replace(/<pro:TaxDetails>[\s\S]*<\/pro:TaxDetails>/, ''));
    assert.equal(noTax?.attrs.Status, 'FAILED');
    assert.match(errorsOf(noTax)[0]!.Message!, /You must have at least one tax code/);
    const wrongItem = await status(forOrder(order.displayNumber, 'X-3').replace("Position='2'", "Position='9'"));
    assert.equal(wrongItem?.attrs.Status, 'REGISTERED');
    assert.match(errorsOf(find(wrongItem, 'Item'))[0]!.Message!, /no item at position 9/);
    assert.ok(wrongItem?.attrs.DocumentNumber);
    const tooMany = await status(forOrder(order.displayNumber, 'X-4').replace("Quantity='1'>", `Quantity='${order.items[1]!.quantity + 1}'>`).replace(/<pro:Nominals>[\s\S]*?<\/pro:Nominals>/, ''));
    assert.equal(tooMany?.attrs.Status, 'REGISTERED');
    const noParents = await status(base.replace(/<pro:ParentOrders>[\s\S]*<\/pro:ParentOrders>/, '').replace("SupplierInvoiceNumber='PR-234'", "SupplierInvoiceNumber='X-5'"));
    assert.equal(noParents?.attrs.Status, 'REGISTERED');
    assert.deepEqual(order.items.map((i) => i.invoiced), order.items.map(() => 0), 'registered invoices match nothing');
    const ok = await status(forOrder(order.displayNumber, 'X-6'));
    assert.equal(ok?.attrs.Status, 'OK');
    assert.equal(order.items[1]!.invoiced, 1);
  });

  it('the credit note example: refused as printed (its control block names no company), imported with one', async () => {
    const demo = sim.data.databases.get('DEMO')!.companies.get('MAIN')!;
    const printed = await importXml(sim.url, example('credit-note.xml'));
    assert.match(errorsOf(find(printed.root, 'Control'))[0]!.Message!, /required attribute 'Company' is missing/);
    assert.equal(find(printed.root, 'CreditNote')?.attrs.Status, undefined);
    const withCompany = await importXml(sim.url, example('credit-note.xml').replace('Password="mypassword"', 'Password="mypassword" Company="MAIN"'));
    const cn = find(withCompany.root, 'CreditNote')!;
    assert.deepEqual([cn.attrs.Status, cn.attrs.DocumentNumber], ['OK', 'CRED10001']);
    assert.deepEqual(demo.creditNotes.at(-1)?.parents, ['PINV10034']);
    const unknown = await importXml(sim.url, example('credit-note.xml').replace('Password="mypassword"', 'Password="mypassword" Company="MAIN"').replace('PINV10034', 'PINV1').replace('CN-234', 'CN-235'));
    assert.equal(find(unknown.root, 'CreditNote')?.attrs.Status, 'FAILED');
  });
});
