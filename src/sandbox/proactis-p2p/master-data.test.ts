/**
 * Master data through ImportDocument, against masterData.md's examples and rules: the supplier
 * examples are echoed with Status="OK" and stored field by field; STORE is an upsert, REMOVE
 * deletes; the mandatory attributes, lengths, branch tags, grades, currencies and the "one or
 * more branches" rule refuse a supplier with Status="FAILED" and the error next to the node.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisP2p, type P2pSimulator } from './sandbox.js';
import { errorsOf, example, find, importXml, sandboxControl, withControl } from './gateway.test-support.js';
import { elements, parseXml, serialize } from './xml.js';

describe('PROACTIS P2P simulator: master data', () => {
  let sim: P2pSimulator;
  before(async () => {
    sim = await startProactisP2p({ suppliers: 5, orders: 5 });
  });
  after(() => sim?.stop());

  const supplierDoc = (body: string) => `<?xml version="1.0"?><pro:Import xmlns:pro="http://www.proactis.com/xml/xml-ns">${sandboxControl()}<pro:Suppliers>${body}</pro:Suppliers></pro:Import>`;
  const minimal = (code: string, extra = '', company = '<pro:CompanySupplier SupplierGrade="Standard" CurrencyCode="GBP" DefaultInvoiceBranchTag="default" DefaultOrderBranchTag="default"/>') =>
    `<pro:Supplier Code="${code}" Title="Supplier ${code}" SalesTaxCountry="UK"${extra}><pro:SupplierBranches><pro:SupplierBranch ACTION="STORE" Tag="default" Title="Head office"/></pro:SupplierBranches>${company}</pro:Supplier>`;

  it('the §11.3 upsert comes back as the same document with Status="OK" added on the supplier', async () => {
    const sent = example('supplier-acme.xml').replace('Password="secret"', 'Password="mysecret"');
    const { root } = await importXml(sim.url, sent);
    const expected = parseXml(sent);
    assert.ok(expected.ok);
    find(expected.root, 'Supplier')!.attrs.Status = 'OK';
    assert.equal(serialize(root!), serialize(expected.root));
  });

  it('stores masterData.md\'s BOB001 example field by field', async () => {
    const { answer, root } = await importXml(sim.url, example('supplier-bob.xml'));
    assert.equal(answer.status, 200, answer.body);
    assert.equal(find(root, 'Supplier')?.attrs.Status, 'OK');
    const bob = sim.database.suppliers.get('BOB001')!;
    assert.equal(bob.attrs.Title, "Bob's Cleaning Company");
    assert.equal(bob.attrs.DUNSNumber, '123456789');
    const branch = bob.branches.get('default')!;
    assert.deepEqual([branch.attrs.AddressLine1, branch.attrs.PostCode, branch.attrs.PostTown, branch.attrs.OutputType], ['82 Roman Rd', 'HU14 6JB', 'HULL', 'email']);
    assert.deepEqual(branch.contacts.get('bob')?.attrs.Name, 'Bob Higgins');
    const main = bob.companies.get('MAIN')!;
    assert.deepEqual([main.attrs.SupplierGrade, main.attrs.CurrencyCode, main.attrs.InvoiceTray, main.attrs.AccountingElement3], ['Standard', 'GBP', 'Invoices', '00020']);
    assert.deepEqual([...main.groups].sort(), ['Facilities', 'Facilities-Yorkshire']);
  });

  it('STORE updates what it names and keeps the rest; REMOVE deletes a contact, a branch or the company record', async () => {
    await importXml(sim.url, supplierDoc(minimal('UPD01')));
    await importXml(sim.url, supplierDoc(`<pro:Supplier Code="UPD01" Title="Renamed Ltd" SalesTaxCountry="UK"><pro:SupplierBranches><pro:SupplierBranch Tag="depot" Title="Depot"><pro:SupplierBranchContacts><pro:SupplierBranchContact Tag="ann" Name="Ann"/></pro:SupplierBranchContacts></pro:SupplierBranch></pro:SupplierBranches></pro:Supplier>`));
    const s = sim.database.suppliers.get('UPD01')!;
    assert.equal(s.attrs.Title, 'Renamed Ltd');
    assert.deepEqual([...s.branches.keys()], ['default', 'depot']);
    assert.equal(s.companies.get('MAIN')?.attrs.SupplierGrade, 'Standard', 'the company record is kept');
    const removed = await importXml(sim.url, supplierDoc(`<pro:Supplier Code="UPD01" Title="Renamed Ltd" SalesTaxCountry="UK"><pro:SupplierBranches><pro:SupplierBranch ACTION="REMOVE" Tag="depot"/></pro:SupplierBranches><pro:CompanySupplier ACTION="REMOVE"/></pro:Supplier>`));
    assert.equal(find(removed.root, 'Supplier')?.attrs.Status, 'OK');
    const after = sim.database.suppliers.get('UPD01')!;
    assert.deepEqual([...after.branches.keys()], ['default']);
    assert.equal(after.companies.has('MAIN'), false);
    // Back into the company only with a full company supplier record.
    const bare = await importXml(sim.url, supplierDoc('<pro:Supplier Code="UPD01" Title="Renamed Ltd" SalesTaxCountry="UK"/>'));
    assert.match(errorsOf(find(bare.root, 'Supplier'))[0]!.Message!, /has no company supplier record for company 'MAIN'/);
  });

  it('refuses a supplier whole, with the error next to the node it concerns', async () => {
    const cases: [string, string, RegExp][] = [
      [minimal('BAD01', '', '<pro:CompanySupplier SupplierGrade="Gold" CurrencyCode="GBP" DefaultInvoiceBranchTag="default" DefaultOrderBranchTag="default"/>'), 'CompanySupplier', /supplier grade 'Gold' does not exist/],
      [minimal('BAD02', '', '<pro:CompanySupplier SupplierGrade="Standard" CurrencyCode="XXX" DefaultInvoiceBranchTag="default" DefaultOrderBranchTag="default"/>'), 'CompanySupplier', /currency 'XXX' does not exist/],
      [minimal('BAD03', '', '<pro:CompanySupplier SupplierGrade="Standard" CurrencyCode="GBP" DefaultInvoiceBranchTag="head" DefaultOrderBranchTag="default"/>'), 'CompanySupplier', /DefaultInvoiceBranchTag 'head' does not match a branch/],
      [minimal('BAD04', '', '<pro:CompanySupplier CurrencyCode="GBP" DefaultInvoiceBranchTag="default" DefaultOrderBranchTag="default"/>'), 'CompanySupplier', /required attribute 'SupplierGrade' is missing/],
      [minimal('BAD05', ' DUNSNumber="12345"'), 'Supplier', /must be nine numbers/],
      [minimal('BAD06').replace('SalesTaxCountry="UK"', 'SalesTaxCountry="GB"'), 'Supplier', /sales tax country 'GB' is not a valid country code/],
      [minimal('BAD07').replace('Title="Supplier BAD07"', `Title="${'x'.repeat(51)}"`), 'Supplier', /longer than 50 characters/],
      [minimal('BAD08').replace(' Title="Supplier BAD08"', ''), 'Supplier', /required attribute 'Title' is missing/],
      [minimal('BAD09', ' ACTION="REMOVE"'), 'Supplier', /'ACTION' attribute is not declared on element 'Supplier'/],
      [minimal('BAD10').replace('Title="Head office"', 'Title="Head office" OutputType="Telex"'), 'SupplierBranch', /output type 'Telex' is not valid/],
      [minimal('BAD11').replace('<pro:SupplierBranch ACTION="STORE" Tag="default" Title="Head office"/>', ''), 'Supplier', /must have at least one branch/],
    ];
    for (const [xml, node, message] of cases) {
      const { root } = await importXml(sim.url, supplierDoc(xml));
      const supplier = find(root, 'Supplier')!;
      assert.equal(supplier.attrs.Status, 'FAILED', xml);
      const errors = errorsOf(find(supplier, node));
      assert.ok(errors.some((e) => message.test(e.Message!)), `${node}: ${JSON.stringify(errors)}`);
      assert.equal(sim.database.suppliers.has(supplier.attrs.Code!), false, `${supplier.attrs.Code} is not stored`);
    }
  });

  it('exchange rates, nominal groups and nominal group entries as their quick starts show', async () => {
    for (const name of ['exchange-rate.xml', 'nominal-group.xml', 'nominal-group-entry.xml']) {
      const { answer, root } = await importXml(sim.url, example(name));
      assert.equal(answer.status, 200, `${name}: ${answer.fault?.message}`);
      const doc = elements(root!)[1]!;
      assert.deepEqual(elements(doc).map((e) => e.attrs.Status), ['OK'], name);
    }
    assert.deepEqual(sim.company.exchangeRates.get('Euro\u00002018-11-27'), { currencyCode: 'Euro', dateEffectiveFrom: '2018-11-27', rate: '0.6' });
    assert.equal(sim.company.nominalGroups.get('3_DEPT')?.Description, 'Department');
    assert.equal(sim.company.nominalEntries.get('3_DEPT\u000000020')?.NominalSubGroup, '4_COSTCENTRE');
    // An entry of a group that does not exist; a rate for a currency the company does not have.
    const bad = withControl(example('nominal-group-entry.xml'), sandboxControl()).replace('NominalGroup="3_DEPT"', 'NominalGroup="9_NONE"');
    assert.match(errorsOf(find((await importXml(sim.url, bad)).root, 'NominalGroupEntry'))[0]!.Message!, /nominal group '9_NONE' does not exist/);
    const rate = withControl(example('exchange-rate.xml'), sandboxControl()).replace('CurrencyCode="Euro"', 'CurrencyCode="YEN"');
    assert.equal(find((await importXml(sim.url, rate)).root, 'ExchangeRate')?.attrs.Status, 'FAILED');
  });
});
