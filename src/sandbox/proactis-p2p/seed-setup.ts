/**
 * The fixed part of the simulator's data: databases, users (with and without the DataImport
 * role), companies and their lists (templates, trays, grades, groups, currencies, tax codes,
 * conditions, cancellation reasons), and the records the documentation's worked examples refer
 * to — so each example runs as printed against the database it names (PROACTIS_LIVE in
 * masterData.md, PROACTIS in the invoice and acceptance pages, DEMO in the credit note page).
 */
import type { CompanyRec, DatabaseRec, OrderRec, P2pUser, SupplierRec } from './data.js';

/** The sandbox's own login (the documentation's example user and placeholder password). */
export const SANDBOX = { database: 'PROACTIS_LIVE', company: 'MAIN', username: 'IMPORT', password: 'mysecret' } as const;
/** A user who may log in to P2P but is not in the DataImport role. */
export const NO_IMPORT_ROLE = { username: 'CLERK', password: 'clerk-pass' } as const;

export const COUNTRIES = ['UK', 'IE', 'FR', 'DE', 'NL', 'BE', 'ES', 'IT', 'US', 'CA', 'SE', 'DK', 'PL', 'CH'];

function user(userName: string, password: string, dataImport: boolean, companies: string[]): P2pUser {
  return {
    userName, password, companies,
    roles: new Set(dataImport ? ['DataImport', 'Requisitioner'] : ['Requisitioner']),
    departments: ['SALES', 'SOLUTIONS', 'FACILITIES'],
    templates: ['ACC', 'PINV', 'CRED'],
    trays: ['Standard', 'Invoices'],
    defaultTray: 'Standard',
    defaultLocation: 'MAIN',
  };
}

export function company(code: string, title: string, homeCurrency: string): CompanyRec {
  return {
    code, title, homeCurrency,
    departments: ['SALES', 'SOLUTIONS', 'FACILITIES'],
    locations: ['MAIN', 'WAREHOUSE', 'PLANT 4'],
    // "Euro" is the currency code of masterData.md's exchange-rate example: codes are the customer's own.
    currencies: new Set(['GBP', 'EUR', 'USD', 'Euro']),
    supplierGrades: new Set(['Standard', 'Preferred', 'Approved', 'Probation']),
    supplierGroups: new Set(['Facilities', 'Facilities-Yorkshire', 'IT', 'Maintenance', 'Laboratory', 'Catering']),
    taxBands: ['VAT', 'UKVAT'],
    taxCodes: new Map([['STD', { rate: 0.2 }], ['STD20', { rate: 0.2 }], ['ST', { rate: 0.175 }], ['RED', { rate: 0.05 }], ['Z', { rate: 0 }], ['EX', { rate: 0 }]]),
    templates: [
      { label: 'PORD', kinds: ['order'] },
      { label: 'GENERIC', kinds: ['order'] },
      { label: 'ACC', kinds: ['acceptance'] },
      { label: 'PINV', kinds: ['invoice', 'standalone-invoice'] },
      { label: 'CRED', kinds: ['credit-note'] },
    ],
    trays: ['Standard', 'Invoices', 'Exceptions'],
    deliveryConditions: ['OK', 'Damaged', 'Short shelf life'],
    cancellationReasons: ['No longer required', 'Supplier unable to supply', 'Duplicate order', 'Price changed'],
    deliveryNoteRequired: false,
    deliveryNoteUnique: true,
    orders: new Map(),
    acceptances: [],
    invoices: [],
    creditNotes: [],
    exchangeRates: new Map(),
    nominalGroups: new Map<string, Record<string, string>>([['1_ACCOUNT', { Code: '1_ACCOUNT', Description: 'Account', IsTopLevelGroup: 'YES' }], ['4_COSTCENTRE', { Code: '4_COSTCENTRE', Description: 'Cost centre' }]]),
    nominalEntries: new Map(),
    counters: new Map([['PINV', 10100], ['ACC', 10001], ['CRED', 10001]]),
  };
}

/** Supplier 510632 and orders PORD10034 / GENERIC 15 and invoice PINV10034 of the worked examples. */
function exampleRecords(db: DatabaseRec, main: CompanyRec): void {
  const supplier: SupplierRec = {
    code: '510632',
    attrs: { Code: '510632', Title: 'Kettlewell Office Supplies', SalesTaxCountry: 'UK', SalesTaxRegistered: 'YES' },
    branches: new Map([['default', { tag: 'default', attrs: { Tag: 'default', Title: 'Accounts', AddressLine1: '12 The close', AddressLine2: 'East Kettlewell', PostTown: 'YORK', County: 'North Yorkshire', Country: 'UK' }, contacts: new Map() }]]),
    companies: new Map([['MAIN', { attrs: { SupplierGrade: 'Standard', CurrencyCode: 'GBP', DefaultInvoiceBranchTag: 'default', DefaultOrderBranchTag: 'default', Active: 'YES' }, groups: new Set() }]]),
  };
  db.suppliers.set(supplier.code, supplier);
  const order = (guid: string, template: string, orderNumber: number, items: OrderRec['items']): OrderRec => ({
    guid,
    template, orderNumber, displayNumber: `${template}${orderNumber}`, supplierCode: '510632', currency: 'GBP', orderDate: '2018-11-01', state: 'Sent', items,
  });
  const pord = order('00010034-0000-4000-8000-000000000000', 'PORD', 10034, [
    { position: 1, guid: '00010034-0001-4000-8000-000000000001', code: 'SERV-CLEAN', description: 'Office cleaning, November', kind: 'service', quantity: 1, unitPrice: 100, unitOfMeasure: 'each', nominals: [{ coding: 'ABC.XYZ', commitmentDate: '2005-12-18', quantity: 1 }], received: 0, invoiced: 0 },
    { position: 2, guid: '00010034-0002-4000-8000-000000000002', code: 'PAPER-A4', description: 'A4 paper, box of 5 reams', kind: 'goods', quantity: 10, unitPrice: 1, unitOfMeasure: 'box', nominals: [{ coding: 'ABC.XYZ', commitmentDate: '2005-12-18', quantity: 10 }], received: 0, invoiced: 1 },
  ]);
  const generic = order('00000015-0000-4000-8000-000000000000', 'GENERIC', 15, [
    { position: 1, guid: '00000015-0001-4000-8000-000000000001', code: '0300', description: 'Toner cartridge', kind: 'goods', quantity: 5, unitPrice: 42.5, unitOfMeasure: 'each', nominals: [{ coding: '0300.0990.0610.ACT', commitmentDate: '2018-11-01', quantity: 5 }], received: 0, invoiced: 0 },
  ]);
  // Invoice PINV10034 (the credit note page's parent document) invoiced one box already.
  pord.state = 'Part Invoiced';
  main.orders.set(pord.displayNumber, pord);
  main.orders.set(generic.displayNumber, generic);
  main.invoices.push({ documentNumber: 'PINV10034', template: 'PINV', status: 'OK', supplierCode: '510632', supplierInvoiceNumber: 'PR-100', invoiceDate: '2018-11-20', grossValue: 1.2, taxValue: 0.2, lines: [{ order: 'PORD10034', position: 2, code: 'PAPER-A4', quantity: 1, value: 1 }] });
}

export function database(title: string, users: P2pUser[]): DatabaseRec {
  const main = company('MAIN', 'Main Company Ltd', 'GBP');
  const north = company('NORTH', 'Northern Operations BV', 'EUR');
  const db: DatabaseRec = { title, countries: new Set(COUNTRIES), users: new Map(users.map((u) => [u.userName.toUpperCase(), u])), companies: new Map([[main.code, main], [north.code, north]]), suppliers: new Map() };
  exampleRecords(db, main);
  return db;
}

export function users(): P2pUser[] {
  return [
    user(SANDBOX.username, SANDBOX.password, true, ['MAIN', 'NORTH']),
    user(NO_IMPORT_ROLE.username, NO_IMPORT_ROLE.password, false, ['MAIN']),
    // The users of acceptanceGateway.md and purchaseInvoiceGateway.md's control blocks.
    user('ORDER', 'mysecret', true, ['MAIN']),
    user('DAVIDBETTERIDGE', 'mysecret', true, ['MAIN']),
  ];
}

/** The DEMO database of purchaseCreditNoteGateway.md's example, whose control block names no company. */
export function demoDatabase(): DatabaseRec {
  const sysadmin = user('sysadmin', 'mypassword', true, ['MAIN']);
  return database('DEMO', [sysadmin]);
}
