/** Assets: maintenance.equipment (the Maintenance app), archived ones included. */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { Domain, OdooClient } from '../client.js';
import { ACTIVE_OR_NOT, changedSince, idPages } from '../listing.js';
import { EquipmentRaw, fieldNames } from '../raw.js';
import { dateOf, htmlToText, instant, latest, m2oName, ref, text, toId } from '../values.js';
import { assetMapping } from './asset-mapping.js';

const MODEL = 'maintenance.equipment';
const FIELDS = fieldNames(EquipmentRaw.shape);

function fetchEquipment(client: OdooClient, domain: Domain, afterId: number, limit?: number): Promise<EquipmentRaw[]> {
  return client.searchRead<EquipmentRaw>(MODEL, [ACTIVE_OR_NOT, ...domain, ['id', '>', afterId]], FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) });
}

export function toAsset(raw: EquipmentRaw, ctx: MapContext): Record<string, unknown> {
  const location = text(raw.location);
  return {
    code: null,
    name: text(raw.name),
    description: htmlToText(raw.note),
    // A scrapped or archived piece of equipment is out of service for good.
    status: raw.scrap_date || !raw.active ? 'retired' : 'operating',
    remoteStatus: null,
    category: m2oName(raw.category_id),
    // Odoo keeps the location as free text: a reference with a name only.
    location: location ? { id: null, remoteId: null, name: location, code: null } : null,
    site: ref(raw.company_id, ctx, null),
    parent: null,
    manufacturer: null,
    model: text(raw.model),
    serialNumber: text(raw.serial_no),
    installedAt: dateOf(raw.effective_date),
    criticality: null,
  };
}

export const assets = defineResource<OdooClient, EquipmentRaw>({
  entity: 'assets',
  raw: EquipmentRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.create_date), updatedAt: latest(instant(raw.write_date), instant(raw.create_date)) }),
  list(client, opts) {
    const domain: Domain = opts.since === undefined ? [] : changedSince(opts.since);
    return idPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (afterId, limit) => fetchEquipment(client, domain, afterId, limit) });
  },
  listIds: async (client) => (await client.search(MODEL, [ACTIVE_OR_NOT], { order: 'id asc' })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchEquipment(client, [['id', '=', id]], 0))[0];
  },
  toUnified: toAsset,
  mapping: assetMapping,
});
