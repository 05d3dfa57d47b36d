// Master data the seed creates: currencies, payment terms, suppliers and products.
// Fictional but realistic for a maintenance purchasing department.

export const CURRENCIES = [
  // rate = units per 1 EUR (Tryton's rates are relative to a currency with rate 1)
  { code: 'EUR', name: 'Euro', symbol: '€', numeric_code: '978', digits: 2, rounding: '0.01', rate: '1.0' },
  { code: 'USD', name: 'US Dollar', symbol: '$', numeric_code: '840', digits: 2, rounding: '0.01', rate: '1.0825' },
  { code: 'GBP', name: 'Pound Sterling', symbol: '£', numeric_code: '826', digits: 2, rounding: '0.01', rate: '0.8412' },
  // Three decimals: catches connectors that assume every currency has cents.
  { code: 'KWD', name: 'Kuwaiti Dinar', symbol: 'KD', numeric_code: '414', digits: 3, rounding: '0.001', rate: '0.3318' },
] as const;

export type CurrencyCode = (typeof CURRENCIES)[number]['code'];

export const PAYMENT_TERMS = [
  { name: 'Net 30', description: 'Payment 30 days after invoice date', lines: [{ type: 'remainder', days: 30 }] },
  { name: 'Net 60', description: 'Payment 60 days after invoice date', lines: [{ type: 'remainder', days: 60 }] },
  { name: 'Due on receipt', description: null, lines: [{ type: 'remainder', days: 0 }] },
  {
    name: '30% advance, balance 45 days',
    description: '30% with the order, the remainder 45 days after invoice',
    lines: [
      { type: 'percent', ratio: '0.3', divisor: '3.33333333333333', days: 0 },
      { type: 'remainder', days: 45 },
    ],
  },
] as const;

export type PaymentTermName = (typeof PAYMENT_TERMS)[number]['name'];

export interface SupplierSpec {
  key: string;
  name: string;
  /** party.code; omitted ones get the next number from Tryton's party sequence */
  code?: string;
  currency: CurrencyCode;
  paymentTerm: PaymentTermName;
  identifier?: { type: string; code: string };
  email: string;
  phone: string;
  website?: string;
  addresses: { name?: string; street: string; city: string; postal_code: string; invoice?: boolean; delivery?: boolean }[];
  weight: number;
}

// Fictional companies. The tax numbers are random but pass python-stdnum's checksum,
// which Tryton enforces on party.identifier.
export const SUPPLIERS: SupplierSpec[] = [
  {
    key: 'acme',
    name: 'ACME Industrial Supplies GmbH',
    code: 'V-1001',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'DE310341316' },
    email: 'orders@acme-industrial.example',
    phone: '+49 231 5550 100',
    website: 'https://acme-industrial.example',
    addresses: [{ street: 'Industriestraße 12', city: 'Dortmund', postal_code: '44147' }],
    weight: 16,
  },
  {
    key: 'nordic',
    name: 'Nordic Bearings AB',
    code: 'V-1002',
    currency: 'EUR',
    paymentTerm: 'Net 60',
    identifier: { type: 'eu_vat', code: 'SE870021765901' },
    email: 'sales@nordicbearings.example',
    phone: '+46 31 555 20 40',
    addresses: [{ street: 'Lagervägen 4', city: 'Göteborg', postal_code: '415 05' }],
    weight: 12,
  },
  {
    key: 'brightline',
    name: 'Brightline Lubricants Ltd',
    code: 'V-1003',
    currency: 'GBP',
    paymentTerm: 'Net 30',
    identifier: { type: 'gb_vat', code: 'GB291212775' },
    email: 'trade@brightline-lubricants.example',
    phone: '+44 121 555 0199',
    addresses: [
      { name: 'Head office', street: 'Unit 7, Canal Way', city: 'Birmingham', postal_code: 'B7 4QH', invoice: true },
      { name: 'Depot', street: '22 Wharf Road', city: 'Stoke-on-Trent', postal_code: 'ST4 2DP', delivery: true },
    ],
    weight: 10,
  },
  {
    key: 'hps',
    name: 'Hydraulic Power Systems Inc.',
    code: 'V-1004',
    currency: 'USD',
    paymentTerm: '30% advance, balance 45 days',
    identifier: { type: 'us_ein', code: '42-0593040' },
    email: 'intl.orders@hps-hydraulics.example',
    phone: '+1 216 555 0147',
    website: 'https://hps-hydraulics.example',
    addresses: [{ street: '4100 Commerce Drive, Suite 200', city: 'Cleveland, OH', postal_code: '44114' }],
    weight: 9,
  },
  {
    key: 'filtration',
    name: 'Société Lyonnaise de Filtration SARL',
    code: 'V-1005',
    currency: 'EUR',
    paymentTerm: 'Net 60',
    identifier: { type: 'eu_vat', code: 'FR30047868633' },
    email: 'commandes@slf-filtration.example',
    phone: '+33 4 78 55 01 23',
    addresses: [{ street: '18 rue des Artisans', city: 'Lyon', postal_code: '69007' }],
    weight: 11,
  },
  {
    key: 'gulf',
    name: 'Gulf Maintenance Trading W.L.L.',
    currency: 'KWD',
    paymentTerm: 'Due on receipt',
    email: 'procurement@gulf-maint.example',
    phone: '+965 2 555 1234',
    addresses: [{ street: 'Block 1, Street 13, Shuwaikh Industrial Area', city: 'Kuwait City', postal_code: '13001' }],
    weight: 6,
  },
  {
    key: 'vandijk',
    name: 'Van Dijk Elektrotechniek B.V.',
    code: 'V-1007',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'NL936385467B01' },
    email: 'verkoop@vandijk-elektro.example',
    phone: '+31 10 555 7788',
    addresses: [{ street: 'Havenweg 22', city: 'Rotterdam', postal_code: '3089 JK' }],
    weight: 9,
  },
  {
    key: 'seals',
    name: 'Precision Seals & Gaskets Ltd',
    currency: 'GBP',
    paymentTerm: 'Net 30',
    identifier: { type: 'gb_vat', code: 'GB578759856' },
    email: 'sales@precision-seals.example',
    phone: '+44 113 555 0420',
    addresses: [{ street: '4 Mill Lane, Hunslet', city: 'Leeds', postal_code: 'LS10 1AB' }],
    weight: 7,
  },
  {
    key: 'midwest',
    name: 'Midwest Fasteners LLC',
    code: 'V-1009',
    currency: 'USD',
    paymentTerm: 'Net 60',
    identifier: { type: 'us_ein', code: '48-0396522' },
    email: 'export@midwestfasteners.example',
    phone: '+1 614 555 0190',
    addresses: [{ street: '880 Industrial Parkway', city: 'Columbus, OH', postal_code: '43215' }],
    weight: 7,
  },
  {
    key: 'werkzeug',
    name: 'Größer Werkzeug & Arbeitsschutz KG',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'DE834738299' },
    email: 'bestellung@groesser-werkzeug.example',
    phone: '+49 203 555 3300',
    addresses: [
      { name: 'Zentrale', street: 'Am Hüttenwerk 3', city: 'Duisburg', postal_code: '47137', invoice: true },
      { name: 'Lager Nord', street: 'Hafenstraße 81', city: 'Duisburg', postal_code: '47119', delivery: true },
    ],
    weight: 8,
  },
];

export type UomName = 'unit' | 'kg' | 'liter' | 'meter' | 'hour';
export const UOM_SYMBOL: Record<UomName, string> = { unit: 'u', kg: 'kg', liter: 'l', meter: 'm', hour: 'h' };

export interface ProductSpec {
  code: string;
  name: string;
  uom: UomName;
  /** EUR, kept as a string so 2 and 4 decimal prices survive unchanged */
  cost: string;
  type?: 'goods' | 'service';
  consumable?: boolean;
  description?: string;
  /** preferred suppliers (keys of SUPPLIERS) */
  suppliers: string[];
}

export const PRODUCTS: ProductSpec[] = [
  { code: 'BRG-6204', name: 'Deep groove ball bearing 6204-2RS', uom: 'unit', cost: '4.85', suppliers: ['nordic', 'acme'] },
  { code: 'BRG-6306', name: 'Deep groove ball bearing 6306-ZZ', uom: 'unit', cost: '12.4750', suppliers: ['nordic', 'acme'] },
  { code: 'BRG-22210', name: 'Spherical roller bearing 22210 E', uom: 'unit', cost: '86.20', suppliers: ['nordic'] },
  { code: 'OIL-HV46', name: 'Hydraulic oil HV 46', uom: 'liter', cost: '3.1250', suppliers: ['brightline', 'gulf'] },
  { code: 'OIL-GR220', name: 'Gear oil ISO VG 220', uom: 'liter', cost: '4.95', suppliers: ['brightline', 'gulf'] },
  { code: 'GRS-EP2', name: 'Lithium grease EP2', uom: 'kg', cost: '7.3480', suppliers: ['brightline', 'acme'] },
  { code: 'FLT-HY10', name: 'Hydraulic filter element 10 µm', uom: 'unit', cost: '38.90', suppliers: ['filtration', 'hps'] },
  { code: 'FLT-AIR-F7', name: 'Air filter panel F7 592×592', uom: 'unit', cost: '24.5625', suppliers: ['filtration'] },
  { code: 'FLT-OIL-W712', name: 'Oil filter W712/75', uom: 'unit', cost: '6.80', suppliers: ['filtration', 'acme'] },
  { code: 'BLT-SPA1250', name: 'V-belt SPA 1250', uom: 'unit', cost: '9.15', suppliers: ['acme', 'werkzeug'] },
  { code: 'CHN-08B1', name: 'Roller chain 08B-1', uom: 'meter', cost: '14.3275', suppliers: ['acme'] },
  { code: 'CBL-NYY3X2.5', name: 'Power cable NYY-J 3×2.5 mm²', uom: 'meter', cost: '1.8940', suppliers: ['vandijk'] },
  { code: 'HOS-HYD-12', name: 'Hydraulic hose 1/2" 2SN', uom: 'meter', cost: '11.25', suppliers: ['hps', 'gulf'] },
  { code: 'SEA-OR-NBR70', name: 'O-ring kit NBR 70 (382 pcs)', uom: 'unit', cost: '32.00', suppliers: ['seals'] },
  { code: 'SEA-MS-45', name: 'Mechanical seal 45 mm, SiC/SiC', uom: 'unit', cost: '214.3300', suppliers: ['seals'] },
  { code: 'FAS-M12X50', name: 'Hex bolt M12×50 8.8 zinc plated (bulk)', uom: 'kg', cost: '5.6125', suppliers: ['midwest', 'werkzeug'] },
  { code: 'WLD-ER70S6', name: 'Welding wire ER70S-6 Ø1.0 mm', uom: 'kg', cost: '3.78', suppliers: ['werkzeug', 'midwest'] },
  { code: 'PNT-RAL5010', name: 'Machine enamel RAL 5010 gentian blue', uom: 'liter', cost: '18.6450', suppliers: ['werkzeug'] },
  { code: 'GLV-NIT-L', name: 'Nitrile gloves size L, box of 100', uom: 'unit', cost: '8.40', consumable: true, suppliers: ['werkzeug', 'gulf'] },
  { code: 'CLN-IPA99', name: 'Isopropyl alcohol 99.9 %', uom: 'liter', cost: '6.1175', consumable: true, suppliers: ['brightline', 'werkzeug'] },
  { code: 'SNS-PT100', name: 'Temperature sensor PT100, 4-wire', uom: 'unit', cost: '47.50', suppliers: ['vandijk'] },
  { code: 'MTR-IE3-4K', name: 'Electric motor IE3 4 kW 1500 rpm', uom: 'unit', cost: '389.00', suppliers: ['vandijk', 'hps'] },
  {
    code: 'SRV-CAL',
    name: 'On-site calibration service',
    uom: 'hour',
    cost: '95.00',
    type: 'service',
    description: 'Calibration of pressure and temperature instruments, certificate included.',
    suppliers: ['vandijk'],
  },
  { code: 'SRV-VIB', name: 'Vibration analysis, route-based', uom: 'hour', cost: '120.5000', type: 'service', suppliers: ['nordic'] },
];
