/**
 * Exact decimal strings for cXML amounts and quantities: never through a float (a 4-decimal unit
 * price times a fractional quantity must come out exact), scale kept as sent ("145.50" stays
 * "145.50").
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A decimal as sent, in the unified form (`-?\d+(\.\d+)?`), or undefined when it is not one. */
export function normalizeDecimal(value: string): string | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return undefined;
  const [, sign, int = '', frac = ''] = match;
  if (int === '' && frac === '') return undefined;
  return `${sign === '-' ? '-' : ''}${int === '' ? '0' : int}${frac === '' ? '' : `.${frac}`}`;
}

interface Scaled {
  units: bigint;
  scale: number;
}

function scaled(value: string): Scaled {
  const [int = '0', frac = ''] = value.replace('-', '').split('.');
  const units = BigInt(`${int}${frac}`);
  return { units: value.startsWith('-') ? -units : units, scale: frac.length };
}

function format({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** a × b, exact, with the scales added ("2" × "145.50" = "291.00"). Inputs are normalised decimals. */
export function multiply(a: string, b: string): string {
  const x = scaled(a);
  const y = scaled(b);
  return format({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** The exact sum, at the largest scale of the terms; "0" for none. */
export function sum(values: readonly string[]): string {
  const terms = values.map(scaled);
  const scale = Math.max(0, ...terms.map((t) => t.scale));
  const units = terms.reduce((acc, t) => acc + t.units * 10n ** BigInt(scale - t.scale), 0n);
  return format({ units, scale });
}
