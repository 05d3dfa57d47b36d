/**
 * The service facts the simulator serves (spec/edmx-types.json, trimmed from SAP's published
 * EDMX): entity types with their properties, Edm types and facets, sap: flags and navigations.
 * The simulator reads names, types and write flags from here; what values it holds is its own.
 */
import { readFileSync } from 'node:fs';

export interface EdmProperty {
  name: string;
  type: 'Edm.String' | 'Edm.Decimal' | 'Edm.DateTime' | 'Edm.DateTimeOffset' | 'Edm.Boolean' | 'Edm.Time' | 'Edm.Guid';
  maxLength?: number;
  precision?: number;
  scale?: number;
  nullable?: boolean;
  creatable?: boolean;
  updatable?: boolean;
  filterable?: boolean;
  displayFormat?: string;
  label?: string;
  mandatory?: boolean;
}

export interface EdmNavigation {
  name: string;
  type: string;
  multiplicity: '1' | '0..1' | '*';
}

export interface EdmEntityType {
  key: string[];
  properties: EdmProperty[];
  navigation: EdmNavigation[];
}

export interface EdmService {
  namespace: string;
  entitySets: Record<string, string>;
  optimisticConcurrency: string;
  entityTypes: Record<string, EdmEntityType>;
}

export interface ServiceSpec {
  services: { API_PURCHASEORDER_PROCESS_SRV: EdmService; API_BUSINESS_PARTNER: EdmService };
  openApiCreateRequired: Record<string, string[]>;
}

export const spec = JSON.parse(readFileSync(new URL('./spec/edmx-types.json', import.meta.url), 'utf8')) as ServiceSpec;

export const PO_SERVICE = 'API_PURCHASEORDER_PROCESS_SRV';
export const BP_SERVICE = 'API_BUSINESS_PARTNER';
export type ServiceName = typeof PO_SERVICE | typeof BP_SERVICE;

export function entityType(service: ServiceName, name: string): EdmEntityType {
  const type = spec.services[service].entityTypes[name];
  if (!type) throw new Error(`${service} has no entity type ${name} in the fixture`);
  return type;
}

/** Property by name, per type (built once). */
const byName = new Map<EdmEntityType, Map<string, EdmProperty>>();
export function property(type: EdmEntityType, name: string): EdmProperty | undefined {
  let map = byName.get(type);
  if (!map) {
    map = new Map(type.properties.map((p) => [p.name, p]));
    byName.set(type, map);
  }
  return map.get(name);
}

export const types = {
  order: entityType(PO_SERVICE, 'A_PurchaseOrderType'),
  item: entityType(PO_SERVICE, 'A_PurchaseOrderItemType'),
  schedule: entityType(PO_SERVICE, 'A_PurchaseOrderScheduleLineType'),
  supplier: entityType(BP_SERVICE, 'A_SupplierType'),
  supplierPurchasingOrg: entityType(BP_SERVICE, 'A_SupplierPurchasingOrgType'),
  supplierCompany: entityType(BP_SERVICE, 'A_SupplierCompanyType'),
} as const;
