/**
 * Vendor (`/v1/vendors`): a supplier, with its contacts.
 */
import { z } from 'zod';
import { address, currency, recordEnvelope, remoteStatus, text } from './common.js';

export const vendorStatuses = ['active', 'inactive', 'blocked', 'unknown'] as const;

export const VendorContact = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the contact (the vendor's id and the contact's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the contact, where contacts are records of their own."),
    name: text('Full name of the contact person.').nullable(),
    email: text('Email address of the contact.').nullable(),
    phone: text('Phone number of the contact, as the system stores it.').nullable(),
    role: text('Role or job title of the contact (e.g. "Sales", "Accounts receivable").').nullable(),
  })
  .describe('A contact person at a vendor.')
  .meta({ id: 'VendorContact' });

export const vendorFields = {
  code: text('Vendor number or code as the system shows it (null until the system assigns one).').nullable(),
  name: text('Legal or trading name of the vendor.').nullable(),
  status: z.enum(vendorStatuses).describe("Normalised status; blocked means no new orders or payments. The system's own value is in remoteStatus."),
  remoteStatus,
  taxId: text('Tax or VAT registration number.').nullable(),
  email: text('Main email address of the vendor.').nullable(),
  phone: text('Main phone number of the vendor, as the system stores it.').nullable(),
  website: text('Website URL of the vendor.').nullable(),
  address: address('Main (registered or remit-to) address of the vendor.'),
  currency: currency('ISO 4217 currency the vendor is ordered from and paid in by default.').nullable(),
  paymentTerms: text('Default payment terms, as the system names them (e.g. "Net 30").').nullable(),
  contacts: z.array(VendorContact).describe('Contact persons at the vendor; empty when the system keeps none.'),
};

export const Vendor = z
  .object({ ...recordEnvelope, ...vendorFields })
  .describe('A vendor (supplier) with its contacts.')
  .meta({ id: 'Vendor' });

export type Vendor = z.infer<typeof Vendor>;
export type VendorContact = z.infer<typeof VendorContact>;
