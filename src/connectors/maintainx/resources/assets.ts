/**
 * Assets: GET /assets (offset-based cursor paging, updatedAt[gte] for changes) with the
 * expansions the unified asset needs. Read only.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { assetStatuses } from '../../../models/asset.js';
import type { MaintainxClient } from '../client.js';
import { blankToNull, instant, ref } from '../map-common.js';
import { mapPages, sinceQuery, toId } from '../listing.js';
import { ASSET_KEYS, ASSET_LIST_EXPAND, AssetRaw, pick } from '../raw.js';
import { assetMapping } from './asset-mapping.js';

type AssetStatus = (typeof assetStatuses)[number];

function statusOf(raw: AssetRaw): AssetStatus {
  switch (raw.status?.status) {
    case 'ONLINE':
      return 'operating';
    case 'OFFLINE':
      return 'down';
    default:
      return 'unknown';
  }
}

export function toAsset(raw: AssetRaw, ctx: MapContext): Record<string, unknown> {
  return {
    code: blankToNull(raw.barcode),
    name: raw.name,
    description: raw.description ?? null,
    status: statusOf(raw),
    remoteStatus: raw.status?.status ?? null,
    category: raw.assetTypes?.length ? raw.assetTypes.join(', ') : null,
    location: ref(ctx, 'locations', raw.locationId),
    site: null,
    parent: ref(ctx, 'assets', raw.parentId),
    manufacturer: blankToNull(raw.manufacturer),
    model: blankToNull(raw.model),
    serialNumber: blankToNull(raw.serialNumber),
    installedAt: null,
    criticality: null,
  };
}

export const assets = defineResource<MaintainxClient, AssetRaw>({
  entity: 'assets',
  raw: AssetRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.createdAt), updatedAt: instant(raw.updatedAt) }),
  list: (client, opts) =>
    mapPages(
      client.pages('/assets', 'assets', { expand: ASSET_LIST_EXPAND, ...sinceQuery(opts.since) }, opts),
      (records) => records.map((r) => pick(r as Record<string, unknown>, ASSET_KEYS)),
    ),
  async get(client, remoteId) {
    const id = toId(remoteId);
    const rec = id === undefined ? undefined : await client.one(`/assets/${id}`, 'asset');
    return rec && pick(rec, ASSET_KEYS);
  },
  toUnified: toAsset,
  mapping: assetMapping,
});
