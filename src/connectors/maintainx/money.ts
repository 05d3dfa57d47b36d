/**
 * MaintainX money and quantities → decimal strings, exactly. MaintainX gives amounts in cents as
 * JSON numbers (`unitCost: 125000` is 1250.00; a purchase order item may hold a fraction of a
 * cent, `12.5`) and, on purchase order items, also as six-decimal strings (`"1250.000000"`).
 * No float arithmetic: a number is read through its shortest exact decimal form and the decimal
 * point moved in the string.
 */

/** The shortest decimal form of a finite JSON number, without exponent ("1e-7" → "0.0000001"). */
export function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, int, frac = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  return trimZeros(`${sign}${shiftPoint(`${int}.${frac}`, Number(exp))}`);
}

/** Moves the decimal point of an unsigned decimal string by `places` (positive: right). */
function shiftPoint(unsigned: string, places: number): string {
  const [int = '0', frac = ''] = unsigned.split('.');
  const digits = int + frac;
  const point = int.length + places;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function trimZeros(d: string): string {
  let out = d.includes('.') ? d.replace(/0+$/, '').replace(/\.$/, '') : d;
  out = out.replace(/^(-?)0+(?=\d)/, '$1');
  return out === '-0' ? '0' : out;
}

/** Money with at least two decimals, no trailing zeros beyond them: "1250.000000" → "1250.00", "0.125000" → "0.125". */
export function moneyDecimal(decimal: string): string {
  const t = trimZeros(decimal);
  const [int, frac = ''] = t.split('.');
  return `${int}.${frac.padEnd(2, '0')}`;
}

/** Cents (a JSON number) → currency units as a decimal string: 125000 → "1250.00", 12.5 → "0.125". */
export function centsToDecimal(cents: number): string {
  const d = numberToDecimal(cents);
  const negative = d.startsWith('-');
  const shifted = shiftPoint(negative ? d.slice(1) : d, -2);
  return moneyDecimal(`${negative ? '-' : ''}${shifted}`);
}

/** A decimal string in currency units → cents as the JSON number MaintainX takes: "12.345" → 1234.5. */
export function decimalToCents(decimal: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) throw new RangeError(`not a decimal: ${decimal}`);
  return Number(`${m[1]}${shiftPoint(`${m[2]}.${m[3] ?? ''}`, 2)}`);
}

/** Exact sum of decimal strings (BigInt on a common scale). */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(2, ...values.map((v) => v.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const v of values) {
    const negative = v.startsWith('-');
    const [int, frac = ''] = (negative ? v.slice(1) : v).split('.');
    const units = BigInt(int + frac.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  return moneyDecimal(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}
