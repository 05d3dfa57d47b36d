/**
 * Seeded parts (with stock at several locations, vendor part numbers, costs in cents) and assets
 * (in the location and asset hierarchy, with their status, manufacturer and model).
 */
import type { SeedContext } from './seed.js';
import type { AssetRec, LocationRec, PartLocationRec, PartRec, VendorRec } from './types.js';

const PART_KINDS = [
  ['Deep groove ball bearing', 'Bearings'],
  ['V-belt', 'Belts'],
  ['Hydraulic filter element', 'Filters'],
  ['Mechanical seal kit', 'Seals'],
  ['Proximity sensor', 'Electrical'],
  ['Contactor 24V', 'Electrical'],
  ['Grease cartridge', 'Lubricants'],
  ['Hex bolt M12x40', 'Fasteners'],
  ['Coupling insert', 'Power transmission'],
  ['LED high bay lamp', 'Lighting'],
] as const;

export function seedParts(c: SeedContext, count: number, locations: LocationRec[], vendors: VendorRec[]): Map<number, PartRec> {
  const out = new Map<number, PartRec>();
  // Parts are stored in the lower levels of the hierarchy (storerooms, areas).
  const stores = locations.filter((l) => l.parentId !== null);
  const storeChoices = stores.length ? stores : locations;
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('part');
    const [kind, type] = PART_KINDS[i % PART_KINDS.length]!;
    const stock: PartLocationRec[] = c.some(storeChoices, c.rnd.int(1, 3)).map((loc) => {
      const reserved = c.rnd.int(0, 3);
      const kitted = c.rnd.chance(0.2) ? c.rnd.int(0, 2) : 0;
      const staged = c.rnd.chance(0.1) ? 1 : 0;
      const min = c.rnd.chance(0.8) ? c.rnd.int(1, 10) : null;
      return {
        locationId: loc.id,
        availableQuantity: c.rnd.int(0, 60),
        minimumQuantity: min,
        maximumQuantity: min !== null && c.rnd.chance(0.6) ? min + c.rnd.int(10, 50) : null,
        area: c.rnd.chance(0.5) ? `Shelf ${String.fromCharCode(65 + c.rnd.int(0, 7))}-${c.rnd.int(1, 20)}` : null,
        committed: { kitted, reserved, staged },
        assignedQuantity: reserved + kitted + staged + (c.rnd.chance(0.3) ? c.rnd.int(1, 4) : 0),
      };
    });
    const createdAt = c.at();
    out.set(id, {
      id,
      organizationId: c.org.id,
      name: `${kind} ${c.rnd.int(100, 9999)}`,
      description: c.rnd.chance(0.7) ? `${kind} for ${type.toLowerCase()} maintenance` : null,
      barcode: c.rnd.chance(0.9) ? `PRT-${String(id).padStart(6, '0')}` : null,
      unitCost: c.rnd.chance(0.95) ? c.rnd.int(35, 250_000) : null,
      locations: stock,
      orderedQuantity: c.rnd.chance(0.3) ? c.rnd.int(1, 40) : 0,
      partTypes: c.rnd.chance(0.85) ? [type, ...(c.rnd.chance(0.2) ? ['Critical spare'] : [])] : [],
      vendors: c.some(vendors, c.rnd.int(0, 2)).map((v) => ({ vendorId: v.id, partNumber: `${v.name.slice(0, 3).toUpperCase()}-${c.rnd.int(1000, 99999)}` })),
      extraFields: c.rnd.chance(0.3) ? { 'Storage Class': c.rnd.pick(['Dry', 'Cold', 'Hazmat']) } : {},
      createdAt,
      updatedAt: c.rnd.chance(0.6) ? c.after(createdAt, 60_000, 120 * 86_400_000) : createdAt,
    });
  }
  return out;
}

const ASSET_KINDS = [
  ['Centrifugal pump', 'Grundfos', 'CR 32-2', 'Pumps'],
  ['Air compressor', 'Atlas Copco', 'GA 37 VSD+', 'Compressors'],
  ['Conveyor', 'Hytrol', 'E24', 'Conveyors'],
  ['Forklift', 'Toyota', '8FGCU25', 'Vehicles'],
  ['Chiller', 'Carrier', '30RB-162', 'HVAC'],
  ['CNC lathe', 'Haas', 'ST-20Y', 'Machine tools'],
  ['Boiler', 'Cleaver-Brooks', 'CBEX 200', 'Steam'],
  ['Packaging line', 'Krones', 'Modulfill', 'Production'],
  ['Emergency generator', 'Caterpillar', 'C18', 'Power'],
] as const;

export function seedAssets(c: SeedContext, count: number, locations: LocationRec[], vendors: VendorRec[], userIds: number[], teamIds: number[]): Map<number, AssetRec> {
  const out = new Map<number, AssetRec>();
  const all: AssetRec[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('asset');
    const [kind, manufacturer, model, type] = ASSET_KINDS[i % ASSET_KINDS.length]!;
    const createdAt = c.at();
    const updatedAt = c.rnd.chance(0.6) ? c.after(createdAt, 60_000, 200 * 86_400_000) : createdAt;
    // Every status MaintainX has: online, offline (planned or unplanned downtime), not tracked.
    const roll = i % 10;
    const state = roll < 6 ? 'ONLINE' : roll < 8 ? 'OFFLINE' : roll < 9 ? 'OFFLINE' : 'IGNORE';
    const downtimeType = state === 'OFFLINE' ? (roll === 8 ? 'PLANNED' : 'UNPLANNED') : null;
    const parent = i > 5 && c.rnd.chance(0.25) ? c.rnd.pick(all) : null;
    const rec: AssetRec = {
      id,
      organizationId: c.org.id,
      name: `${kind} ${String.fromCharCode(65 + (i % 26))}-${100 + i}`,
      description: c.rnd.chance(0.6) ? `${kind} by ${manufacturer}` : null,
      barcode: `AST-${String(id).padStart(6, '0')}`,
      parentId: parent?.id ?? null,
      criticalityId: c.rnd.chance(0.7) ? c.rnd.int(1, 3) : null,
      locationId: parent?.locationId ?? (c.rnd.chance(0.9) ? c.rnd.pick(locations).id : null),
      serialNumber: c.rnd.chance(0.8) ? `SN${c.rnd.int(100000, 999999)}` : null,
      createdAt,
      updatedAt,
      creatorId: c.rnd.chance(0.95) ? c.rnd.pick(userIds) : null,
      teamIds: c.some(teamIds, c.rnd.int(0, 2)),
      assetTypes: c.rnd.chance(0.9) ? [type] : [],
      extraFields: c.rnd.chance(0.4) ? { 'Install Year': String(c.rnd.int(1998, 2023)) } : {},
      vendorIds: c.some(vendors, c.rnd.int(0, 1)).map((v) => v.id),
      manufacturer,
      model,
      status: {
        id: c.ids.take('assetStatus'),
        status: state,
        downtimeType,
        startedAt: updatedAt,
        endedAt: null,
        description: state === 'OFFLINE' ? (downtimeType === 'PLANNED' ? 'Scheduled overhaul' : 'Breakdown') : null,
        createdAt: updatedAt,
        updatedAt,
        deletedAt: null,
        customStatus: null,
      },
    };
    all.push(rec);
    out.set(id, rec);
  }
  return out;
}
