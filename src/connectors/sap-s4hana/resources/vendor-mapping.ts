/**
 * The default field mapping of SAP suppliers (API_BUSINESS_PARTNER A_Supplier with its
 * purchasing-organisation and company-code data), as data. Vendors are read only.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';

const ORG = 'to_SupplierPurchasingOrg[]';

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { path: 'Supplier', note: 'The supplier number.' },
  name: { path: 'SupplierName' },
  status: {
    paths: ['DeletionIndicator', 'PurchasingIsBlocked', 'PostingIsBlocked'],
    logic: 'DeletionIndicator → inactive; else PurchasingIsBlocked or PostingIsBlocked → blocked; else active.',
  },
  remoteStatus: { none: 'A supplier has no status field in SAP, only the deletion and blocking flags (see status).' },
  taxId: { path: 'VATRegistration', note: 'The VAT registration number; blank → null.' },
  email: { none: 'E-mail addresses are in the business partner\'s address data (A_BusinessPartnerAddress), which Manifold does not read.' },
  phone: { path: `${ORG}.SupplierPhoneNumber`, note: 'The supplier\'s phone in its purchasing data (first purchasing organization); blank → null.' },
  website: { none: 'Websites are in the business partner\'s address data, which Manifold does not read.' },
  address: { none: 'Addresses are in A_BusinessPartnerAddress, which Manifold does not read.' },
  currency: { path: `${ORG}.PurchaseOrderCurrency`, note: 'The order currency of the first purchasing organization.' },
  paymentTerms: { path: `${ORG}.PaymentTerms`, note: 'The payment-terms key of the first purchasing organization (e.g. 0002).' },
  contacts: {
    paths: [`${ORG}.SupplierRespSalesPersonName`, `${ORG}.SupplierPhoneNumber`],
    logic: 'The responsible salesperson of the first purchasing organization, when given: name, phone, role "Sales"; id, remoteId and email null.',
  },
};

export const vendorMapping: EntityMapping = { fields };
