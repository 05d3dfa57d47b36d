/**
 * Vendor mapping, pure: the supplier the gateway echoed → the unified vendor (main branch = the
 * default invoice branch, UK read as GB, contacts of every branch), an update sent as the whole
 * supplier with only the change applied, and the echo of an update read without what it removed.
 * Every unified vendor field is in the default mapping.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { recordId } from '../../core/ids.js';
import { vendorFields } from '../../models/vendor.js';
import { readCredentials } from './credentials.js';
import { SupplierRaw } from './raw.js';
import { vendors } from './resources/vendors.js';
import { acknowledged, createDraft, updateDraft } from './resources/vendor-remote.js';
import { vendorMapping } from './resources/vendor-mapping.js';
import { jsonToXml, readXml } from './xml.js';

const ctx = { connectionId: 'c', refId: (e: string, r: string) => recordId('x', 'c', e, r) } as never;

const echo = SupplierRaw.parse({
  Code: 'S1', Title: 'Kestrel Fluid Power Ltd', SalesTaxCountry: 'UK', SalesTaxNumber: 'GB999', Status: 'OK',
  SupplierBranches: {
    SupplierBranch: [
      { Tag: 'default', Title: 'Depot', AddressLine1: '9 Mill Lane', PostTown: 'HULL', Country: 'UK', Email: 'depot@k.example', SupplierBranchContacts: { SupplierBranchContact: [{ Tag: 'ann', Name: 'Ann' }] } },
      { Tag: 'hq', Title: 'Head office', AddressLine1: '1 Dock St', AddressLine3: 'Unit 4', AddressLine4: 'Quay', PostTown: 'LEEDS', County: 'West Yorkshire', PostCode: 'LS1 1AA', Country: 'UK', Email: 'ap@k.example', Phone: '0113' },
    ],
  },
  CompanySupplier: { SupplierGrade: 'Standard', CurrencyCode: 'GBP', DefaultInvoiceBranchTag: 'hq', DefaultOrderBranchTag: 'default', Active: 'YES' },
});

describe('PROACTIS P2P vendors', () => {
  it('maps the echoed supplier: the invoice branch for address, e-mail and phone; every contact', () => {
    const v = vendors.toUnified(echo as never, ctx);
    assert.deepEqual(z.strictObject(vendorFields).safeParse(v).success, true);
    assert.deepEqual(
      { code: v.code, name: v.name, status: v.status, taxId: v.taxId, email: v.email, phone: v.phone, currency: v.currency },
      { code: 'S1', name: 'Kestrel Fluid Power Ltd', status: 'active', taxId: 'GB999', email: 'ap@k.example', phone: '0113', currency: 'GBP' },
    );
    assert.deepEqual(v.address, { name: 'Head office', line1: '1 Dock St', line2: null, line3: 'Unit 4, Quay', city: 'LEEDS', region: 'West Yorkshire', postalCode: 'LS1 1AA', country: 'GB', raw: '1 Dock St, Unit 4, Quay, LEEDS, West Yorkshire, LS1 1AA, UK' });
    assert.deepEqual(v.contacts, [{ id: null, remoteId: 'default/ann', name: 'Ann', email: null, phone: null, role: null }]);
    const inactive = vendors.toUnified({ ...echo, CompanySupplier: { ...echo.CompanySupplier, Active: 'NO', CurrencyCode: 'Euro' } } as never, ctx);
    assert.deepEqual([inactive.status, inactive.remoteStatus, inactive.currency], ['inactive', 'NO', null]);
  });

  it('an update sends the whole supplier with only the change, and removes contacts left out', () => {
    const draft = updateDraft(echo, { phone: '0114', contacts: [{ name: 'Bo' }], status: 'inactive' });
    assert.equal(draft.Status, undefined);
    assert.deepEqual(draft.SupplierBranches!.SupplierBranch!.map((b) => [b.Tag, b.ACTION, b.Phone ?? null]), [['default', 'STORE', null], ['hq', 'STORE', '0114']]);
    assert.deepEqual(draft.SupplierBranches!.SupplierBranch![1]!.SupplierBranchContacts?.SupplierBranchContact, [{ ACTION: 'STORE', Tag: 'bo', Name: 'Bo', Email: undefined, Phone: undefined }]);
    assert.deepEqual(draft.SupplierBranches!.SupplierBranch![0]!.SupplierBranchContacts?.SupplierBranchContact, [{ Tag: 'ann', Name: 'Ann' }], 'other branches are untouched');
    assert.equal(draft.CompanySupplier?.Active, 'NO');
    assert.equal(draft.CompanySupplier?.SupplierGrade, 'Standard');
    // What the gateway receives: the draft as XML, without Status.
    const xml = jsonToXml('Supplier', draft);
    assert.ok(!xml.includes('Status='));
    const back = readXml(`<pro:Suppliers xmlns:pro="http://www.proactis.com/xml/xml-ns">${xml}</pro:Suppliers>`) as { Suppliers: { Supplier: unknown[] } };
    assert.equal(SupplierRaw.parse(back.Suppliers.Supplier[0]).CompanySupplier?.Active, 'NO');
  });

  it('reads an echo without the sub-records it removed', () => {
    const removed = SupplierRaw.parse({ ...echo, SupplierBranches: { SupplierBranch: [{ Tag: 'default', SupplierBranchContacts: { SupplierBranchContact: [{ Tag: 'ann', ACTION: 'REMOVE' }, { Tag: 'bo', ACTION: 'STORE', Name: 'Bo' }] } }, { Tag: 'old', ACTION: 'REMOVE' }] } });
    const after = acknowledged(removed);
    assert.deepEqual(after.SupplierBranches?.SupplierBranch?.map((b) => [b.Tag, b.SupplierBranchContacts?.SupplierBranchContact?.map((c) => c.Tag)]), [['default', ['bo']]]);
  });

  it('a new supplier gets one branch, the connection\'s grade, and GB sent as UK', () => {
    const draft = createDraft({ code: 'N1', name: 'New Ltd', currency: 'EUR', address: { country: 'GB', city: 'York' } }, readCredentials({ gatewayUrl: 'https://p2p.example.com', supplierGrade: 'Preferred' }));
    assert.equal(draft.SalesTaxCountry, 'UK');
    assert.deepEqual(draft.SupplierBranches?.SupplierBranch?.map((b) => [b.Tag, b.PostTown, b.Country]), [['default', 'York', 'UK']]);
    assert.deepEqual([draft.CompanySupplier?.SupplierGrade, draft.CompanySupplier?.CurrencyCode, draft.CompanySupplier?.DefaultInvoiceBranchTag], ['Preferred', 'EUR', 'default']);
  });

  it('the default mapping names every unified vendor field', () => {
    assert.deepEqual(Object.keys(vendorMapping.fields).sort(), Object.keys(vendorFields).sort());
  });
});
