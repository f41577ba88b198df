/**
 * The unit an amount is counted in: a model amount is an integer count of 10^-decimals of 万元 or 元. Every change
 * of unit — comparing a budget in 万元 with one in 元, open data in yuan, search in fen — is a power of ten applied
 * to that integer, never a float sum.
 */
export interface AmountScale {
  amountUnit: "万元" | "元";
  decimals: number;
}

/** The power of ten that turns a count in `scale` into yuan (0.01 万元 → 2; whole 元 → 0). */
export const yuanExponent = (scale: AmountScale) => (scale.amountUnit === "万元" ? 4 : 0) - scale.decimals;

/** A count of `from` as a count of `to`; a RangeError when it is not a whole count of `to` or too large. */
export function rescale(value: number, from: AmountScale, to: AmountScale): number {
  const shift = yuanExponent(from) - yuanExponent(to);
  const result = shift >= 0 ? value * 10 ** shift : value / 10 ** -shift;
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount ${value} is not a whole count of ${to.amountUnit}`);
  return result;
}

/** Fen (0.01 元): the finest unit any disclosure prints, in which amounts of every document compare. */
export const FEN: AmountScale = { amountUnit: "元", decimals: 2 };
