/**
 * A model amount is an integer count of 10^-decimals of the document's unit. Open data states it in 万元 and in
 * yuan; both are that integer times a power of ten, written digit by digit so no float ever rounds it.
 */
import type { BudgetDocument } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import { yuanExponent as yuanExponentOf } from "../../money/scale.ts";

/** The power of ten that turns a model amount into yuan. */
export const yuanExponent = (doc: BudgetDocument) => yuanExponentOf(doc);

/** The power of ten that turns a model amount into 万元. */
export const tenThousandYuanExponent = (doc: BudgetDocument) => yuanExponentOf(doc) - 4;

/** `value × 10^exponent` as a plain decimal: 541172 × 10^-2 → "5411.72", 541172 × 10^2 → "54117200". */
export function scaledDecimal(value: number, exponent: number): string {
  if (exponent < 0) return formatAmount(value, { decimals: -exponent, thousands: false });
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${value} is not a safe integer`);
  return value === 0 ? "0" : `${value}${"0".repeat(exponent)}`;
}
