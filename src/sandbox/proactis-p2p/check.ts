/**
 * Attribute checks as the gateway's schema (the unpublished XSDs) and its documentation tables
 * state them: mandatory attributes, maximum lengths, YES/NO flags, yyyy-MM-dd dates, numbers and
 * the attributes an element declares. Each failure is kept with the node it belongs to, so it can
 * be embedded next to that node.
 */
import { businessError, embedErrors, missingAttribute, schemaError, tooLong, type GatewayError } from './errors.js';
import type { XmlElement } from './xml.js';

export type Located = [XmlElement, GatewayError];

export class Checks {
  readonly found: Located[] = [];

  add(node: XmlElement, error: GatewayError): void {
    this.found.push([node, error]);
  }

  business(node: XmlElement, message: string): void {
    this.add(node, businessError(message, node.local));
  }

  get failed(): boolean {
    return this.found.length > 0;
  }

  /** Embeds every error found next to its node (one Errors block per node). */
  embed(): void {
    const byNode = new Map<XmlElement, GatewayError[]>();
    for (const [node, error] of this.found) byNode.set(node, [...(byNode.get(node) ?? []), error]);
    for (const [node, errors] of byNode) embedErrors(node, errors);
  }

  /** Only the attributes in `declared` (plus output attributes the gateway itself adds). */
  declared(el: XmlElement, declared: readonly string[]): void {
    for (const name of Object.keys(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:') || name === 'Status' || name === 'DocumentNumber' || declared.includes(name)) continue;
      this.add(el, schemaError(`The '${name}' attribute is not declared on element '${el.local}'.`, el.local));
    }
  }

  required(el: XmlElement, ...names: string[]): boolean {
    let ok = true;
    for (const name of names) {
      if (el.attrs[name] === undefined || el.attrs[name] === '') {
        this.add(el, missingAttribute(el, name));
        ok = false;
      }
    }
    return ok;
  }

  maxLength(el: XmlElement, lengths: Record<string, number>): void {
    for (const [name, max] of Object.entries(lengths)) {
      const v = el.attrs[name];
      if (v !== undefined && v.length > max) this.add(el, tooLong(el, name, max));
    }
  }

  yesNo(el: XmlElement, ...names: string[]): void {
    for (const name of names) {
      const v = el.attrs[name];
      if (v !== undefined && v !== 'YES' && v !== 'NO') this.add(el, schemaError(`The '${name}' attribute has an invalid value '${v}'; expected YES or NO.`, el.local));
    }
  }

  date(el: XmlElement, ...names: string[]): void {
    for (const name of names) {
      const v = el.attrs[name];
      if (v !== undefined && v !== '' && !isDate(v)) this.add(el, schemaError(`The '${name}' attribute has an invalid value '${v}'; dates are yyyy-MM-dd.`, el.local));
    }
  }

  number(el: XmlElement, ...names: string[]): void {
    for (const name of names) {
      const v = el.attrs[name];
      if (v !== undefined && v !== '' && !/^-?\d+(\.\d+)?$/.test(v)) this.add(el, schemaError(`The '${name}' attribute has an invalid value '${v}'; expected a number.`, el.local));
    }
  }

  /** ACTION: "Either STORE or REMOVE … Default assumes STORE" (masterData.md). */
  action(el: XmlElement): 'STORE' | 'REMOVE' {
    const v = el.attrs.ACTION ?? 'STORE';
    if (v === 'STORE' || v === 'REMOVE') return v;
    this.add(el, schemaError(`The 'ACTION' attribute has an invalid value '${v}'; expected STORE or REMOVE.`, el.local));
    return 'STORE';
  }
}

export function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Attributes set on the element, without the ones the gateway adds or the ACTION. */
export function dataAttrs(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) if (!['ACTION', 'Status', 'DocumentNumber'].includes(k) && !k.startsWith('xmlns')) out[k] = v;
  return out;
}

export const num = (v: string | undefined): number => (v === undefined || v === '' ? 0 : Number(v));
