/**
 * Location (`/v1/locations`): a site, building, area, warehouse or bin, in a hierarchy.
 */
import { z } from 'zod';
import { address, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const locationStatuses = ['active', 'inactive', 'unknown'] as const;

export const locationTypes = ['site', 'building', 'area', 'warehouse', 'storeroom', 'bin', 'other'] as const;

export const locationFields = {
  code: text('Location code as the system shows it (null until the system assigns one).').nullable(),
  name: text('Name of the location.').nullable(),
  // models.md gives no `unknown` here: an unmapped kind is `other`, a system without kinds is null.
  type: z.enum(locationTypes).nullable().describe('Normalised kind of location; null when the system does not classify locations.'),
  parent: ref('The parent location in the hierarchy.'),
  address: address('Postal address of the location.'),
  status: z.enum(locationStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
};

export const Location = z
  .object({ ...recordEnvelope, ...locationFields })
  .describe('A location (site, building, area, warehouse, storeroom or bin) in its hierarchy.')
  .meta({ id: 'Location' });

export type Location = z.infer<typeof Location>;
