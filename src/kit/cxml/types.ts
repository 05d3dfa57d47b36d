/**
 * A cXML OrderRequest as read and checked (see read-order-request.ts): the typed shape the mapper
 * and the intake work from. Names follow the cXML elements and attributes (cXML Reference Guide,
 * OrderRequest); amounts and quantities are exact decimal strings.
 */

export const orderChangeTypes = ['new', 'update', 'delete'] as const;
/** OrderRequestHeader@type: a new order, a change replacing it, or its cancellation. */
export type OrderChange = (typeof orderChangeTypes)[number];

export interface CxmlIssue {
  /** Where, as element path from the cXML root, e.g. `OrderRequest/ItemOut[3]/ItemDetail/UnitPrice/Money`. */
  path: string;
  /** What is wrong, read after the path: "is missing". */
  message: string;
}

export interface CxmlCredential {
  domain: string;
  identity: string;
  /** Only ever compared, never stored or shown. */
  sharedSecret: string | null;
}

export interface CxmlMoney {
  amount: string;
  currency: string;
}

export interface CxmlAddress {
  addressID: string | null;
  name: string;
  deliverTo: string[];
  street: string[];
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  isoCountryCode: string | null;
  email: string | null;
  phone: string | null;
}

export interface CxmlAccountingSegment {
  id: string;
  name: string | null;
  description: string | null;
}

export interface CxmlDistribution {
  accounting: string;
  segments: CxmlAccountingSegment[];
  charge: CxmlMoney;
}

export interface CxmlClassification {
  domain: string;
  value: string;
}

export interface CxmlItem {
  lineNumber: number;
  quantity: string;
  requestedDeliveryDate: string | null;
  requisitionID: string | null;
  supplierPartID: string;
  supplierPartAuxiliaryID: string | null;
  buyerPartID: string | null;
  unitPrice: CxmlMoney;
  description: string;
  shortName: string | null;
  unitOfMeasure: string;
  classifications: CxmlClassification[];
  manufacturerPartID: string | null;
  manufacturerName: string | null;
  extrinsics: Record<string, string>;
  tax: CxmlMoney | null;
  shipTo: CxmlAddress | null;
  distributions: CxmlDistribution[];
  comments: string | null;
}

export interface CxmlPaymentTerm {
  payInNumberOfDays: string | null;
  discountPercent: string | null;
}

export interface CxmlContact {
  role: string | null;
  name: string | null;
  email: string | null;
}

export interface CxmlOrderHeader {
  orderID: string;
  orderDate: string;
  type: OrderChange;
  orderType: string | null;
  /** The revision; absent in the document: null (read as 1 when versions are compared). */
  orderVersion: number | null;
  requestedDeliveryDate: string | null;
  total: CxmlMoney;
  shipTo: CxmlAddress | null;
  billTo: CxmlAddress;
  shippingMethod: string | null;
  shippingAmount: CxmlMoney | null;
  tax: CxmlMoney | null;
  paymentTerms: CxmlPaymentTerm[];
  contacts: CxmlContact[];
  comments: string | null;
  /** DocumentReference@payloadID: the original order's payloadID, on an update or a delete. */
  documentReference: string | null;
  extrinsics: Record<string, string>;
}

export interface CxmlOrderRequest {
  payloadID: string;
  timestamp: string;
  version: string | null;
  lang: string | null;
  from: CxmlCredential[];
  to: CxmlCredential[];
  sender: CxmlCredential[];
  userAgent: string | null;
  deploymentMode: 'production' | 'test';
  header: CxmlOrderHeader;
  items: CxmlItem[];
}
