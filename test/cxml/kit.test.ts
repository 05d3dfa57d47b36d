/**
 * The kit's pure cXML functions on the protocol reference's example pair (fixtures/, §12.4) and
 * variations: parse (safely), read and check (issues named by path), map to the unified order,
 * and build the Response.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildResponse, cancelledOrder, describeIssues, parseCxml, readDocument, readOrderRequest, toPurchaseOrder } from '../../src/kit/cxml/index.js';
import { multiply, normalizeDecimal, sum } from '../../src/kit/cxml/decimal.js';
import type { CxmlOrderRequest } from '../../src/kit/cxml/types.js';

const fixture = readFileSync(new URL('./fixtures/order-request.xml', import.meta.url), 'utf8');
const fixtureResponse = readFileSync(new URL('./fixtures/response.xml', import.meta.url), 'utf8');

function read(xml: string) {
  const doc = readDocument(xml);
  assert.ok(doc.ok, doc.ok ? '' : doc.message);
  return doc;
}

function issuesOf(xml: string) {
  const doc = readDocument(xml);
  assert.ok(!doc.ok, 'expected the document to be refused');
  return doc;
}

describe('parseCxml', () => {
  it('parses the example into a tree with @attributes and string values', () => {
    const parsed = parseCxml(fixture);
    assert.ok(parsed.ok);
    assert.equal(parsed.dtdVersion, '1.2.014');
    assert.equal(parsed.root['@payloadID'], '1714652100123.4521@buyer.example.com');
    const ship = JSON.stringify(parsed.root);
    assert.ok(ship.includes('"PostalCode":"01730"'), 'a postal code stays a string with its leading zero');
  });

  it('refuses entity declarations, internal DTD subsets, oversize and several roots, naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['<?xml version="1.0"?><!DOCTYPE cXML [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><cXML>&b;</cXML>', /entities/],
      ['<!DOCTYPE cXML SYSTEM "x.dtd" [ <!ATTLIST cXML a CDATA "1"> ]><cXML/>', /internal DTD subset/],
      ['<cXML payloadID="1"/><cXML payloadID="2"/>', /one cXML element/],
      ['<Invoice/>', /root element must be one cXML element; found Invoice/],
      ['<cXML><Header></cXML>', /not well-formed XML \(line 1/],
      ['', /empty/],
    ];
    for (const [xml, message] of cases) {
      const parsed = parseCxml(xml);
      assert.ok(!parsed.ok, xml);
      assert.match(parsed.message, message);
    }
    const big = parseCxml(fixture, { maxBytes: 1000 });
    assert.ok(!big.ok && /larger than 1000 bytes/.test(big.message));
  });

  it('decodes character references and the predefined entities', () => {
    const doc = read(fixture.replace('Pump seal kit', 'Pump &amp; seal kit &#233;&#x263A; &lt;x&gt;'));
    assert.equal(doc.request.items[0]!.description, 'Pump & seal kit é☺ <x>');
  });
});

describe('readOrderRequest', () => {
  it('reads every part of the example', () => {
    const { request: r, remoteData } = read(fixture);
    assert.equal(r.payloadID, '1714652100123.4521@buyer.example.com');
    assert.deepEqual(r.sender, [{ domain: 'NetworkId', identity: 'AN01000000001', sharedSecret: 's3cr3t' }]);
    assert.equal(r.deploymentMode, 'test');
    assert.deepEqual({ ...r.header, shipTo: undefined, billTo: undefined }, {
      orderID: 'PO4521', orderDate: '2024-05-02T08:15:00-07:00', type: 'new', orderType: 'regular', orderVersion: 1, requestedDeliveryDate: null,
      total: { amount: '291.00', currency: 'USD' }, shipTo: undefined, billTo: undefined, shippingMethod: null, shippingAmount: null, tax: null,
      paymentTerms: [], contacts: [], comments: 'For WO 1001', documentReference: null, extrinsics: { WorkOrder: '1001' },
    });
    assert.deepEqual(r.header.shipTo, {
      addressID: 'PLANT-1', name: 'Acme Plant 1', deliverTo: ['Maintenance Stores'], street: ['1 Industrial Way'], city: 'Bedford', state: 'MA',
      postalCode: '01730', country: 'United States', isoCountryCode: 'US', email: null, phone: null,
    });
    assert.equal(r.items.length, 1);
    assert.deepEqual(r.items[0]!.classifications, [{ domain: 'UNSPSC', value: '40151600' }]);
    assert.deepEqual(r.items[0]!.distributions, [{ accounting: 'CostCenter', segments: [{ id: '4100', name: 'Maintenance', description: 'Plant maintenance' }], charge: { amount: '291.00', currency: 'USD' } }]);
    assert.ok(!JSON.stringify(remoteData).includes('s3cr3t'), 'remoteData carries no SharedSecret');
    assert.equal((remoteData.cXML as Record<string, unknown>)['@payloadID'], r.payloadID);
  });

  it('names every missing or malformed part by its path', () => {
    const three = fixture.replace(/<ItemOut[\s\S]*<\/ItemOut>/, (item) => `${item}\n${item.replace('lineNumber="1"', 'lineNumber="2"')}\n${item.replace('lineNumber="1"', 'lineNumber="3"').replace(/<UnitPrice>.*<\/UnitPrice>/, '<UnitPrice/>')}`);
    assert.deepEqual(issuesOf(three).message, 'OrderRequest/ItemOut[3]/ItemDetail/UnitPrice/Money is missing.');

    const broken = fixture
      .replace(' orderID="PO4521"', '')
      .replace('orderVersion="1"', 'orderVersion="first"')
      .replace('quantity="2"', 'quantity="two"')
      .replace('<Money currency="USD">291.00</Money></Total>', '<Money>291,00</Money></Total>')
      .replace(/<BillTo>[\s\S]*<\/BillTo>/, '')
      .replace('<SupplierPartID>PS-KIT-7</SupplierPartID>', '')
      .replace('<Classification domain="UNSPSC">40151600</Classification>', '')
      .replace('requestedDeliveryDate="2024-05-09"', 'requestedDeliveryDate="2024-02-30"');
    const doc = issuesOf(broken);
    assert.equal(doc.status, 400);
    assert.deepEqual(doc.issues.map((i) => `${i.path} ${i.message}`), [
      'OrderRequest/OrderRequestHeader@orderID is missing',
      'OrderRequest/OrderRequestHeader@orderVersion must be a positive whole number (got "first")',
      'OrderRequest/OrderRequestHeader/Total/Money must be a decimal number such as 145.50 (got "291,00")',
      'OrderRequest/OrderRequestHeader/Total/Money@currency is missing',
      'OrderRequest/OrderRequestHeader/BillTo is missing',
      'OrderRequest/ItemOut[1]@quantity must be a decimal number such as 145.50 (got "two")',
      'OrderRequest/ItemOut[1]@requestedDeliveryDate must be an ISO 8601 date or date-time such as 2024-05-02T08:15:00-07:00 (got "2024-02-30")',
      'OrderRequest/ItemOut[1]/ItemID/SupplierPartID is missing',
      'OrderRequest/ItemOut[1]/ItemDetail/Classification is missing',
    ]);
  });

  it('requires a DocumentReference on update and delete, and unique line numbers', () => {
    assert.match(issuesOf(fixture.replace('type="new"', 'type="update"')).message, /OrderRequestHeader\/DocumentReference is missing \(required when type="update"/);
    assert.match(issuesOf(fixture.replace('type="new"', 'type="cancel"')).message, /@type must be new, update or delete \(got "cancel"\)/);
    const twice = fixture.replace(/<ItemOut[\s\S]*<\/ItemOut>/, (item) => `${item}${item}`);
    assert.match(issuesOf(twice).message, /OrderRequest\/ItemOut\[2\]@lineNumber is 1, already used by ItemOut\[1\]/);
    const ok = read(fixture.replace('type="new"', 'type="delete"').replace('<Extrinsic name="WorkOrder">', '<DocumentReference payloadID="orig@buyer"/><Extrinsic name="WorkOrder">'));
    assert.equal(ok.request.header.documentReference, 'orig@buyer');
  });

  it('answers 406 for valid cXML it cannot take as an order', () => {
    const confirmation = issuesOf(fixture.replace(/<OrderRequest>[\s\S]*<\/OrderRequest>/, '<ConfirmationRequest/>'));
    assert.equal(confirmation.status, 406);
    const currencies = issuesOf(fixture.replace('<UnitPrice><Money currency="USD">', '<UnitPrice><Money currency="EUR">'));
    assert.equal(currencies.status, 406);
    assert.match(currencies.message, /ItemOut\[1\]\/ItemDetail\/UnitPrice\/Money@currency is EUR, not the order currency USD/);
  });

  it('reads a root without a Request as 400, and lists at most 20 issues', () => {
    const parsed = parseCxml('<cXML payloadID="p" timestamp="2024-05-02"><Header/></cXML>');
    assert.ok(parsed.ok);
    const result = readOrderRequest(parsed.root);
    assert.ok(!result.ok);
    assert.ok(result.issues.some((i) => i.path === 'cXML/Request'));
    const many = Array.from({ length: 25 }, (_, i) => ({ path: `p${i}`, message: 'is missing' }));
    assert.match(describeIssues(many), /p19 is missing; and 5 more\.$/);
  });
});

describe('toPurchaseOrder', () => {
  it('maps the example to the unified order', () => {
    const { request } = read(fixture);
    const mapped = toPurchaseOrder(request, { recordId: 'po_1' });
    const { lines, ...header } = mapped.fields;
    assert.deepEqual(header, {
      number: 'PO4521', status: 'ordered', remoteStatus: 'new',
      vendor: { id: null, remoteId: '123456789', name: null, code: '123456789' },
      buyer: null,
      site: { id: null, remoteId: 'AN01000000001', name: null, code: 'AN01000000001' },
      orderDate: '2024-05-02', requiredDate: null, deliveryDate: null, currency: 'USD', paymentTerms: null, shippingMethod: null,
      shipTo: { name: 'Acme Plant 1', line1: 'Maintenance Stores', line2: '1 Industrial Way', line3: null, city: 'Bedford', region: 'MA', postalCode: '01730', country: 'US', raw: null },
      billTo: { name: 'Acme Accounts Payable', line1: '1 Industrial Way', line2: null, line3: null, city: 'Bedford', region: 'MA', postalCode: '01730', country: 'US', raw: null },
      subtotal: '291.00', taxTotal: null, total: '291.00', description: null, notes: 'For WO 1001', approvedAt: null,
    });
    assert.equal(mapped.createdAt, '2024-05-02T15:15:00.000Z');
    assert.deepEqual(mapped.customFields.extrinsics, { WorkOrder: '1001' });
    assert.deepEqual(lines.map((l) => ({ ...l, customFields: undefined })), [{
      id: 'po_1:1', remoteId: '1', lineNumber: 1, item: null, itemCode: null, vendorItemCode: 'PS-KIT-7', description: 'Pump seal kit',
      quantity: '2', unitOfMeasure: 'EA', unitPrice: '145.50', discount: null, taxAmount: null, lineTotal: '291.00', requiredDate: '2024-05-09',
      deliveryDate: null, quantityReceived: null, quantityInvoiced: null, status: 'open',
      account: { id: null, remoteId: '4100', name: 'Maintenance', code: '4100' }, asset: null, workOrder: null, customFields: undefined,
    }]);
  });

  it('maps the optional parts: contacts, terms, shipping, tax, buyer part, several streets', () => {
    const richer = fixture
      .replace('<Comments xml:lang="en">', '<Shipping><Money currency="USD">12.00</Money><Description xml:lang="en">FedEx Ground</Description></Shipping>' +
        '<Tax><Money currency="USD">23.28</Money><Description xml:lang="en">VAT</Description></Tax>' +
        '<PaymentTerm payInNumberOfDays="10"><Discount><DiscountPercent percent="2"/></Discount></PaymentTerm><PaymentTerm payInNumberOfDays="30"/>' +
        '<Contact role="buyer"><Name xml:lang="en">Ann Buyer</Name><Email>ann@example.com</Email></Contact><Comments xml:lang="en">')
      .replace('<Street>1 Industrial Way</Street><City>Bedford</City><State>MA</State><PostalCode>01730</PostalCode><Country isoCountryCode="US">United States</Country></PostalAddress></Address></ShipTo>',
        '<Street>1 Industrial Way</Street><Street>Building 4</Street><Street>Dock 2</Street><City>Bedford</City><Country isoCountryCode="US">United States</Country></PostalAddress></Address></ShipTo>')
      .replace('<SupplierPartID>PS-KIT-7</SupplierPartID>', '<SupplierPartID>PS-KIT-7</SupplierPartID><SupplierPartAuxiliaryID>A1</SupplierPartAuxiliaryID><BuyerPartID>MAT-9</BuyerPartID>')
      .replace('quantity="2"', 'quantity="2.5"');
    const { fields, customFields } = toPurchaseOrder(read(richer).request, { recordId: 'po_1', vendor: { id: 'ven_1', remoteId: '123456789', name: 'Acme Supply', code: 'ACME' } });
    assert.equal(fields.paymentTerms, '2% 10 days, Net 30');
    assert.equal(fields.shippingMethod, 'FedEx Ground');
    assert.equal(fields.taxTotal, '23.28');
    assert.deepEqual(fields.buyer, { id: null, remoteId: null, name: 'Ann Buyer', code: null });
    assert.deepEqual(fields.vendor, { id: 'ven_1', remoteId: '123456789', name: 'Acme Supply', code: 'ACME' });
    assert.deepEqual([(fields.shipTo as any).line1, (fields.shipTo as any).line2, (fields.shipTo as any).line3], ['Maintenance Stores', '1 Industrial Way', 'Building 4, Dock 2']);
    const line = fields.lines[0]!;
    assert.equal(line.lineTotal, '363.750');
    assert.deepEqual(line.item, { id: null, remoteId: 'MAT-9', name: 'Pump seal kit', code: 'MAT-9' });
    assert.equal(line.itemCode, 'MAT-9');
    assert.equal((line.customFields as any).supplierPartAuxiliaryID, 'A1');
    assert.equal((customFields.cxml as any).orderVersion, 1);
  });

  it('cancels: the stored order stays, status and lines cancelled', () => {
    const { request } = read(fixture);
    const stored = toPurchaseOrder(request, { recordId: 'po_1' });
    const cancel: CxmlOrderRequest = { ...request, payloadID: 'cancel@buyer', header: { ...request.header, type: 'delete', documentReference: request.payloadID }, items: [] };
    const result = cancelledOrder(stored.fields, stored.customFields, cancel);
    assert.equal(result.fields.status, 'cancelled');
    assert.equal(result.fields.remoteStatus, 'delete');
    assert.deepEqual(result.fields.lines.map((l) => l.status), ['cancelled']);
    assert.equal(result.fields.total, '291.00');
    assert.equal((result.customFields.cxml as any).payloadID, 'cancel@buyer');
    assert.deepEqual(result.customFields.extrinsics, { WorkOrder: '1001' });
  });
});

describe('buildResponse', () => {
  it('answers like the example Response: declaration, DOCTYPE, payloadID, timestamp, Status', () => {
    const now = new Date('2024-05-02T15:15:01Z');
    const built = buildResponse({ code: 200, dtdVersion: '1.2.014', host: 'receiver.example.com', now, payloadID: '1714652101456.77@receiver.example.com' });
    const shape = (xml: string) => xml.replace(/timestamp="[^"]+"/, 'timestamp=""').replace(/\s+/g, ' ').trim();
    assert.equal(shape(built), shape(fixtureResponse));
    assert.match(built, /timestamp="2024-05-02T15:15:01\+00:00"/);
    const parsed = parseCxml(built);
    assert.ok(parsed.ok);
  });

  it('carries the message escaped, the status text of the code, a fresh payloadID and a default DTD version', () => {
    const a = buildResponse({ code: 401, message: 'Invalid <credentials> & "more"' });
    assert.match(a, /<Status code="401" text="Unauthorized">Invalid &lt;credentials&gt; &amp; &quot;more&quot;<\/Status>/);
    assert.match(a, /cXML\/1\.2\.014\/cXML\.dtd/);
    const b = buildResponse({ code: 409 });
    assert.match(b, /<Status code="409" text="Conflict"\/>/);
    const ids = [a, b].map((x) => /payloadID="([^"]+)"/.exec(x)![1]);
    assert.notEqual(ids[0], ids[1]);
    assert.match(ids[0]!, /^\d+\.\d+@manifold$/);
    assert.match(buildResponse({ code: 500, dtdVersion: '1.2.050' }), /text="Internal Server Error"/);
  });
});

describe('decimals', () => {
  it('normalises and computes exactly', () => {
    assert.equal(normalizeDecimal('+.5'), '0.5');
    assert.equal(normalizeDecimal('12.'), '12');
    assert.equal(normalizeDecimal('1,5'), undefined);
    assert.equal(normalizeDecimal('1e3'), undefined);
    assert.equal(multiply('3', '0.1'), '0.3');
    assert.equal(multiply('2.5', '145.5000'), '363.75000');
    assert.equal(multiply('-1.5', '0.003'), '-0.0045');
    assert.equal(sum(['0.1', '0.2', '1.005']), '1.305');
    assert.equal(sum([]), '0');
  });
});
