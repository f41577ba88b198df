/**
 * Money is an integer count of the smallest published unit: for a table in 万元 with two decimals, one unit is
 * 0.01 万元 (100 yuan). Amounts are never floats; printed forms are parsed digit by digit.
 */
export type Amount = number;

export class AmountError extends Error {
  constructor(
    readonly text: string,
    reason: string,
  ) {
    super(`"${text}" ${reason}`);
  }
}

/** Characters the PDF extraction and typesetting leave inside numbers: spaces, thousands separators. */
const NOISE = /[\s,，_]/g;
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** The printed forms that mean "nothing here" rather than zero. */
export function isBlank(text: string): boolean {
  return text.trim() === "";
}

/** A printed dash stands for zero in Chinese budget tables. */
export function isDash(text: string): boolean {
  return /^[-–—－]$/.test(text.trim());
}

/**
 * Parses a printed decimal such as `3 , 750. 53`, `5,411.72`, `3. 17`, `（1.00）` or `-12` into an integer scaled by
 * 10^decimals. More decimals than the unit allows is an error, not a silent rounding.
 */
export function parseScaled(text: string, decimals: number): number {
  let s = text.normalize("NFKC").replace(NOISE, "");
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren?.[1] !== undefined) {
    s = paren[1];
    sign = -1;
  }
  const m = DECIMAL.exec(s);
  if (!m) throw new AmountError(text, "is not a number");
  const [, signText, whole = "", fraction = ""] = m;
  if (fraction.length > decimals) {
    if (/[1-9]/.test(fraction.slice(decimals))) {
      throw new AmountError(text, `has more than ${decimals} decimals`);
    }
  }
  const scaled = Number(whole + fraction.slice(0, decimals).padEnd(decimals, "0"));
  if (!Number.isSafeInteger(scaled)) throw new AmountError(text, "is too large");
  return (signText === "-" ? -sign : sign) * scaled || 0;
}

/** Parses a printed amount; blank means no value (null), a dash means zero. */
export function parseAmount(text: string, decimals = 2): Amount | null {
  if (isBlank(text)) return null;
  if (isDash(text)) return 0;
  return parseScaled(text, decimals);
}

/** Parses a printed percentage such as `35.29%` or `42.86` into hundredths of a percent. */
export function parsePercent(text: string): number {
  return parseScaled(text.replace(/[%％]/g, ""), 2);
}

export interface FormatOptions {
  decimals?: number;
  thousands?: boolean;
}

/** Formats a scaled integer back to its printed form, e.g. 541172 → `5,411.72`. */
export function formatAmount(value: Amount, { decimals = 2, thousands = true }: FormatOptions = {}): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${value} is not a safe integer`);
  const digits = Math.abs(value)
    .toString()
    .padStart(decimals + 1, "0");
  let whole = digits.slice(0, digits.length - decimals);
  if (thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = decimals > 0 ? `${whole}.${digits.slice(-decimals)}` : whole;
  return value < 0 ? `-${text}` : text;
}

/** Sum of amounts, checked to stay a safe integer. */
export function sum(values: Iterable<Amount>): Amount {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError("sum of amounts overflows");
  return total;
}
