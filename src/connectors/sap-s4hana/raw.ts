/**
 * The native records Manifold reads from SAP S/4HANA, as stored (remoteData): the OData V2
 * entity without `__metadata` and unexpanded navigations, with expanded navigations as arrays
 * (kit `plainEntity`). Values stay as SAP writes them: decimals as strings ("10.000"),
 * Edm.DateTime as "/Date(ms)/", Edm.DateTimeOffset as "/Date(ms+0000)/", empty text as "".
 * Only the fields the mapping uses are typed; every other property passes through untouched
 * (field mapping and custom fields may use any of them).
 */
import { z } from 'zod';

const text = z.string();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be an Edm.Decimal string');
const date = z.string().regex(/^\/Date\(-?\d+([+-]\d{1,4})?\)\/$/, 'must be an OData /Date(…)/ value').nullable();

export const ScheduleLineRaw = z.looseObject({
  PurchasingDocument: text,
  PurchasingDocumentItem: text,
  ScheduleLine: text,
  ScheduleLineDeliveryDate: date,
  ScheduleLineOrderQuantity: decimal,
});
export type ScheduleLineRaw = z.output<typeof ScheduleLineRaw>;

export const PurchaseOrderItemRaw = z.looseObject({
  PurchaseOrder: text,
  PurchaseOrderItem: text,
  PurchasingDocumentDeletionCode: text,
  PurchaseOrderItemText: text,
  Plant: text,
  Material: text,
  SupplierMaterialNumber: text,
  OrderQuantity: decimal,
  PurchaseOrderQuantityUnit: text,
  OrderPriceUnitToOrderUnitNmrtr: decimal,
  OrdPriceUnitToOrderUnitDnmntr: decimal,
  NetPriceAmount: decimal,
  NetPriceQuantity: decimal,
  DocumentCurrency: text,
  IsCompletelyDelivered: z.boolean(),
  IsFinallyInvoiced: z.boolean(),
  DeliveryAddressName: text,
  DeliveryAddressStreetName: text,
  DeliveryAddressHouseNumber: text,
  DeliveryAddressCityName: text,
  DeliveryAddressPostalCode: text,
  DeliveryAddressRegion: text,
  DeliveryAddressCountry: text,
  to_ScheduleLine: z.array(ScheduleLineRaw),
});
export type PurchaseOrderItemRaw = z.output<typeof PurchaseOrderItemRaw>;

export const PurchaseOrderRaw = z.looseObject({
  PurchaseOrder: text,
  CompanyCode: text,
  PurchaseOrderType: text,
  PurchasingDocumentDeletionCode: text,
  PurchasingProcessingStatus: text,
  CreationDate: date,
  LastChangeDateTime: date,
  Supplier: text,
  PaymentTerms: text,
  PurchasingGroup: text,
  PurchaseOrderDate: date,
  DocumentCurrency: text,
  IncotermsClassification: text,
  IncotermsLocation1: text,
  ReleaseIsNotCompleted: z.boolean(),
  PurchasingCompletenessStatus: z.boolean(),
  CorrespncInternalReference: text,
  to_PurchaseOrderItem: z.array(PurchaseOrderItemRaw),
});
export type PurchaseOrderRaw = z.output<typeof PurchaseOrderRaw>;

export const SupplierPurchasingOrgRaw = z.looseObject({
  Supplier: text,
  PurchasingOrganization: text,
  PurchaseOrderCurrency: text,
  PaymentTerms: text,
  PurchasingGroup: text,
  PurchasingIsBlockedForSupplier: z.boolean(),
  DeletionIndicator: z.boolean(),
  SupplierPhoneNumber: text,
  SupplierRespSalesPersonName: text,
});
export type SupplierPurchasingOrgRaw = z.output<typeof SupplierPurchasingOrgRaw>;

export const SupplierCompanyRaw = z.looseObject({
  Supplier: text,
  CompanyCode: text,
  DeletionIndicator: z.boolean(),
});
export type SupplierCompanyRaw = z.output<typeof SupplierCompanyRaw>;

export const SupplierRaw = z.looseObject({
  Supplier: text,
  SupplierName: text,
  SupplierFullName: text,
  VATRegistration: text,
  CreationDate: date,
  PurchasingIsBlocked: z.boolean(),
  PostingIsBlocked: z.boolean(),
  DeletionIndicator: z.boolean(),
  to_SupplierPurchasingOrg: z.array(SupplierPurchasingOrgRaw),
  to_SupplierCompany: z.array(SupplierCompanyRaw),
});
export type SupplierRaw = z.output<typeof SupplierRaw>;
