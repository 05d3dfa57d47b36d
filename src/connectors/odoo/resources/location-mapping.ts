/** The default field mapping of Odoo locations (stock.location), as data. Locations are read only. */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { locationFields } from '../../../models/location.js';
import { addressLogic, addressPaths } from '../address.js';

const fields: { [K in keyof typeof locationFields]: FieldSource } = {
  code: { paths: ['barcode', 'warehouse_id..code', 'warehouse_id..view_location_id'], logic: 'The location\'s barcode; for a warehouse\'s view location without one, the warehouse\'s short name (code).' },
  name: { path: 'complete_name', note: 'The full name Odoo shows ("WH/Stock/Shelf 1"; a view shows its own name only).' },
  type: {
    paths: ['usage', 'location_id..usage', 'warehouse_id..view_location_id'],
    logic: 'A view location that is its warehouse\'s view_location_id → warehouse; usage internal under a non-internal parent → storeroom (WH/Stock), under an internal parent → bin (WH/Stock/Shelf 1); any other (supplier, customer, inventory, production, transit, other views) → other.',
  },
  parent: { paths: ['location_id', 'location_id..barcode'], logic: 'remoteId and name from the location_id pair (also its Manifold id), code = the parent\'s barcode; null at the top.' },
  address: { paths: addressPaths('warehouse_id..partner_id..'), logic: `For a warehouse (see type): the address of its partner_id; null elsewhere (Odoo keeps addresses on warehouses, not locations). ${addressLogic}` },
  status: { paths: ['active'], logic: 'active → active; archived → inactive.' },
  remoteStatus: { none: 'An Odoo location has no status of its own, only the active flag (see status).' },
};

export const locationMapping: EntityMapping = { fields };
