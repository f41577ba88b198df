/**
 * Changes on last year, computed from the published figures (this year's rounded amount against last year's
 * published one) so that the text's 较上年增加 X 万元、增长 Y% is exactly what a reader recomputes from the two
 * printed figures. Percentages are hundredths of a percent, rounded half up, in integers.
 */
import { ruleData } from "../rules/rule-data.ts";
import type { ChangeSubject, Ledger } from "./types.ts";

export interface ChangeOnLastYear {
  direction: "增加" | "减少" | "持平";
  /** Published units, never negative. */
  amount: number;
  /** Hundredths of a percent of last year's figure; absent when last year's figure is zero. */
  percent?: number;
}

/** Sums whose parts the ledger gives last year's figures for. */
const PARTS: Partial<Record<ChangeSubject, ChangeSubject[]>> = {
  threePublicTotal: ["abroad", "vehiclePurchase", "vehicleOperation", "reception"],
  vehicleTotal: ["vehiclePurchase", "vehicleOperation"],
};

/** Last year's published figure of a subject, when the ledger gives it (or all its parts). */
export function previousOf(ledger: Ledger, subject: ChangeSubject): number | undefined {
  const parts = PARTS[subject];
  if (!parts) return ledger.changes[subject]?.previous;
  const values = parts.map((p) => ledger.changes[p]?.previous);
  return values.every((v) => v !== undefined) ? values.reduce((a: number, v) => a + (v ?? 0), 0) : undefined;
}

/** a / b rounded half up, for a ≥ 0 and b > 0. */
const ratio = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

export function changeOn(current: number, previous: number): ChangeOnLastYear {
  const difference = current - previous;
  const direction = difference > 0 ? "增加" : difference < 0 ? "减少" : "持平";
  const amount = Math.abs(difference);
  return previous > 0 && amount > 0
    ? { direction, amount, percent: ratio(amount * 10_000, previous) }
    : { direction, amount };
}

interface Wording {
  reasonThresholdPercent: string;
  reasonRequired: string[];
}

/** Whether the validator (rule change-wording, data/rules/wording.yaml) requires this change to state its reason. */
export function reasonRequired(subject: string, change: ChangeOnLastYear): boolean {
  if (change.amount === 0) return false;
  const wording = ruleData<Record<string, Wording>>("wording")["change-wording"];
  if (!wording) return false;
  if (wording.reasonRequired.includes(subject)) return true;
  return change.percent === undefined || change.percent > Number(wording.reasonThresholdPercent) * 100;
}
