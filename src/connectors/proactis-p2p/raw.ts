/**
 * The native records of PROACTIS P2P as Manifold stores them: the document nodes the gateway
 * echoed after an import (Status and DocumentNumber added), read from XML into JSON by ./xml.ts —
 * attributes as keys, repeatable child elements as arrays. The echoed control block is never part
 * of a record (it holds the password). Attribute names are the gateway's (masterData.md,
 * acceptanceGateway.md, purchaseInvoiceGateway.md).
 */
import { z } from 'zod';

const s = z.string();
const opt = s.optional();

/** An empty container element (`<pro:SupplierBranches/>`) reads as ''. */
const container = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? {} : v), schema).optional();

export const ErrorRaw = z.looseObject({ Number: opt, Message: opt, Source: opt });
const errors = container(z.looseObject({ Error: z.array(ErrorRaw).optional() }));

export const ContactRaw = z.looseObject({ ACTION: opt, Tag: s, Name: opt, Email: opt, Phone: opt, Fax: opt });
export type ContactRaw = z.infer<typeof ContactRaw>;

export const BranchRaw = z.looseObject({
  ACTION: opt, Tag: s, Title: opt, Active: opt,
  AddressLine1: opt, AddressLine2: opt, AddressLine3: opt, AddressLine4: opt,
  Country: opt, County: opt, Email: opt, Fax: opt, InvoiceAddress: opt, OrderAddress: opt, OutputType: opt, PostCode: opt, PostTown: opt, Phone: opt,
  SupplierBranchContacts: container(z.looseObject({ SupplierBranchContact: z.array(ContactRaw).optional() })),
});
export type BranchRaw = z.infer<typeof BranchRaw>;

export const CompanySupplierRaw = z.looseObject({
  ACTION: opt, SupplierGrade: opt, CurrencyCode: opt, DefaultInvoiceBranchTag: opt, DefaultOrderBranchTag: opt, Active: opt,
  CompanySupplierGroups: container(z.looseObject({ CompanySupplierGroup: z.array(z.looseObject({ ACTION: opt, Group: s })).optional() })),
});
export type CompanySupplierRaw = z.infer<typeof CompanySupplierRaw>;

/** `<pro:Supplier>` as echoed by ImportDocument (masterData.md, "Suppliers"). */
export const SupplierRaw = z.looseObject({
  Code: s,
  Title: opt, External: opt, OneOffSupplier: opt, SalesTaxCountry: opt, SalesTaxNumber: opt, SalesTaxRegistered: opt, DUNSNumber: opt, CompanyRegistrationNumber: opt,
  Status: opt,
  SupplierBranches: container(z.looseObject({ SupplierBranch: z.array(BranchRaw).optional() })),
  CompanySupplier: CompanySupplierRaw.optional(),
  Errors: errors,
});
export type SupplierRaw = z.infer<typeof SupplierRaw>;

export const ConditionRaw = z.looseObject({ Receipted: opt, Condition: opt, ControlFullyReceiptItem: opt });
export const AcceptanceItemRaw = z.looseObject({
  SelectUsingCode: opt, SelectUsingDiscription: opt, SelectUsingOrderItemGUID: opt,
  Conditions: container(z.looseObject({ Condition: z.array(ConditionRaw).optional() })),
});
export const AcceptanceOrderRaw = z.looseObject({
  SelectUsingDisplayNo: opt, SelectUsingTemplate: opt, SelectUsingOrderNo: opt, ControlFullyReceiptOrder: opt, ControlItemCondition: opt,
  Items: container(z.looseObject({ Item: z.array(AcceptanceItemRaw).optional() })),
});

/** `<pro:Acceptance>` (a goods receipt) as echoed (acceptanceGateway.md). */
export const AcceptanceRaw = z.looseObject({
  Template: opt, DateReceived: opt, AcceptedAt: opt, SupplierDeliveryNote: opt,
  Status: opt,
  DocumentNumber: s,
  Orders: container(z.looseObject({ Order: z.array(AcceptanceOrderRaw).optional() })),
  Errors: errors,
});
export type AcceptanceRaw = z.infer<typeof AcceptanceRaw>;

export const InvoiceItemRaw = z.looseObject({ Position: opt, Value: opt, Price: opt, Quantity: opt, Errors: errors });
export const TaxRaw = z.looseObject({ Band: opt, BandNumber: opt, Code: opt, GrossValue: opt, TaxValue: opt });

/** `<pro:Invoice>` as echoed (purchaseInvoiceGateway.md); REGISTERED ones keep their item errors. */
export const InvoiceRaw = z.looseObject({
  InvoiceDate: opt, SupplierInvoiceNumber: opt, Template: opt, Tray: opt, GrossValue: opt, Supplier: opt,
  Status: opt,
  DocumentNumber: s,
  ParentOrders: container(z.looseObject({ ParentOrder: z.array(z.looseObject({ OrderNumber: opt, Item: z.array(InvoiceItemRaw).optional() })).optional() })),
  TaxDetails: container(z.looseObject({ Tax: z.array(TaxRaw).optional() })),
  Errors: errors,
});
export type InvoiceRaw = z.infer<typeof InvoiceRaw>;

/**
 * A purchase order as the gateway knows it: only by its number. Orders reach Manifold as cXML
 * (the connection's cXML intake stores them); this record shape exists for the cancel only.
 */
export const OrderRefRaw = z.looseObject({ orderID: s });
export type OrderRefRaw = z.infer<typeof OrderRefRaw>;
