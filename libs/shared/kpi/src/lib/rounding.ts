/**
 * Rounds half away from zero at `digits` decimals, on the decimal text of the number: 1.005 is
 * stored as 1.00499999…, so `Math.round(1.005 * 100) / 100` gives 1.00 where a person expects 1.01.
 * Shifting the decimal point through the exponent of the string form avoids that multiplication.
 */
export function roundHalfUp(value: number, digits = 1): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const shifted = Math.round(shiftDecimal(decimalMagnitude(value), digits));
  return Math.sign(value) * shiftDecimal(shifted, -digits) || 0;
}

/** Drops the digits beyond `digits` decimals (育介法-style reports truncate rather than round). */
export function truncate(value: number, digits = 1): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const shifted = Math.floor(shiftDecimal(decimalMagnitude(value), digits));
  return Math.sign(value) * shiftDecimal(shifted, -digits) || 0;
}

/** numerator ÷ denominator × 100, unrounded; null for a zero denominator ("—", never 0 %). */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) {
    return null;
  }
  return (numerator / denominator) * 100;
}

/**
 * |value| cut to 15 significant digits, which drops the noise of a preceding division:
 * 29 / 100 * 100 is 28.999999999999996 and must still truncate to 29.0, not 28.9.
 */
function decimalMagnitude(value: number): number {
  return Number(Math.abs(value).toPrecision(15));
}

function shiftDecimal(value: number, digits: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}
