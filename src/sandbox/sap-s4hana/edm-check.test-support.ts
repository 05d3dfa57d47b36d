/**
 * Checks of OData V2 JSON against the EDMX facts (spec/edmx-types.json, trimmed from SAP's
 * published $metadata): an entity's property names, each value's Edm type and facets, its
 * __metadata and navigation properties; and a write body's properties against the sap:creatable
 * and sap:updatable flags. The fixture is read here on its own, not through the simulator.
 */
import { readFileSync } from 'node:fs';

interface FixtureProperty {
  name: string;
  type: string;
  maxLength?: number;
  precision?: number;
  scale?: number;
  nullable?: boolean;
  creatable?: boolean;
  updatable?: boolean;
  displayFormat?: string;
}

interface FixtureType {
  key: string[];
  properties: FixtureProperty[];
  navigation: { name: string; type: string; multiplicity: string }[];
}

interface FixtureService {
  namespace: string;
  entitySets: Record<string, string>;
  entityTypes: Record<string, FixtureType>;
}

const fixture = JSON.parse(readFileSync(new URL('./spec/edmx-types.json', import.meta.url), 'utf8')) as { services: Record<string, FixtureService> };

export function fixtureType(service: string, typeName: string): FixtureType & { namespace: string } {
  const s = fixture.services[service]!;
  return { ...s.entityTypes[typeName]!, namespace: s.namespace };
}

/** Problems of one value of a property, as Gateway writes it in JSON (empty: none). */
export function valueProblems(p: FixtureProperty, v: unknown): string[] {
  const at = `${p.name} (${p.type})`;
  if (v === null) return p.nullable === false ? [`${at} is null but not nullable`] : [];
  switch (p.type) {
    case 'Edm.String':
      if (typeof v !== 'string') return [`${at} is not a string: ${JSON.stringify(v)}`];
      return p.maxLength !== undefined && v.length > p.maxLength ? [`${at} is longer than ${p.maxLength}: ${v}`] : [];
    case 'Edm.Decimal': {
      if (typeof v !== 'string') return [`${at} is not a decimal string: ${JSON.stringify(v)}`];
      const scale = p.scale ?? 0;
      const re = new RegExp(`^-?\\d{1,${Math.max(1, (p.precision ?? 29) - scale)}}${scale ? `\\.\\d{${scale}}` : ''}$`);
      return re.test(v) ? [] : [`${at} does not fit precision ${p.precision} scale ${scale}: ${v}`];
    }
    case 'Edm.Boolean':
      return typeof v === 'boolean' ? [] : [`${at} is not a boolean: ${JSON.stringify(v)}`];
    case 'Edm.DateTime': {
      const m = typeof v === 'string' ? /^\/Date\((-?\d+)\)\/$/.exec(v) : null;
      if (!m) return [`${at} is not /Date(ms)/: ${JSON.stringify(v)}`];
      return p.displayFormat === 'Date' && Number(m[1]) % 86_400_000 !== 0 ? [`${at} is a date but not at midnight UTC: ${v}`] : [];
    }
    case 'Edm.DateTimeOffset':
      return typeof v === 'string' && /^\/Date\(-?\d+[+-]\d{4}\)\/$/.test(v) ? [] : [`${at} is not /Date(ms+0000)/: ${JSON.stringify(v)}`];
    case 'Edm.Time':
      return typeof v === 'string' && /^PT\d{2}H\d{2}M\d{2}S$/.test(v) ? [] : [`${at} is not PTxxHxxMxxS: ${JSON.stringify(v)}`];
    case 'Edm.Guid':
      return typeof v === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v) ? [] : [`${at} is not a GUID: ${JSON.stringify(v)}`];
    default:
      return [`${at}: unknown type`];
  }
}

/**
 * Problems of an entity as served: every property of the type present with a valid value, no
 * property the type does not have, __metadata naming the type and the key, every navigation
 * deferred or expanded (expanded entities checked with their own type, recursively).
 */
export function entityProblems(service: string, typeName: string, e: Record<string, unknown>, path = typeName): string[] {
  const t = fixtureType(service, typeName);
  const out: string[] = [];
  const meta = e.__metadata as { id?: string; uri?: string; type?: string } | undefined;
  if (!meta || meta.type !== `${t.namespace}.${typeName}` || !meta.uri || meta.id !== meta.uri) out.push(`${path}: __metadata ${JSON.stringify(meta)}`);
  else {
    const key = t.key.length === 1 ? `('${String(e[t.key[0]!])}')` : `(${t.key.map((k) => `${k}='${String(e[k])}'`).join(',')})`;
    if (!meta.uri.endsWith(key)) out.push(`${path}: __metadata.uri ${meta.uri} does not end with ${key}`);
  }
  const names = new Set(t.properties.map((p) => p.name));
  const navs = new Map(t.navigation.map((n) => [n.name, n]));
  for (const k of Object.keys(e)) if (k !== '__metadata' && !names.has(k) && !navs.has(k)) out.push(`${path}: ${k} is not a property of ${typeName}`);
  for (const p of t.properties) {
    if (!(p.name in e)) out.push(`${path}: ${p.name} missing`);
    else out.push(...valueProblems(p, e[p.name]).map((s) => `${path}: ${s}`));
  }
  for (const [name, nav] of navs) {
    const v = e[name] as { __deferred?: { uri?: string }; results?: unknown[] } | null | undefined;
    if (v === undefined) {
      out.push(`${path}: navigation ${name} missing`);
      continue;
    }
    if (v && v.__deferred) {
      if (!v.__deferred.uri?.endsWith(`/${name}`)) out.push(`${path}: ${name} deferred uri ${v.__deferred.uri}`);
      continue;
    }
    const targetType = nav.type;
    const known = fixture.services[service]!.entityTypes[targetType];
    if (nav.multiplicity === '*') {
      if (!v || !Array.isArray(v.results)) out.push(`${path}: ${name} is neither deferred nor {results:[…]}`);
      else if (known) v.results.forEach((x, i) => out.push(...entityProblems(service, targetType, x as Record<string, unknown>, `${path}.${name}[${i}]`)));
      else if (v.results.length) out.push(`${path}: ${name} holds entities of a type the fixture lacks`);
    } else if (v && known) out.push(...entityProblems(service, targetType, v as Record<string, unknown>, `${path}.${name}`));
  }
  return out;
}

/**
 * Problems of a write body (as the connector sent it): only properties of the type, only
 * creatable ones on create / updatable ones on update, valid values; deep-insert navigations
 * checked with their target type.
 */
export function writeBodyProblems(service: string, typeName: string, body: Record<string, unknown>, mode: 'create' | 'update', path = typeName): string[] {
  const t = fixtureType(service, typeName);
  const out: string[] = [];
  const props = new Map(t.properties.map((p) => [p.name, p]));
  for (const [k, v] of Object.entries(body)) {
    const nav = t.navigation.find((n) => n.name === k);
    if (nav) {
      if (mode === 'update') out.push(`${path}: navigation ${k} in an update`);
      const list = (v as { results?: unknown[] }).results ?? (Array.isArray(v) ? v : []);
      (list as Record<string, unknown>[]).forEach((x, i) => out.push(...writeBodyProblems(service, nav.type, x, 'create', `${path}.${k}[${i}]`)));
      continue;
    }
    const p = props.get(k);
    if (!p) {
      out.push(`${path}: ${k} is not a property of ${typeName}`);
      continue;
    }
    if (mode === 'create' && p.creatable === false) out.push(`${path}: ${k} is not creatable`);
    if (mode === 'update' && (p.updatable === false || t.key.includes(k))) out.push(`${path}: ${k} is not updatable`);
    // A decimal may be sent with fewer decimals than the scale; the rest as Gateway reads it.
    const value = p.type === 'Edm.Decimal' && typeof v === 'string' && p.scale ? (v.includes('.') ? v.padEnd(v.indexOf('.') + 1 + p.scale, '0') : `${v}.${'0'.repeat(p.scale)}`) : v;
    out.push(...valueProblems(p, value).map((s) => `${path}: ${s}`));
  }
  return out;
}

export function propertyNames(service: string, typeName: string): Set<string> {
  return new Set(fixtureType(service, typeName).properties.map((p) => p.name));
}
