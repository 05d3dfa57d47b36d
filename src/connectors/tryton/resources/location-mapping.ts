/**
 * The default field mapping of Tryton locations (stock.location), as data (served by
 * GET /v1/field-mapping): for every unified field, the native path it is read from
 * (locations.ts), or why Tryton 6.0 has none. Locations are read only.
 *
 * Paths address the native record as stored (remoteData, see ../raw.ts). The separator is `.`;
 * an empty segment appends a dot to the key before it, which is how Tryton's dotted reads are
 * addressed: `parent..type` is key `parent.` then `type`. ../mapping.md explains the rule.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { locationFields } from '../../../models/location.js';
import { addressLogic, addressPaths } from '../address.js';

const fields: { [K in keyof typeof locationFields]: FieldSource } = {
  code: { path: 'code' },
  name: { path: 'name' },
  type: {
    paths: ['type', 'parent..type'],
    logic:
      'warehouse → warehouse; storage directly under a warehouse (its input, output and storage zones) → area; storage under another storage location → storeroom; ' +
      'any other type (supplier, customer, lost_found, production, drop, view, or storage outside any warehouse such as Transit) → other.',
  },
  parent: { paths: ['parent', 'parent..name', 'parent..code'], logic: 'remoteId = parent (also its Manifold id), name = parent.name, code = parent.code; null at the top.' },
  address: { paths: addressPaths('address..'), logic: `Only warehouses carry an address in Tryton; null elsewhere. ${addressLogic}` },
  status: { paths: ['active'], logic: 'active → active; archived (active false) → inactive.' },
  remoteStatus: { none: 'A Tryton location has no status of its own, only the active flag (see status).' },
};

export const locationMapping: EntityMapping = { fields };
