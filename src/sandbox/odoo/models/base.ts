/**
 * The base and accounting models the purchase, stock and maintenance models point to: companies,
 * currencies, countries, partners (vendors and their contacts), users, payment terms, taxes,
 * incoterms, units. Field names and types as in Odoo 17.0 (odoo/addons/base/models/res_partner.py,
 * addons/purchase/models/res_partner.py, addons/account/models/…).
 */
import { F, type Env, type Row } from '../fields.js';
import type { ModelSpec } from '../model.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const company: ModelSpec = {
  name: 'res.company',
  description: 'Companies',
  fields: {
    name: F.char('Company Name', { required: true }),
    currency_id: F.many2one('Currency', 'res.currency', { required: true }),
    partner_id: F.many2one('Partner', 'res.partner', { required: true }),
    // purchase/models/res_company.py: double validation of large orders, and locking confirmed ones.
    po_double_validation: F.selection('Levels of Approvals', [['one_step', 'Confirm purchase orders in one step'], ['two_step', 'Get 2 levels of approvals to confirm a purchase order']]),
    po_double_validation_amount: F.monetary('Double validation amount', 'currency_id'),
    po_lock: F.selection('Purchase Order Modification', [['edit', 'Allow to edit purchase orders'], ['lock', 'Confirmed purchase orders are not editable']]),
  },
};

export const currency: ModelSpec = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    name: F.char('Currency', { required: true }),
    full_name: F.char('Name'),
    symbol: F.char('Symbol', { required: true }),
    rounding: F.float('Rounding Factor'),
    // Units of this currency per unit of the company's currency (the latest res.currency.rate).
    rate: F.float('Current Rate', { digits: 6 }),
    decimal_places: F.integer('Decimal Places', { compute: (row) => Math.max(0, Math.round(-Math.log10(Number(row.rounding) || 0.01))) }),
    active: F.boolean('Active', { default: () => true }),
  },
};

export const country: ModelSpec = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: { name: F.char('Country Name', { required: true }), code: F.char('Country Code') },
};

export const countryState: ModelSpec = {
  name: 'res.country.state',
  description: 'Country state',
  order: 'code',
  fields: { name: F.char('State Name', { required: true }), code: F.char('State Code', { required: true }), country_id: F.many2one('Country', 'res.country', { required: true }) },
  displayName: (row, env) => `${str(row.name)} (${str(env.db.get('res.country', row.country_id as number)?.code)})`,
};

/** res.partner._display_address with the default address format (commercial company name first). */
function contactAddress(row: Row, env: Env): string {
  const state = typeof row.state_id === 'number' ? env.db.get('res.country.state', row.state_id) : undefined;
  const country = typeof row.country_id === 'number' ? env.db.get('res.country', row.country_id) : undefined;
  const address = `${str(row.street)}\n${str(row.street2)}\n${str(row.city)} ${str(state?.code)} ${str(row.zip)}\n${str(country?.name)}`;
  const commercial = row.is_company ? str(row.name) : typeof row.parent_id === 'number' ? str(env.db.get('res.partner', row.parent_id)?.name) : '';
  return commercial ? `${commercial}\n${address}` : address;
}

export const partner: ModelSpec = {
  name: 'res.partner',
  description: 'Contact',
  order: 'display_name, id desc',
  fields: {
    name: F.char('Name'),
    ref: F.char('Reference'),
    vat: F.char('Tax ID'),
    email: F.char('Email'),
    phone: F.char('Phone'),
    mobile: F.char('Mobile'),
    website: F.char('Website Link'),
    street: F.char('Street'),
    street2: F.char('Street2'),
    city: F.char('City'),
    state_id: F.many2one('State', 'res.country.state'),
    zip: F.char('Zip'),
    country_id: F.many2one('Country', 'res.country'),
    contact_address: F.char('Complete Address', { compute: contactAddress }),
    is_company: F.boolean('Is a Company'),
    parent_id: F.many2one('Related Company', 'res.partner'),
    child_ids: F.one2many('Contact', 'res.partner', 'parent_id'),
    type: F.selection('Address Type', [['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'], ['other', 'Other Address'], ['private', 'Private Address']], { default: () => 'contact' }),
    function: F.char('Job Position'),
    comment: F.html('Notes'),
    active: F.boolean('Active', { default: () => true }),
    company_id: F.many2one('Company', 'res.company'),
    supplier_rank: F.integer('Supplier Rank'),
    customer_rank: F.integer('Customer Rank'),
    property_purchase_currency_id: F.many2one('Supplier Currency', 'res.currency'),
    property_supplier_payment_term_id: F.many2one('Vendor Payment Terms', 'account.payment.term'),
    purchase_warn: F.selection('Purchase Order Warning', [['no-message', 'No Message'], ['warning', 'Warning'], ['block', 'Blocking Message']], { default: () => 'no-message' }),
    purchase_warn_msg: F.text('Message for Purchase Order'),
  },
  // A contact of a company shows as "Company, Person" (res.partner._compute_display_name).
  displayName: (row, env) => {
    const parent = typeof row.parent_id === 'number' ? env.db.get('res.partner', row.parent_id) : undefined;
    return parent && !row.is_company ? `${str(parent.name)}, ${str(row.name)}` : str(row.name);
  },
  beforeCreate: (env, vals) => {
    if (!vals.name && (vals.type ?? 'contact') === 'contact') {
      // res.partner's check_name constraint: only addresses of a parent may go without a name.
      throw env.db.mandatoryError(env.db.spec('res.partner'), 'name');
    }
  },
};

export const user: ModelSpec = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    name: F.char('Name', { required: true }),
    login: F.char('Login', { required: true }),
    partner_id: F.many2one('Related Partner', 'res.partner'),
    company_id: F.many2one('Company', 'res.company'),
    active: F.boolean('Active', { default: () => true }),
  },
};

export const paymentTerm: ModelSpec = {
  name: 'account.payment.term',
  description: 'Payment Terms',
  order: 'sequence, id',
  fields: { name: F.char('Payment Terms', { required: true }), sequence: F.integer('Sequence'), active: F.boolean('Active', { default: () => true }) },
};

export const tax: ModelSpec = {
  name: 'account.tax',
  description: 'Tax',
  order: 'sequence, id',
  fields: {
    name: F.char('Tax Name', { required: true }),
    sequence: F.integer('Sequence'),
    amount: F.float('Amount', { digits: 4 }),
    amount_type: F.selection('Tax Computation', [['fixed', 'Fixed'], ['percent', 'Percentage of Price'], ['division', 'Percentage of Price Tax Included'], ['group', 'Group of Taxes']], { default: () => 'percent' }),
    type_tax_use: F.selection('Tax Type', [['sale', 'Sales'], ['purchase', 'Purchases'], ['none', 'None']]),
    active: F.boolean('Active', { default: () => true }),
  },
};

export const incoterm: ModelSpec = {
  name: 'account.incoterms',
  description: 'Incoterms',
  fields: { name: F.char('Name', { required: true }), code: F.char('Code', { required: true }), active: F.boolean('Active', { default: () => true }) },
};

export const uom: ModelSpec = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'factor DESC, id',
  fields: {
    name: F.char('Unit of Measure', { required: true }),
    factor: F.float('Ratio'),
    rounding: F.float('Rounding Precision'),
    active: F.boolean('Active', { default: () => true }),
  },
};

export const baseModels = [company, currency, country, countryState, partner, user, paymentTerm, tax, incoterm, uom];
