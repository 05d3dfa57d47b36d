/**
 * The default field mapping of MaintainX locations, as data (GET /v1/field-mapping).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { locationFields } from '../../../models/location.js';

const fields: { [K in keyof typeof locationFields]: FieldSource } = {
  code: { path: 'barcode', note: 'The location\'s barcode (expand=barcode); MaintainX has no other location code.' },
  name: { path: 'name' },
  type: { none: 'MaintainX does not classify locations (a site, a building and a shelf are all locations in one hierarchy).' },
  parent: { paths: ['parentId'], logic: 'The parent location: remoteId = parentId.' },
  address: { paths: ['address'], logic: 'MaintainX keeps a location\'s postal address as one text: it is address.raw; the other address fields are null rather than guessed from it.' },
  status: { none: 'A MaintainX location has no status; every listed location is active (deleted ones are not listed).' },
  remoteStatus: { none: 'A MaintainX location has no status.' },
};

export const locationMapping: EntityMapping = { fields };
