/**
 * The business rules of the purchase-order service the simulator enforces, each one a message
 * SAP's purchasing (ME/06 message classes) would give, as a 400 with the OData error body.
 *
 * Locks (protocol notes §1.7: deleted or fully processed items cannot be changed; SAP Help
 * "Changes After the Start of the Release Procedure"): this simulated system's release strategy
 * has changeability indicator 1 — an order in release (processing status 03) or released (05)
 * cannot be changed or deleted; an order flagged for deletion cannot be changed (06/020); an
 * order whose items are all delivered and finally invoiced is complete and cannot be changed;
 * an item with a goods receipt cannot be flagged for deletion. Message numbers marked [R] are
 * recalled, not verified against a system.
 */
import { companyCodes, currencyDecimals, incoterms, materialByCode, paymentTerms, purchasingGroups, type SupplierRecord } from './catalog.js';
import { SapError, type Detail } from './errors.js';
import type { SimItem, SimOrder } from './generate.js';

export const UNITS = new Set(['PC', 'EA', 'KG', 'L', 'M', 'BOX', 'ST', 'H']);

const fail = (code: string, message: string, propertyref?: string) => new SapError(400, code, message, propertyref === undefined ? {} : { propertyref });

const live = (order: SimOrder) => order.items.filter((it) => it.item.PurchasingDocumentDeletionCode !== 'L');

/** The order may not change at all (header or items). */
export function assertChangeable(order: SimOrder): void {
  const number = String(order.header.PurchaseOrder);
  if (order.header.PurchasingDocumentDeletionCode === 'L') throw fail('06/020', 'The document has already been deleted and cannot be changed');
  const status = order.header.PurchasingProcessingStatus;
  if (status === '03' || status === '05') {
    // [R] message number; the rule is changeability indicator 1 of the release strategy.
    throw fail('ME/179', `Purchase order ${number} cannot be changed: its release procedure has started (${status === '03' ? 'in release' : 'released'})`);
  }
  const items = live(order);
  if (items.length > 0 && items.every((it) => it.item.IsCompletelyDelivered === true && it.item.IsFinallyInvoiced === true)) {
    // [R] message number.
    throw fail('ME/180', `Purchase order ${number} is complete (all items delivered and finally invoiced); changes are not possible`);
  }
}

/** An item may not change (besides the order's own locks). */
export function assertItemChangeable(item: SimItem): void {
  if (item.item.PurchasingDocumentDeletionCode === 'L') throw fail('06/020', `Item ${String(item.item.PurchaseOrderItem)} has been deleted and cannot be changed`);
}

/** An item may not be flagged for deletion once goods were received for it. */
export function assertItemDeletable(item: SimItem): void {
  assertItemChangeable(item);
  // [R] message number.
  if (item.item.IsCompletelyDelivered === true) throw fail('ME/181', `Item ${String(item.item.PurchaseOrderItem)} cannot be deleted: a goods receipt has been posted for it`);
}

const mandatory = (label: string, propertyref: string): Detail => ({ code: 'ME/083', message: `Enter ${label}`, propertyref });

/** Header checks of a create (and of a header change), all messages at once. */
export function checkHeader(h: Record<string, unknown>, suppliers: readonly SupplierRecord[], creating: boolean): { details: Detail[]; supplier?: SupplierRecord } {
  const details: Detail[] = [];
  const need = (name: string, label: string) => {
    if (creating && (h[name] === undefined || h[name] === '')) details.push(mandatory(label, name));
  };
  need('PurchaseOrderType', 'Purchasing Doc. Type');
  need('Supplier', 'Supplier');
  need('CompanyCode', 'Company Code');
  need('PurchasingOrganization', 'Purch. Organization');
  need('PurchasingGroup', 'Purchasing Group');
  if (h.PurchaseOrderType && !['NB', 'FO'].includes(String(h.PurchaseOrderType))) details.push({ code: '06/001', message: `Document type ${String(h.PurchaseOrderType)} is not defined for purchase orders`, propertyref: 'PurchaseOrderType' });
  const cc = h.CompanyCode ? companyCodes.find((c) => c.code === h.CompanyCode) : undefined;
  if (h.CompanyCode && !cc) details.push({ code: 'ME/034', message: `Company code ${String(h.CompanyCode)} does not exist`, propertyref: 'CompanyCode' });
  if (h.PurchasingOrganization && !companyCodes.some((c) => c.purchasingOrganization === h.PurchasingOrganization)) details.push({ code: 'ME/035', message: `Purchasing organization ${String(h.PurchasingOrganization)} does not exist`, propertyref: 'PurchasingOrganization' });
  else if (cc && h.PurchasingOrganization && cc.purchasingOrganization !== h.PurchasingOrganization) details.push({ code: 'ME/036', message: `Purchasing organization ${String(h.PurchasingOrganization)} is not responsible for company code ${cc.code}`, propertyref: 'PurchasingOrganization' });
  if (h.PurchasingGroup && !(purchasingGroups as readonly string[]).includes(String(h.PurchasingGroup))) details.push({ code: 'ME/037', message: `Purchasing group ${String(h.PurchasingGroup)} does not exist`, propertyref: 'PurchasingGroup' });
  let supplier: SupplierRecord | undefined;
  if (h.Supplier) {
    supplier = suppliers.find((s) => s.supplier === h.Supplier);
    if (!supplier || supplier.deletionIndicator) details.push({ code: '06/025', message: `Supplier ${String(h.Supplier)} not created (please check your input)`, propertyref: 'Supplier' });
    else if (supplier.purchasingBlocked) details.push({ code: 'ME/039', message: `Supplier ${supplier.supplier} is blocked for purchasing`, propertyref: 'Supplier' });
    else if (h.PurchasingOrganization && supplier.purchasingOrganization !== h.PurchasingOrganization) details.push({ code: '06/027', message: `Supplier ${supplier.supplier} has not been created for purch. organization ${String(h.PurchasingOrganization)}`, propertyref: 'Supplier' });
  }
  if (h.DocumentCurrency && currencyDecimals[String(h.DocumentCurrency)] === undefined) details.push({ code: 'ME/040', message: `Currency ${String(h.DocumentCurrency)} is not defined`, propertyref: 'DocumentCurrency' });
  if (h.PaymentTerms && !paymentTerms[String(h.PaymentTerms)]) details.push({ code: 'ME/041', message: `Terms of payment ${String(h.PaymentTerms)} are not defined`, propertyref: 'PaymentTerms' });
  if (h.IncotermsClassification && !(incoterms as readonly string[]).includes(String(h.IncotermsClassification))) details.push({ code: 'ME/042', message: `Incoterms ${String(h.IncotermsClassification)} are not defined`, propertyref: 'IncotermsClassification' });
  return { details, ...(supplier ? { supplier } : {}) };
}

/** Item checks against the order's company code, all messages at once (prefixed with the item number). */
export function checkItem(it: Record<string, unknown>, companyCode: string, creating: boolean): Detail[] {
  const details: Detail[] = [];
  const no = String(it.PurchaseOrderItem ?? '');
  const at = (d: Detail): Detail => ({ ...d, message: `Item ${no}: ${d.message}` });
  const cc = companyCodes.find((c) => c.code === companyCode);
  if (creating && !it.Plant) details.push(at(mandatory('Plant', 'Plant')));
  else if (it.Plant !== undefined && !cc?.plants.some((p) => p.code === it.Plant)) details.push(at({ code: 'ME/043', message: `Plant ${String(it.Plant)} is not assigned to company code ${companyCode}`, propertyref: 'Plant' }));
  if (creating && !it.Material && !it.AccountAssignmentCategory) details.push(at({ code: '06/026', message: 'Please enter material number or account assignment category', propertyref: 'Material' }));
  if (it.Material && !materialByCode.has(String(it.Material))) details.push(at({ code: 'M3/305', message: `Material ${String(it.Material)} does not exist`, propertyref: 'Material' }));
  if (creating && !it.Material && it.AccountAssignmentCategory && !it.MaterialGroup) details.push(at(mandatory('Material Group', 'MaterialGroup')));
  if ((creating || it.OrderQuantity !== undefined) && !(Number(it.OrderQuantity ?? 0) > 0)) details.push(at(mandatory('Order Quantity', 'OrderQuantity')));
  // [R] message number.
  if ((creating || it.NetPriceAmount !== undefined) && !(Number(it.NetPriceAmount ?? 0) > 0)) details.push(at({ code: '06/218', message: 'Net price must be greater than 0', propertyref: 'NetPriceAmount' }));
  if (it.PurchaseOrderQuantityUnit !== undefined && !UNITS.has(String(it.PurchaseOrderQuantityUnit))) details.push(at({ code: 'ME/044', message: `Unit ${String(it.PurchaseOrderQuantityUnit)} is not defined`, propertyref: 'PurchaseOrderQuantityUnit' }));
  if (it.NetPriceQuantity !== undefined && !(Number(it.NetPriceQuantity) > 0)) details.push(at({ code: 'ME/045', message: 'Price unit must be greater than 0', propertyref: 'NetPriceQuantity' }));
  return details;
}
