/**
 * Asset (`/v1/assets`): a piece of equipment maintained in a CMMS/EAM, in its location hierarchy.
 */
import { z } from 'zod';
import { date, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const assetStatuses = ['operating', 'down', 'standby', 'retired', 'unknown'] as const;

export const assetFields = {
  code: text('Asset number or tag as the system shows it (null until the system assigns one).').nullable(),
  name: text('Name or short description of the asset.').nullable(),
  description: text('Longer description of the asset.').nullable(),
  status: z.enum(assetStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  category: text('Asset class, category or type, as the system names it.').nullable(),
  location: ref('The location where the asset is installed.'),
  site: ref('The site or plant the asset belongs to.'),
  parent: ref('The parent asset in the asset hierarchy.'),
  manufacturer: text('Manufacturer of the asset.').nullable(),
  model: text("The manufacturer's model name or number.").nullable(),
  serialNumber: text('Serial number of the asset.').nullable(),
  // A date, not an instant, despite the name: systems record install dates without a time of day.
  installedAt: date('Date the asset was installed or commissioned.').nullable(),
  criticality: text('Criticality or ranking, as the system names it (e.g. "A", "High", "1").').nullable(),
};

export const Asset = z
  .object({ ...recordEnvelope, ...assetFields })
  .describe('A maintained asset (equipment) in its location and asset hierarchy.')
  .meta({ id: 'Asset' });

export type Asset = z.infer<typeof Asset>;
