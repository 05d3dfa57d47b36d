/**
 * Deterministic cXML OrderRequests for the intake tests: the simulators' seeded PRNG makes orders (1–10 lines,
 * several currencies, escaped characters, optional parts), renders each as a cXML document, and
 * says — from its own model, never through the code under test — what the unified purchase order
 * must read.
 */
import { Random } from '../../src/sandbox/random.js';

export interface GenAddress { id: string; name: string; deliverTo: string | null; street: string; city: string; state: string | null; postalCode: string; countryCode: string; countryName: string }
export interface GenLine {
  lineNumber: number;
  supplierPartID: string;
  aux: string | null;
  buyerPartID: string | null;
  description: string;
  /** Tenths, so the expected totals are exact integer arithmetic. */
  quantityTenths: number;
  unitOfMeasure: string;
  /** Hundredths of the currency unit. */
  unitPriceCents: number;
  requestedDeliveryDate: string;
  unspsc: string;
  costCenter: { id: string; name: string };
}
export interface GenOrder {
  orderID: string;
  orderVersion: number;
  type: 'new' | 'update' | 'delete';
  payloadID: string;
  documentReference: string | null;
  orderDate: string;
  currency: string;
  supplier: string;
  shipTo: GenAddress;
  billTo: GenAddress;
  comments: string;
  workOrder: string;
  netDays: number | null;
  lines: GenLine[];
}

export const BUYER_ID = 'AN01000000001';
export const SHARED_SECRET = 's3cr3t-Intake!';

const CITIES = [
  { city: 'Bedford', state: 'MA', postalCode: '01730', countryCode: 'US', countryName: 'United States', currency: 'USD' },
  { city: 'Lyon', state: null, postalCode: '69001', countryCode: 'FR', countryName: 'France', currency: 'EUR' },
  { city: 'Leeds', state: null, postalCode: 'LS1 4AP', countryCode: 'GB', countryName: 'United Kingdom', currency: 'GBP' },
  { city: 'Utrecht', state: null, postalCode: '3511 AB', countryCode: 'NL', countryName: 'Netherlands', currency: 'EUR' },
  { city: 'Kuwait City', state: null, postalCode: '13001', countryCode: 'KW', countryName: 'Kuwait', currency: 'KWD' },
] as const;
const PARTS = ['Pump seal kit', 'Bearing 6204-2RS', 'V-belt A42', 'Bolts & nuts M8 <zinc>', 'Hydraulic hose 1/2" "SAE"', 'Filter cartridge', 'Gasket set', "Motor 4 kW 'IE3'"];
const UOMS = ['EA', 'BX', 'M', 'KGM', 'SET'];

export function generateOrder(rand: Random, n: number, seq: () => number): GenOrder {
  const place = rand.pick(CITIES);
  const lineCount = rand.int(1, 10);
  const day = rand.int(1, 27);
  const address = (id: string, name: string, deliverTo: string | null): GenAddress => ({ id, name, deliverTo, street: `${rand.int(1, 200)} Industrial Way`, ...place });
  return {
    orderID: `PO${String(4000 + n).padStart(6, '0')}`,
    orderVersion: 1,
    type: 'new',
    payloadID: `${1714652100000 + seq()}.${n}@buyer.example.com`,
    documentReference: null,
    orderDate: `2026-03-${String(day).padStart(2, '0')}T08:15:00-07:00`,
    currency: place.currency,
    supplier: `${rand.int(100000000, 100000004)}`,
    shipTo: address(`PLANT-${n % 4}`, `Plant ${n % 4}`, rand.chance(0.7) ? 'Maintenance Stores' : null),
    billTo: address('AP-1', 'Accounts Payable', null),
    comments: `For WO ${1000 + n} & shift "B"`,
    workOrder: String(1000 + n),
    netDays: rand.chance(0.5) ? 30 : null,
    lines: Array.from({ length: lineCount }, (_, i) => generateLine(rand, i + 1, day)),
  };
}

function generateLine(rand: Random, lineNumber: number, day: number): GenLine {
  const part = rand.int(0, PARTS.length - 1);
  return {
    lineNumber,
    supplierPartID: `PS-${100 + part}-${lineNumber}`,
    aux: rand.chance(0.3) ? `AUX-${lineNumber}` : null,
    buyerPartID: rand.chance(0.4) ? `MAT-${2000 + part}` : null,
    description: PARTS[part]!,
    quantityTenths: 10 * rand.int(1, 20) + (rand.chance(0.3) ? 5 : 0),
    unitOfMeasure: rand.pick(UOMS),
    unitPriceCents: rand.int(50, 100_049),
    requestedDeliveryDate: `2026-04-${String(Math.min(28, day + lineNumber)).padStart(2, '0')}`,
    unspsc: `4015${1600 + part}`,
    costCenter: { id: `CC-${4100 + (part % 3)}`, name: ['Maintenance', 'Production', 'Facilities'][part % 3]! },
  };
}

/** The next revision of an order: some lines changed, one added or dropped. */
export function revise(rand: Random, order: GenOrder, payloadID: string): GenOrder {
  const lines = order.lines.map((l) => (rand.chance(0.5) ? { ...l, quantityTenths: l.quantityTenths + 10, unitPriceCents: l.unitPriceCents + 7 } : l));
  if (lines.length > 1 && rand.chance(0.4)) lines.pop();
  else if (lines.length < 10) lines.push(generateLine(rand, lines.length + 1, 3));
  return { ...order, type: 'update', orderVersion: order.orderVersion + 1, payloadID, documentReference: order.payloadID, comments: `${order.comments} (rev ${order.orderVersion + 1})`, lines };
}

export function cancel(order: GenOrder, payloadID: string): GenOrder {
  return { ...order, type: 'delete', payloadID, documentReference: order.payloadID };
}

// ---- exact decimals from integers (independent of the intake's own decimal code)

export function fromUnits(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
export const quantityText = (l: GenLine) => fromUnits(BigInt(l.quantityTenths), 1);
export const priceText = (l: GenLine) => fromUnits(BigInt(l.unitPriceCents), 2);
export const lineTotalText = (l: GenLine) => fromUnits(BigInt(l.quantityTenths) * BigInt(l.unitPriceCents), 3);
export const totalText = (o: GenOrder) => fromUnits(o.lines.reduce((s, l) => s + BigInt(l.quantityTenths) * BigInt(l.unitPriceCents), 0n), 3);

// ---- rendering

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function addressXml(a: GenAddress): string {
  return `<Address addressID="${esc(a.id)}"><Name xml:lang="en">${esc(a.name)}</Name><PostalAddress>${a.deliverTo ? `<DeliverTo>${esc(a.deliverTo)}</DeliverTo>` : ''}` +
    `<Street>${esc(a.street)}</Street><City>${esc(a.city)}</City>${a.state ? `<State>${a.state}</State>` : ''}<PostalCode>${esc(a.postalCode)}</PostalCode>` +
    `<Country isoCountryCode="${a.countryCode}">${esc(a.countryName)}</Country></PostalAddress></Address>`;
}

/** `sharedSecret: null` leaves the SharedSecret out (a sender that authenticates over HTTP only). */
export function renderOrder(o: GenOrder, opts: { sharedSecret?: string | null } = {}): string {
  const money = (amount: string) => `<Money currency="${o.currency}">${amount}</Money>`;
  const items = o.lines.map((l) =>
    `<ItemOut quantity="${quantityText(l)}" lineNumber="${l.lineNumber}" requestedDeliveryDate="${l.requestedDeliveryDate}">` +
    `<ItemID><SupplierPartID>${esc(l.supplierPartID)}</SupplierPartID>${l.aux ? `<SupplierPartAuxiliaryID>${esc(l.aux)}</SupplierPartAuxiliaryID>` : ''}${l.buyerPartID ? `<BuyerPartID>${esc(l.buyerPartID)}</BuyerPartID>` : ''}</ItemID>` +
    `<ItemDetail><UnitPrice>${money(priceText(l))}</UnitPrice><Description xml:lang="en">${esc(l.description)}</Description>` +
    `<UnitOfMeasure>${l.unitOfMeasure}</UnitOfMeasure><Classification domain="UNSPSC">${l.unspsc}</Classification></ItemDetail>` +
    `<Distribution><Accounting name="CostCenter"><AccountingSegment id="${l.costCenter.id}"><Name xml:lang="en">${l.costCenter.name}</Name>` +
    `<Description xml:lang="en">${l.costCenter.name} cost centre</Description></AccountingSegment></Accounting><Charge>${money(lineTotalText(l))}</Charge></Distribution>` +
    `</ItemOut>`).join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">
<cXML payloadID="${o.payloadID}" timestamp="2026-03-05T08:15:00-07:00" xml:lang="en-US">
  <Header>
    <From><Credential domain="NetworkId"><Identity>${BUYER_ID}</Identity></Credential></From>
    <To><Credential domain="DUNS"><Identity>${o.supplier}</Identity></Credential></To>
    <Sender><Credential domain="NetworkId"><Identity>${BUYER_ID}</Identity>${opts.sharedSecret === null ? '' : `<SharedSecret>${esc(opts.sharedSecret ?? SHARED_SECRET)}</SharedSecret>`}</Credential><UserAgent>Test S2P 1.0</UserAgent></Sender>
  </Header>
  <Request deploymentMode="production">
    <OrderRequest>
      <OrderRequestHeader orderID="${o.orderID}" orderDate="${o.orderDate}" type="${o.type}" orderType="regular" orderVersion="${o.orderVersion}">
        <Total>${money(totalText(o))}</Total>
        <ShipTo>${addressXml(o.shipTo)}</ShipTo>
        <BillTo>${addressXml(o.billTo)}</BillTo>
        ${o.netDays ? `<PaymentTerm payInNumberOfDays="${o.netDays}"/>` : ''}
        <Comments xml:lang="en">${esc(o.comments)}</Comments>
        ${o.documentReference ? `<DocumentReference payloadID="${o.documentReference}"/>` : ''}
        <Extrinsic name="WorkOrder">${o.workOrder}</Extrinsic>
      </OrderRequestHeader>
      ${items}
    </OrderRequest>
  </Request>
</cXML>
`;
}

// ---- what the unified purchase order must read

const address = (a: GenAddress) => {
  const lines = [...(a.deliverTo ? [a.deliverTo] : []), a.street];
  return { name: a.name, line1: lines[0] ?? null, line2: lines[1] ?? null, line3: null, city: a.city, region: a.state, postalCode: a.postalCode, country: a.countryCode, raw: null };
};

/** The unified fields the order must read (the envelope aside), from the generator's own model. */
export function expectedFields(o: GenOrder): Record<string, unknown> {
  const cancelled = o.type === 'delete';
  return {
    number: o.orderID,
    status: cancelled ? 'cancelled' : 'ordered',
    remoteStatus: o.type,
    vendor: { id: null, remoteId: o.supplier, name: null, code: o.supplier },
    buyer: null,
    site: { id: null, remoteId: BUYER_ID, name: null, code: BUYER_ID },
    orderDate: o.orderDate.slice(0, 10),
    requiredDate: null,
    deliveryDate: null,
    currency: o.currency,
    paymentTerms: o.netDays ? `Net ${o.netDays}` : null,
    shippingMethod: null,
    shipTo: address(o.shipTo),
    billTo: address(o.billTo),
    subtotal: totalText(o),
    taxTotal: null,
    total: totalText(o),
    description: null,
    notes: o.comments,
    approvedAt: null,
    lines: o.lines.map((l) => ({
      remoteId: String(l.lineNumber),
      lineNumber: l.lineNumber,
      item: l.buyerPartID ? { id: null, remoteId: l.buyerPartID, name: l.description, code: l.buyerPartID } : null,
      itemCode: l.buyerPartID,
      vendorItemCode: l.supplierPartID,
      description: l.description,
      quantity: quantityText(l),
      unitOfMeasure: l.unitOfMeasure,
      unitPrice: priceText(l),
      discount: null,
      taxAmount: null,
      lineTotal: lineTotalText(l),
      requiredDate: l.requestedDeliveryDate,
      deliveryDate: null,
      quantityReceived: null,
      quantityInvoiced: null,
      status: cancelled ? 'cancelled' : 'open',
      account: { id: null, remoteId: l.costCenter.id, name: l.costCenter.name, code: l.costCenter.id },
      asset: null,
      workOrder: null,
      customFields: {
        supplierPartAuxiliaryID: l.aux,
        classifications: [{ domain: 'UNSPSC', value: l.unspsc }],
        manufacturerPartID: null,
        manufacturerName: null,
        requisitionID: null,
        shipTo: null,
        comments: null,
        extrinsics: {},
        distribution: [{ accounting: 'CostCenter', segments: [{ id: l.costCenter.id, name: l.costCenter.name, description: `${l.costCenter.name} cost centre` }], charge: { amount: lineTotalText(l), currency: o.currency } }],
      },
    })),
  };
}
