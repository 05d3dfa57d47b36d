/**
 * Money as MaintainX writes it: integer (or fractional) cents in `unitCost`/`price`, and the same
 * amount as a decimal string with six places in `unitCostDecimal`/`priceDecimal` ("1250.000000",
 * see the purchase order examples in the vendor's OpenAPI). The simulator keeps amounts in
 * millionths of the currency unit (integers), so both forms come out exact.
 */

/** Millionths → cents as a JSON number (12.5 for 0.125 of the currency). */
export function microsToCents(micros: number): number {
  return micros / 10_000;
}

/** Cents (possibly fractional, as the API accepts) → millionths, rounded to the nearest. */
export function centsToMicros(cents: number): number {
  return Math.round(cents * 10_000);
}

/** Millionths → "1250.000000". */
export function microsToDecimal(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const units = Math.floor(abs / 1_000_000);
  const frac = String(abs % 1_000_000).padStart(6, '0');
  return `${sign}${units}.${frac}`;
}

/** Quantity × unit price, rounded to the nearest millionth. */
export function lineMicros(quantity: number, unitMicros: number): number {
  return Math.round(quantity * unitMicros);
}
