/**
 * Writes to the Proactis simulator: suppliers by cXML OrganizationChangeMessage (create, update,
 * delete — at once, with the business rules), and transactional imports (receipt, invoice,
 * requisition) answered 202 and visible only once processed: after the delay, or on process().
 * Bad documents are refused at once with 400; business errors are not the caller's to see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startProactisSim, type ProactisSim } from './server.js';

const head = (from: string, to: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.021/cXML.dtd">` +
  `<cXML payloadID="p-${Math.random()}" timestamp="2026-03-01T10:00:00+00:00"><Header>` +
  `<From>${from}</From><To>${to}</To><Sender><Credential domain="NetworkId"><Identity>ACME01</Identity></Credential><UserAgent>test</UserAgent></Sender></Header>`;
const net = '<Credential domain="NetworkId"><Identity>ACME01</Identity></Credential>';
const sup = (n: string) => `<Credential domain="SupplierID"><Identity>${n}</Identity></Credential>`;

const orgChange = (type: string, org: string) => `${head(net, net)}<Message><OrganizationChangeMessage type="${type}"><Organization>${org}</Organization></OrganizationChangeMessage></Message></cXML>`;
const receipt = (supplier: string, receiptID: string) =>
  `${head(net, sup(supplier))}<Request><ReceiptRequest><ReceiptRequestHeader receiptID="${receiptID}" receiptDate="2026-03-01T09:00:00+00:00"><Comments>Gate 2</Comments></ReceiptRequestHeader>` +
  `<ReceiptOrder closeForReceiving="yes"><ReceiptOrderInfo><OrderReference orderID="00070651"/></ReceiptOrderInfo>` +
  `<ReceiptItem quantity="2" receiptLineNumber="1" completedIndicator="yes"><ReceiptItemReference lineNumber="1"><ItemID><SupplierPartID>PEN001</SupplierPartID></ItemID><Description xml:lang="en">Pen</Description></ReceiptItemReference>` +
  `<UnitRate><Money currency="GBP">1.20</Money><UnitOfMeasure>EA</UnitOfMeasure></UnitRate><Classification domain="ItemReceivingCondition">Good</Classification></ReceiptItem></ReceiptOrder></ReceiptRequest></Request></cXML>`;
const invoice = (supplier: string, number: string) =>
  `${head(sup(supplier), net)}<Request><InvoiceDetailRequest><InvoiceDetailRequestHeader invoiceID="${number}" invoiceDate="2026-03-01" purpose="standard" operation="new"><PaymentTerm payInNumberOfDays="30"/></InvoiceDetailRequestHeader>` +
  `<InvoiceDetailOrder><InvoiceDetailOrderInfo><OrderReference orderID="00070651"/></InvoiceDetailOrderInfo>` +
  `<InvoiceDetailItem invoiceLineNumber="1" quantity="3"><UnitOfMeasure>EA</UnitOfMeasure><UnitPrice><Money currency="EUR">10.50</Money></UnitPrice>` +
  `<InvoiceDetailItemReference lineNumber="1"><ItemID><SupplierPartID>BRG-6204</SupplierPartID></ItemID><Description xml:lang="en">Bearing</Description></InvoiceDetailItemReference>` +
  `<SubtotalAmount><Money currency="EUR">31.50</Money></SubtotalAmount><Tax><Money currency="EUR">6.62</Money><Description xml:lang="en">VAT 21%</Description></Tax></InvoiceDetailItem></InvoiceDetailOrder></InvoiceDetailRequest></Request></cXML>`;
const requisition = (supplier: string) =>
  `${head(net, net)}<Request><RequisitionRequest><RequisitionRequestHeader requiredDate="2026-03-20"><Contact role="requester"><Name xml:lang="en">Dev Patel</Name><Email>dev@buyer.example</Email></Contact><Description xml:lang="en">Seals for pump 3</Description></RequisitionRequestHeader>` +
  `<ItemOut quantity="4" lineNumber="1"><ItemID><SupplierPartID>SEAL-KIT-7</SupplierPartID></ItemID><ItemDetail><UnitPrice><Money currency="GBP">145.50</Money></UnitPrice><Description xml:lang="en">Pump seal kit</Description><UnitOfMeasure>EA</UnitOfMeasure></ItemDetail><SupplierID domain="SupplierID">${supplier}</SupplierID></ItemOut></RequisitionRequest></Request></cXML>`;

describe('Proactis simulator: writes', () => {
  let sim: ProactisSim;
  let token: string;
  let now = Date.parse('2026-03-01T10:00:00Z');
  before(async () => {
    sim = await startProactisSim({ limits: null, sizes: { suppliers: 20, requisitions: 5, receipts: 5, invoices: 5 }, processingDelayMs: 30_000, now: () => now });
    const res = await fetch(`${sim.url}/oauth2/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64')}` }, body: 'grant_type=client_credentials' });
    token = String(((await res.json()) as Record<string, unknown>).access_token);
  });
  after(() => sim.stop());

  const send = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'x-api-key': sim.apiKey, 'content-type': 'application/xml', accept: 'application/json' }, body });
    return { status: res.status, text: await res.text() };
  };

  it('creates, updates and deletes a supplier by OrganizationChangeMessage', async () => {
    const org = `${sup('SUP9001')}<Name xml:lang="en">Kestrel Tooling Ltd</Name><OrganizationRole name="supplier"/>` +
      `<Address><Name xml:lang="en">Head office</Name><PostalAddress><Street>1 Mill Lane</Street><City>Leeds</City><PostalCode>LS1 1AA</PostalCode><Country isoCountryCode="GB">United Kingdom</Country></PostalAddress><Email>sales@kestrel.example</Email></Address>` +
      `<IdReference domain="vatID" identifier="GB123456789"/><Extrinsic name="online">false</Extrinsic>`;
    const created = await send('POST', '/suppliers/v1/ACME01', orgChange('create', org));
    assert.equal(created.status, 201, created.text);
    assert.match(created.text, /<Status code="200" text="OK"\/>/);
    const record = sim.data.suppliers.find((s) => s.number === 'SUP9001')!;
    assert.deepEqual({ ...record, id: 'x', lastModified: 'x' }, {
      id: 'x', number: 'SUP9001', name: 'Kestrel Tooling Ltd', online: false, lastModified: 'x', vatNumber: 'GB123456789', email: 'sales@kestrel.example',
      address: { street: '1 Mill Lane', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
    });
    assert.equal((await send('POST', '/suppliers/v1/ACME01', orgChange('create', org))).status, 400, 'the number is taken');

    now += 60_000;
    const updated = await send('POST', '/suppliers/v1/ACME01', orgChange('update', `<Credential domain="SystemID"><Identity>${record.id}</Identity></Credential><Name xml:lang="en">Kestrel Tooling</Name>`));
    assert.equal(updated.status, 200, updated.text);
    assert.equal(record.name, 'Kestrel Tooling');
    assert.equal(record.email, 'sales@kestrel.example', 'what the update does not name stays');
    assert.equal(record.lastModified, '2026-03-01T11:01:00+01:00');

    const unknown = await send('POST', '/suppliers/v1/ACME01', orgChange('update', `<Credential domain="SystemID"><Identity>nope</Identity></Credential><Name>x</Name>`));
    assert.equal(unknown.status, 404);
    assert.equal(JSON.parse(unknown.text).message, 'SUPPLIER with ID "nope" not found');

    const inUse = sim.data.invoices[0]!.supplier;
    assert.equal((await send('POST', '/suppliers/v1/ACME01', orgChange('delete', sup(inUse.number)))).status, 400, 'a supplier documents name stays');
    assert.equal((await send('POST', '/suppliers/v1/ACME01', orgChange('delete', sup('SUP9001')))).status, 200);
    assert.equal(sim.data.suppliers.some((s) => s.number === 'SUP9001'), false);
  });

  it('refuses what is not one well-formed document for this organisation, and other verbs', async () => {
    const bad = [
      '<cXML><Message>',
      '{"name":"json"}',
      orgChange('rename', sup('SUP1')),
      orgChange('create', '<Name>No number</Name>'),
      orgChange('create', sup('SUP9100')).replace(/ACME01/g, 'OTHER'),
      receipt('SUP10001', 'R-1').replace('quantity="2"', 'quantity="two"'),
    ];
    for (const body of bad) {
      const res = await send('POST', body.includes('ReceiptRequest') ? '/receipts/v1/ACME01' : '/suppliers/v1/ACME01', body);
      assert.equal(res.status, 400, body.slice(0, 200));
      assert.equal(JSON.parse(res.text).status, 'BAD_REQUEST');
    }
    const id = sim.data.suppliers[0]!.id;
    assert.equal((await send('PUT', `/suppliers/v1/ACME01/${id}`, '<x/>')).status, 405);
    assert.equal((await send('DELETE', `/suppliers/v1/ACME01/${id}`)).status, 405);
  });

  it('accepts imports with 202 and shows them only once processed', async () => {
    const supplier = sim.data.suppliers[3]!;
    const counts = () => [sim.data.receipts.length, sim.data.invoices.length, sim.data.requisitions.length];
    const before = counts();
    for (const [path, body] of [['/receipts/v1/ACME01', receipt(supplier.number, 'R-100')], ['/invoices/v1/ACME01', invoice(supplier.number, 'INV-77')], ['/requisitions/v1/ACME01', requisition(supplier.number)]] as const) {
      const res = await send('POST', path, body);
      assert.equal(res.status, 202, res.text);
      assert.match(res.text, /<Status code="201" text="Accepted"\/>/);
    }
    assert.deepEqual(counts(), before, 'nothing visible yet');
    assert.equal(sim.org.pending, 3);
    const listed = JSON.parse((await send('GET', '/receipts/v1/ACME01?pageSize=50')).text);
    assert.equal(listed.totalElements, before[0]);

    now += 30_000; // the processing delay has passed: the next request sees them
    const after = JSON.parse((await send('GET', '/receipts/v1/ACME01?pageSize=50')).text);
    assert.equal(after.totalElements, before[0]! + 1);
    assert.deepEqual(counts(), before.map((n) => n + 1));
    const r = sim.data.receipts.at(-1)!;
    assert.deepEqual({ ...r, id: '', lastModified: '' }, {
      id: '', receiptID: 'R-100', receiptDate: '2026-03-01T09:00:00+00:00', comments: 'Gate 2', closeForReceiving: true, orderReference: { orderID: '00070651' },
      supplier: { id: supplier.id, number: supplier.number, name: supplier.name }, lastModified: '',
      items: [{ receiptLineNumber: 1, lineNumber: 1, quantity: 2, unitOfMeasure: 'EA', supplierPartID: 'PEN001', description: 'Pen', unitRate: { amount: 1.2, currency: 'GBP' }, completedIndicator: true, classification: 'Good' }],
    });
    const inv = sim.data.invoices.at(-1)!;
    assert.deepEqual([inv.invoiceNumber, inv.status, inv.netAmount, inv.taxAmount, inv.grossAmount, inv.dueDate], ['INV-77', 'FORVALIDATION', 31.5, 6.62, 38.12, '2026-03-31']);
    const req = sim.data.requisitions.at(-1)!;
    assert.deepEqual([req.status, req.title, req.totalAmount, req.lines[0]!.supplier?.number], ['FORAPPROVAL', 'Seals for pump 3', 582, supplier.number]);
  });

  it('records business errors of an accepted import where the UI would show them, not in the answer', async () => {
    const res = await send('POST', '/invoices/v1/ACME01', invoice('SUP-UNKNOWN', 'INV-78'));
    assert.equal(res.status, 202);
    const n = sim.data.invoices.length;
    assert.equal(sim.process(), 1);
    assert.equal(sim.data.invoices.length, n);
    assert.match(sim.org.failedImports.at(-1)!.message, /Supplier SUP-UNKNOWN does not exist/);
  });
});
