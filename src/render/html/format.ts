/** Amounts and changes as the book prints them, always from the model's integers. */
import type { BudgetDocument, Fact } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import { escapeHtml } from "./escape.ts";

/** An amount in the document's unit, with thousands separators: 5,921.56. */
export const money = (doc: BudgetDocument, amount: number | null | undefined) =>
  amount === null || amount === undefined ? "" : formatAmount(amount, { decimals: doc.decimals });

/** A percentage held in hundredths: 3529 → 35.29%. */
export const percent = (hundredths: number) => `${formatAmount(hundredths, { decimals: 2, thousands: false })}%`;

/** A share of a whole by integer arithmetic, in hundredths of a percent. */
export const share = (part: number, whole: number) => (whole === 0 ? undefined : Math.round((part * 10_000) / whole));

const UP = /增加|增长|上升/;
const DOWN = /减少|下降|降低/;

/** Which way a change went, for its colour and arrow: up, down or flat. */
export function direction(fact: Fact): "up" | "down" | "flat" {
  if (fact.changeAmount === 0) return "flat";
  if (UP.test(fact.changeDirection ?? "")) return "up";
  if (DOWN.test(fact.changeDirection ?? "")) return "down";
  return "flat";
}

/**
 * The change on the previous year as the text states it: 较上年增加 1,544.74 万元，增长 35.29%. Only what the
 * document states is printed; a change of zero reads 与上年持平.
 */
export function changeText(doc: BudgetDocument, fact: Fact): string {
  if (fact.changeAmount === undefined) return "";
  if (fact.changeAmount === 0 && (fact.changePercent ?? 0) === 0) return "与上年持平";
  const amount = `较上年${fact.changeDirection ?? ""} ${money(doc, fact.changeAmount)} ${doc.amountUnit}`;
  const rate =
    fact.changePercent === undefined ? "" : `，${fact.percentDirection ?? ""} ${percent(fact.changePercent)}`;
  return amount + rate;
}

/** A change as a line with its arrow, escaped. */
export function changeLine(doc: BudgetDocument, fact: Fact | undefined): string {
  if (!fact) return "";
  const text = changeText(doc, fact);
  if (!text) return "";
  const way = direction(fact);
  const arrow = { up: "▲", down: "▼", flat: "●" }[way];
  return `<p class="change change-${way}"><span class="change-arrow" aria-hidden="true">${arrow}</span>${escapeHtml(text)}</p>`;
}
