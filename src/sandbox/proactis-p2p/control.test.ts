/**
 * The control block as masterData.md and the gateway pages document it: Database (or the older
 * DatabaseName), UserName/Password, Company, Version 1.0.0, AuthenticationMethod PROACTIS or
 * WINDOWS in upper case, the DataImport role, and ErrorHandlingMode EMBED (default), THROWERRORS,
 * THROWXML, THROWTEXT. A failed control block processes no document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisP2p, type P2pSimulator } from './sandbox.js';
import { errorsOf, example, find, importXml, sandboxControl, withControl } from './gateway.test-support.js';
import { elements, parseXml } from './xml.js';

describe('PROACTIS P2P simulator: control block', () => {
  let sim: P2pSimulator;
  before(async () => {
    sim = await startProactisP2p({ suppliers: 5, orders: 5 });
  });
  after(() => sim?.stop());

  const acme = (control: string) => withControl(example('supplier-acme.xml'), control);

  async function controlErrors(control: string): Promise<string[]> {
    const { answer, root } = await importXml(sim.url, acme(control));
    assert.equal(answer.status, 200, answer.body);
    // Nothing was processed: the supplier carries no Status.
    assert.equal(find(root, 'Supplier')?.attrs.Status, undefined, 'the document is not processed');
    return errorsOf(find(root, 'Control')).map((e) => e.Message!);
  }

  it('takes Database (masterData.md) and DatabaseName (the other pages) alike', async () => {
    for (const control of [sandboxControl(), sandboxControl({ Database: '', DatabaseName: 'PROACTIS_LIVE' })]) {
      const { root } = await importXml(sim.url, acme(control));
      assert.equal(find(root, 'Supplier')?.attrs.Status, 'OK', control);
    }
  });

  it('embeds a wrong password, an unknown database or company, and a wrong version, processing nothing', async () => {
    assert.deepEqual(await controlErrors(sandboxControl({ Password: 'wrong' })), ['Logon failed. The user name or password is incorrect.']);
    assert.match((await controlErrors(sandboxControl({ Database: 'NOPE' })))[0]!, /database 'NOPE' is not defined/);
    assert.match((await controlErrors(sandboxControl({ Company: 'SOUTH' })))[0]!, /company 'SOUTH' does not exist/);
    // "Version — Required. Must always be 1.0.0".
    assert.match((await controlErrors(sandboxControl({ Version: '2.0.0' })))[0]!, /must be 1\.0\.0/);
    assert.match((await controlErrors(sandboxControl({ Version: '' })))[0]!, /required attribute 'Version' is missing/);
    assert.match((await controlErrors(sandboxControl({ Company: '' })))[0]!, /required attribute 'Company' is missing/);
  });

  it('requires the DataImport role', async () => {
    const errors = await controlErrors(sandboxControl({ UserName: sim.noImportRole.username, Password: sim.noImportRole.password }));
    assert.deepEqual(errors, ["User 'CLERK' is not a member of the DataImport role."]);
  });

  it('takes AuthenticationMethod PROACTIS or WINDOWS in upper case only; WINDOWS needs no user name', async () => {
    const { root } = await importXml(sim.url, acme(sandboxControl({ AuthenticationMethod: 'PROACTIS' })));
    assert.equal(find(root, 'Supplier')?.attrs.Status, 'OK');
    assert.match((await controlErrors(sandboxControl({ AuthenticationMethod: 'proactis' })))[0]!, /invalid value 'proactis'; expected PROACTIS or WINDOWS/);
    // The WINDOWS example as printed: no UserName, no Password. The simulator has no NT login.
    assert.match((await controlErrors(sandboxControl({ AuthenticationMethod: 'WINDOWS', UserName: '', Password: '' })))[0]!, /Windows authentication failed/);
  });

  it('refuses a document whose first element is not the control block', async () => {
    const { root } = await importXml(sim.url, example('supplier-acme.xml').replace(/<pro:Control[^>]*\/>/, ''));
    assert.deepEqual(errorsOf(root).map((e) => [e.Number, e.Message]), [['-1072898030', 'XML is not valid according to the schema. Element content is incomplete according to the DTD/Schema. Expecting: {http://www.proactis.com/xml/xml-ns}Control']]);
  });

  it('THROWTEXT, THROWERRORS and THROWXML raise the errors as SOAP faults; EMBED is the default', async () => {
    const control = (mode: string) => sandboxControl({ Password: 'wrong', ErrorHandlingMode: mode });
    const text = await importXml(sim.url, acme(control('THROWTEXT')));
    assert.equal(text.answer.status, 500);
    assert.deepEqual(text.answer.fault, { code: 'soap:Server', message: 'Logon failed. The user name or password is incorrect.' });
    const errors = await importXml(sim.url, acme(control('THROWERRORS')));
    const errorsDoc = parseXml(errors.answer.fault!.message);
    assert.ok(errorsDoc.ok && errorsDoc.root.local === 'Errors', errors.answer.fault!.message);
    assert.deepEqual(elements(errorsDoc.root).map((e) => e.attrs.Message), ['Logon failed. The user name or password is incorrect.']);
    const xml = await importXml(sim.url, acme(control('THROWXML')));
    const processed = parseXml(xml.answer.fault!.message);
    assert.ok(processed.ok && processed.root.local === 'Import');
    assert.equal(errorsOf(find(processed.root, 'Control'))[0]?.Message, 'Logon failed. The user name or password is incorrect.');
    const embed = await importXml(sim.url, acme(sandboxControl({ Password: 'wrong' })));
    assert.equal(embed.answer.status, 200);
  });

  it('with a valid control block imports some documents and rejects others', async () => {
    const doc = example('supplier-acme.xml')
      .replace('Password="secret"', 'Password="mysecret"')
      .replace('</pro:Suppliers>', '<pro:Supplier Code="NOBRANCH" Title="No branch Ltd" SalesTaxCountry="UK"><pro:CompanySupplier SupplierGrade="Standard" CurrencyCode="GBP" DefaultInvoiceBranchTag="default" DefaultOrderBranchTag="default"/></pro:Supplier></pro:Suppliers>');
    const { root } = await importXml(sim.url, doc);
    const [ok, failed] = elements(find(root, 'Suppliers')!);
    assert.equal(ok?.attrs.Status, 'OK');
    assert.equal(failed?.attrs.Status, 'FAILED');
    assert.match(errorsOf(failed)[0]!.Message!, /must have at least one branch/);
    assert.ok(sim.database.suppliers.has('ACME01'));
    assert.ok(!sim.database.suppliers.has('NOBRANCH'));
    // THROWTEXT with a partly failed document: the good supplier is imported, the fault lists the rest.
    const thrown = await importXml(sim.url, doc.replace('ErrorHandlingMode="EMBED"', 'ErrorHandlingMode="THROWTEXT"'));
    assert.equal(thrown.answer.status, 500);
    assert.match(thrown.answer.fault!.message, /NOBRANCH/);
  });
});
