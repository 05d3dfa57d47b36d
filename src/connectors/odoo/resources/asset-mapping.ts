/** The default field mapping of Odoo assets (maintenance.equipment), as data. Read only. */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { assetFields } from '../../../models/asset.js';

const fields: { [K in keyof typeof assetFields]: FieldSource } = {
  code: { none: 'Odoo equipment has no tag or asset number (its serial number is serialNumber).' },
  name: { path: 'name', note: 'Equipment Name.' },
  description: { path: 'note', note: 'An Html field, as plain text.' },
  status: { paths: ['scrap_date', 'active'], logic: 'A scrap date or an archived equipment → retired; else operating. Odoo does not say when equipment is down.' },
  remoteStatus: { none: 'Odoo equipment has no status of its own (see status).' },
  category: { path: 'category_id', note: 'The pair\'s name: the equipment category.' },
  location: { path: 'location', note: 'Free text in Odoo: a reference with that name only (id, remoteId and code null).' },
  site: { path: 'company_id', note: 'remoteId and name from the pair; id and code null.' },
  parent: { none: 'Odoo 17 equipment has no parent equipment.' },
  manufacturer: { none: 'Odoo equipment keeps its vendor (partner_id), not its manufacturer.' },
  model: { path: 'model' },
  serialNumber: { path: 'serial_no' },
  installedAt: { path: 'effective_date', note: 'Effective Date: when the equipment went into service.' },
  criticality: { none: 'Odoo equipment has no criticality.' },
};

export const assetMapping: EntityMapping = { fields };
