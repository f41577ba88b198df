/**
 * The two sides compared and the unit each counts its amounts in. Two budgets may print amounts in different units
 * (万元 with 2 decimals, 元 with none), so amounts are brought to the finer unit, in integers, before anything is
 * subtracted; the percentage change is worked out in integers too.
 */
import type { BudgetDocument, Table } from "../../../model/document.ts";
import { type AmountScale, rescale as rescaleAmount, yuanExponent } from "../../../money/scale.ts";
import type { TableSpec } from "../../../templates/template.ts";

export type { AmountScale };

export interface CompareSide {
  label: string;
  doc: BudgetDocument;
}

export interface Scaled {
  value: number;
  scale: AmountScale;
}

const exponent = yuanExponent;
export const sameScale = (x: AmountScale, y: AmountScale) => exponent(x) === exponent(y);
export const finest = (scales: AmountScale[], fallback: AmountScale) =>
  scales.reduce((best, s) => (exponent(s) < exponent(best) ? s : best), scales[0] ?? fallback);

export const rescale = ({ value, scale }: Scaled, to: AmountScale): number => rescaleAmount(value, scale, to);

export const docScale = (doc: BudgetDocument): AmountScale => ({ amountUnit: doc.amountUnit, decimals: doc.decimals });
export const tableScale = (doc: BudgetDocument, table: Table | undefined, spec?: TableSpec): AmountScale => ({
  amountUnit: table?.amountUnit ?? spec?.amountUnit ?? doc.amountUnit,
  decimals: table?.decimals ?? doc.decimals,
});

/** The difference in hundredths of a percent of `from`, in integers (BigInt: a fen-scaled total × 10⁴ can pass 2⁵³). */
export function percentChange(from: number, to: number): number | undefined {
  if (from === 0) return undefined;
  const difference = BigInt(to - from) * 10_000n;
  const base = BigInt(Math.abs(from));
  const magnitude = ((difference < 0n ? -difference : difference) * 2n + base) / (2n * base);
  return Number(difference < 0n ? -magnitude : magnitude);
}
