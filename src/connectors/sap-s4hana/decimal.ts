/**
 * Exact decimal arithmetic on SAP's decimal strings (bigint-scaled, never floats): a line's
 * net value is price × quantity ÷ price unit (× the order-price-unit conversion), rounded half
 * up to the currency's decimals, as SAP rounds amounts.
 */

interface Scaled {
  n: bigint;
  scale: number;
}

function parse(text: string): Scaled {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2]}${frac}`);
  return { n: m[1] ? -n : n, scale: frac.length };
}

const pow10 = (k: number) => 10n ** BigInt(k);

function format(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg && /[1-9]/.test(text) ? `-${text}` : text;
}

/** numerator ÷ denominator (both scaled to the same power) rounded half up (away from zero) to `scale`. */
function divide(num: bigint, den: bigint, scale: number): string {
  if (den === 0n) throw new RangeError('division by zero');
  const neg = num < 0n !== den < 0n;
  const a = (num < 0n ? -num : num) * pow10(scale) * 2n;
  const b = den < 0n ? -den : den;
  const q = (a / b + 1n) / 2n;
  return format(neg ? -q : q, scale);
}

/** Σ factors ÷ Π divisors, exactly, rounded half up to `scale` decimals. */
export function ratio(factors: string[], divisors: string[], scale: number): string {
  let num = 1n;
  let numScale = 0;
  for (const f of factors) {
    const p = parse(f);
    num *= p.n;
    numScale += p.scale;
  }
  let den = 1n;
  let denScale = 0;
  for (const d of divisors) {
    const p = parse(d);
    den *= p.n;
    denScale += p.scale;
  }
  // num/10^numScale ÷ den/10^denScale = (num·10^denScale) ÷ (den·10^numScale)
  return divide(num * pow10(denScale), den * pow10(numScale), scale);
}

/** The sum of decimal strings, with the largest scale among them (and at least `scale`). */
export function sum(values: string[], scale = 0): string {
  const parsed = values.map(parse);
  const s = Math.max(scale, ...parsed.map((p) => p.scale));
  return format(parsed.reduce((acc, p) => acc + p.n * pow10(s - p.scale), 0n), s);
}

/** Trailing zeros beyond `keep` decimals dropped: "0.250000" → "0.25" (keep 2). */
export function trim(text: string, keep = 0): string {
  const [int, frac = ''] = text.split('.');
  let f = frac;
  while (f.length > keep && f.endsWith('0')) f = f.slice(0, -1);
  return f ? `${int}.${f}` : int!;
}

export function isZero(text: string): boolean {
  return parse(text).n === 0n;
}
