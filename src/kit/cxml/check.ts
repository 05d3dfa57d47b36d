/**
 * Reading a cXML tree while collecting what is wrong, each issue named by its element path
 * (`OrderRequest/ItemOut[3]/ItemDetail/UnitPrice/Money is missing`), so one answer lists every
 * problem of a document instead of the first only.
 */
import { normalizeDecimal } from './decimal.js';
import type { CxmlIssue, CxmlMoney } from './types.js';
import { attrOf, many, one, textOf } from './xml.js';

// ISO 8601 as cXML uses it: a date, or a date-time with or without seconds, fraction and zone.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isCalendarDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** `name`, or `name[i]` (1-based) where the element occurs more than once or always counts (ItemOut). */
export function indexed(name: string, index: number, count: number): string {
  return count > 1 ? `${name}[${index + 1}]` : name;
}

export class Checker {
  /** What makes the document invalid (cXML 400). */
  readonly issues: CxmlIssue[] = [];
  /** What is valid cXML but cannot be taken as a unified order (cXML 406). */
  readonly refusals: CxmlIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  refuse(path: string, message: string): void {
    this.refusals.push({ path, message });
  }

  /** A required child element's node, or undefined (and an issue). */
  element(node: unknown, path: string, name: string): unknown {
    const child = one(node, name);
    if (child === undefined) this.add(`${path}/${name}`, 'is missing');
    return child;
  }

  /** A required attribute with a non-empty value. */
  attr(node: unknown, path: string, name: string): string | undefined {
    const value = attrOf(node, name);
    if (value === undefined || value === '') this.add(`${path}@${name}`, value === undefined ? 'is missing' : 'is empty');
    return value || undefined;
  }

  /** A required child element with non-empty text. */
  text(node: unknown, path: string, name: string): string | undefined {
    const child = one(node, name);
    const value = textOf(child);
    if (value === undefined) this.add(`${path}/${name}`, 'is missing');
    else if (value === '') this.add(`${path}/${name}`, 'is empty');
    return value || undefined;
  }

  /** A date or date-time attribute: absent is null; present must be ISO 8601. */
  dateAttr(node: unknown, path: string, name: string, required: boolean): string | null {
    const value = required ? this.attr(node, path, name) : attrOf(node, name) || undefined;
    if (value === undefined) return null;
    if (!isCalendarDateTime(value)) {
      this.add(`${path}@${name}`, `must be an ISO 8601 date or date-time such as 2024-05-02T08:15:00-07:00 (got "${value}")`);
      return null;
    }
    return value;
  }

  decimal(value: string | undefined, where: string): string | undefined {
    if (value === undefined) return undefined;
    const normal = normalizeDecimal(value);
    if (normal === undefined) this.add(where, `must be a decimal number such as 145.50 (got "${value}")`);
    return normal;
  }

  /** A required `Money` child: a decimal amount with a three-letter currency. */
  money(node: unknown, path: string): CxmlMoney | undefined {
    const money = this.element(node, path, 'Money');
    if (money === undefined) return undefined;
    const where = `${path}/Money`;
    const text = textOf(money);
    const amount = text === '' ? (this.add(where, 'is empty'), undefined) : this.decimal(text, where);
    const currency = this.attr(money, where, 'currency');
    if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) {
      this.add(`${where}@currency`, `must be an ISO 4217 code such as USD (got "${currency}")`);
      return undefined;
    }
    return amount !== undefined && currency !== undefined ? { amount, currency: currency.toUpperCase() } : undefined;
  }

  /** An optional element holding a `Money` (Tax, Shipping): null when absent. */
  optionalMoney(node: unknown, path: string, name: string): CxmlMoney | null {
    const holder = one(node, name);
    if (holder === undefined || one(holder, 'Money') === undefined) return null;
    return this.money(holder, `${path}/${name}`) ?? null;
  }
}

/** Optional text: null when absent or empty. */
export function optionalText(node: unknown, name: string): string | null {
  return textOf(one(node, name)) || null;
}

/** Extrinsic name/value pairs; the first of a repeated name wins (all stay in remoteData). */
export function extrinsics(node: unknown): Record<string, string> {
  const out = new Map<string, string>();
  for (const e of many(node, 'Extrinsic')) {
    const name = attrOf(e, 'name');
    if (name && !out.has(name)) out.set(name, textOf(e) ?? '');
  }
  // fromEntries defines own properties, so even a name like __proto__ stays a plain key.
  return Object.fromEntries(out);
}
