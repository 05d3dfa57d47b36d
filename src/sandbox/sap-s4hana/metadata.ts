/**
 * `$metadata` (a trimmed EDMX, OData V2 / DataServiceVersion 2.0, with the sap: annotations
 * Gateway writes) and the service document, rendered from the fixture: the entity types the
 * simulator serves, their sets, and navigations to types it does not keep (served empty).
 */
import { spec, type EdmProperty, type ServiceName } from './spec.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function propertyXml(p: EdmProperty): string {
  const attrs = [`Name="${p.name}"`, `Type="${p.type}"`];
  if (p.nullable === false) attrs.push('Nullable="false"');
  if (p.maxLength !== undefined) attrs.push(`MaxLength="${p.maxLength}"`);
  if (p.precision !== undefined) attrs.push(`Precision="${p.precision}"`);
  if (p.scale !== undefined) attrs.push(`Scale="${p.scale}"`);
  if (p.displayFormat) attrs.push(`sap:display-format="${p.displayFormat}"`);
  if (p.label) attrs.push(`sap:label="${esc(p.label)}"`);
  if (p.creatable === false) attrs.push('sap:creatable="false"');
  if (p.updatable === false) attrs.push('sap:updatable="false"');
  if (p.filterable === false) attrs.push('sap:filterable="false"');
  return `<Property ${attrs.join(' ')}/>`;
}

export function metadataXml(service: ServiceName): string {
  const s = spec.services[service];
  const ns = s.namespace;
  const types: string[] = [];
  const associations: string[] = [];
  const associationSets: string[] = [];
  const setOf = (typeName: string) => Object.entries(s.entitySets).find(([, t]) => t === typeName)?.[0];
  for (const [name, t] of Object.entries(s.entityTypes)) {
    const navs = t.navigation.map((n) => {
      const assoc = `assoc_${name}_${n.name}`;
      associations.push(
        `<Association Name="${assoc}"><End Type="${ns}.${name}" Multiplicity="1" Role="FromRole_${assoc}"/><End Type="${ns}.${n.type}" Multiplicity="${n.multiplicity}" Role="ToRole_${assoc}"/></Association>`,
      );
      const target = setOf(n.type);
      if (target) associationSets.push(`<AssociationSet Name="${assoc}" Association="${ns}.${assoc}" sap:creatable="false" sap:updatable="false" sap:deletable="false"><End EntitySet="${setOf(name)}" Role="FromRole_${assoc}"/><End EntitySet="${target}" Role="ToRole_${assoc}"/></AssociationSet>`);
      return `<NavigationProperty Name="${n.name}" Relationship="${ns}.${assoc}" FromRole="FromRole_${assoc}" ToRole="ToRole_${assoc}"/>`;
    });
    types.push(`<EntityType Name="${name}" sap:content-version="1"><Key>${t.key.map((k) => `<PropertyRef Name="${k}"/>`).join('')}</Key>${t.properties.map(propertyXml).join('')}${navs.join('')}</EntityType>`);
  }
  const sets = Object.entries(s.entitySets).map(([set, t]) => `<EntitySet Name="${set}" EntityType="${ns}.${t}" sap:content-version="1"/>`);
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:sap="http://www.sap.com/Protocols/SAPData">' +
    `<edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="${ns}" xml:lang="en" sap:schema-version="1" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">` +
    types.join('') +
    associations.join('') +
    `<EntityContainer Name="${ns}_Entities" m:IsDefaultEntityContainer="true" sap:supported-formats="atom json xlsx">${sets.join('')}${associationSets.join('')}</EntityContainer>` +
    '</Schema></edmx:DataServices></edmx:Edmx>'
  );
}

/** The service document in JSON: `{"d":{"EntitySets":[…]}}`. */
export function serviceDocument(service: ServiceName): string {
  return JSON.stringify({ d: { EntitySets: Object.keys(spec.services[service].entitySets) } });
}
