/**
 * The balance tables: 收支总体情况表 (T01) and 财政拨款收支总体情况表 (T04). Income by fund source, expenditure by
 * function class (the classes the layout always prints, and any other the ledger uses), each side with its year
 * total and grand total — all sums of rounded leaves, so the two sides balance.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import type { BalanceLayout } from "../layout.ts";
import type { FundSource } from "../types.ts";
import { type BalanceLine, balanceRows, chineseNumeral, type DeriveContext, functionName, table } from "./build.ts";

const sourcesOf = (text: string) => new Set(text.split(/\s+/).filter((s) => s !== "") as FundSource[]);

export function balanceTable(context: DeriveContext, id: "T01" | "T04"): Table {
  const layout: BalanceLayout = context.layout.tables[id];
  const byClass = new Map<string, number>();
  for (const leaf of context.leaves) {
    for (const key of [leaf.source, `${leaf.source}|${leaf.functionCode.slice(0, 3)}`]) {
      byClass.set(key, (byClass.get(key) ?? 0) + leaf.amount);
    }
  }
  const sum = (sources: Set<FundSource>, classCode?: string) =>
    [...sources].reduce((a, s) => a + (byClass.get(classCode === undefined ? s : `${s}|${classCode}`) ?? 0), 0);
  const lines: BalanceLine[] = layout.income.map(([label, sources]) => ({
    side: "income",
    label,
    amount: sum(sourcesOf(sources)),
  }));
  const side = layout.expenditure;
  const sources = sourcesOf(side.sources);
  const used = new Set(context.leaves.filter((l) => sources.has(l.source)).map((l) => l.functionCode.slice(0, 3)));
  const classes = [...new Set([...side.classes, ...used])].sort();
  const expenditure = classes.map((code, i) => ({
    side: "expenditure",
    code,
    label: `${chineseNumeral(i + 1)}、${functionName(context.ledger, code)}`,
    amount: sum(sources, code),
  }));
  const yearTotal = expenditure.reduce((a, l) => a + l.amount, 0);
  const after = side.after.map((label, i) => ({
    side: "expenditure",
    label: side.numbered ? `${chineseNumeral(classes.length + i + 1)}、${label}` : label,
    amount: 0,
  }));
  lines.push(...expenditure, { side: "expenditure", label: side.yearTotal, amount: yearTotal }, ...after, {
    side: "expenditure",
    label: side.grandTotal,
    amount: yearTotal,
  });
  return table(context, tableSpec(context.template, id), balanceRows(tableSpec(context.template, id), lines));
}
