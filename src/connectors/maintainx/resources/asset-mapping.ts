/**
 * The default field mapping of MaintainX assets, as data (GET /v1/field-mapping): for every
 * unified field the native path it comes from (asset-map in assets.ts), or why MaintainX has none.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { assetFields } from '../../../models/asset.js';

const fields: { [K in keyof typeof assetFields]: FieldSource } = {
  code: { path: 'barcode', note: 'The asset\'s barcode (its tag in MaintainX); the list gives it with expand=barcode.' },
  name: { path: 'name' },
  description: { path: 'description' },
  status: {
    paths: ['status.status'],
    logic: 'The asset status (expand=status): ONLINE → operating; OFFLINE (planned or unplanned downtime) → down; IGNORE (status not tracked) or none → unknown.',
  },
  remoteStatus: { path: 'status.status', note: 'ONLINE, OFFLINE or IGNORE; the kind of downtime stays in remoteData (status.downtimeType).' },
  category: { paths: ['assetTypes'], logic: 'The asset types (expand=asset_types), joined with ", "; null when there are none.' },
  location: { paths: ['locationId'], logic: 'The location: remoteId = locationId (name and code null: the asset does not carry them).' },
  site: { none: 'MaintainX has no site above locations; the top of the location hierarchy is a location.' },
  parent: { paths: ['parentId'], logic: 'The parent asset: remoteId = parentId.' },
  manufacturer: { path: 'manufacturer', note: 'The list gives it with expand=manufacturer.' },
  model: { path: 'model', note: 'The list gives it with expand=model.' },
  serialNumber: { path: 'serialNumber' },
  installedAt: { none: 'A MaintainX asset has no install date (its depreciation has a purchase date, which is not the same).' },
  criticality: { none: 'MaintainX gives only criticalityId; the criticality\'s name is in /assetcriticalities, which Manifold does not read (the id stays in remoteData).' },
};

export const assetMapping: EntityMapping = { fields };
