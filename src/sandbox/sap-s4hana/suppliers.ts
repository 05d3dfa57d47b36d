/**
 * Suppliers as API_BUSINESS_PARTNER serves them: A_Supplier with its purchasing-organisation
 * data (A_SupplierPurchasingOrg: order currency, payment terms, incoterms, purchasing group) and
 * company-code data (A_SupplierCompany). Seeded with the catalogue; read-only here.
 */
import { companyCodes, type SupplierRecord } from './catalog.js';
import type { Entity } from './values.js';

export function supplierEntity(s: SupplierRecord): Entity {
  return {
    Supplier: s.supplier,
    CreatedByUser: 'CB9980000001',
    CreationDate: s.createdOn,
    // SupplierFullName is the name in upper case (display format UpperCase in the EDMX).
    SupplierFullName: s.name.toUpperCase(),
    SupplierName: s.name,
    VATRegistration: s.vat,
    SupplierAccountGroup: 'SUPL',
    PurchasingIsBlocked: s.purchasingBlocked,
    PostingIsBlocked: false,
    PaymentIsBlockedForSupplier: false,
    DeletionIndicator: s.deletionIndicator,
  };
}

export function supplierPurchasingOrg(s: SupplierRecord): Entity {
  return {
    Supplier: s.supplier,
    PurchasingOrganization: s.purchasingOrganization,
    PurchaseOrderCurrency: s.currency,
    PaymentTerms: s.paymentTerms,
    IncotermsClassification: s.incoterms,
    IncotermsVersion: '2020',
    IncotermsLocation1: s.incotermsLocation,
    PurchasingGroup: s.purchasingGroup,
    SupplierPhoneNumber: s.phone,
    SupplierRespSalesPersonName: s.salesPerson,
    InvoiceIsGoodsReceiptBased: true,
    PurchasingIsBlockedForSupplier: s.purchasingBlocked,
    DeletionIndicator: s.deletionIndicator,
    SupplierAccountGroup: 'SUPL',
  };
}

export function supplierCompany(s: SupplierRecord): Entity {
  const cc = companyCodes.find((c) => c.code === s.companyCode)!;
  return {
    Supplier: s.supplier,
    CompanyCode: s.companyCode,
    CompanyCodeName: cc.name,
    PaymentTerms: s.paymentTerms,
    Currency: cc.currency,
    ReconciliationAccount: '21100000',
    DeletionIndicator: s.deletionIndicator,
    SupplierAccountGroup: 'SUPL',
  };
}
