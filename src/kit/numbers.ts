/**
 * Numbers that systems send as JSON floats (quantities, prices, amounts) turned into the decimal
 * strings the unified models use. A float parsed from JSON is the double nearest to what the
 * system printed, so its shortest round-trip form is exactly that text; only the exponent form
 * (`1e-7`, `1e+21`) needs spelling out.
 */

/**
 * The decimal string of a float: with `fractionDigits`, rounded half away from zero to that many
 * digits (an amount in a currency with 2 or 3 decimals); without, its shortest exact form.
 * Not finite (NaN, Infinity) or null: null.
 *
 * @example floatToDecimal(62.5, 2) === '62.50'; floatToDecimal(0.1 + 0.2) === '0.30000000000000004'; floatToDecimal(1e-7) === '0.0000001'
 */
export function floatToDecimal(value: number | null | undefined, fractionDigits?: number): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (fractionDigits !== undefined) return fixed(value, fractionDigits);
  const text = String(value);
  if (!/e/i.test(text)) return normaliseZero(text);
  return normaliseZero(expand(text));
}

/** Half away from zero on the decimal text, not on the binary value (toFixed rounds 1.005 down). */
function fixed(value: number, digits: number): string {
  const exact = floatToDecimal(value) ?? '0';
  const negative = exact.startsWith('-');
  const [int = '0', frac = ''] = exact.replace('-', '').split('.');
  if (frac.length <= digits) return normaliseZero(`${negative ? '-' : ''}${int}${digits ? `.${frac.padEnd(digits, '0')}` : ''}`);
  const kept = `${int}${frac.slice(0, digits)}`;
  const roundUp = Number(frac[digits]) >= 5;
  const text = (BigInt(kept) + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, '0');
  const out = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return normaliseZero(`${negative ? '-' : ''}${out}`);
}

/** `1.5e-7` → `0.00000015`; `1e+21` → `1000000000000000000000`. */
function expand(text: string): string {
  const [mantissa = '0', exp = '0'] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [int = '0', frac = ''] = mantissa.replace('-', '').split('.');
  const digits = int + frac;
  const point = int.length + Number(exp);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return `${negative ? '-' : ''}${out}`;
}

/** `-0`, `-0.00` → without the sign. */
function normaliseZero(text: string): string {
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
