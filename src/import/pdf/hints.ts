/** What a table's template tells the reading of its lines: the words its header prints, and where codes stand. */
import { type ColumnNode, isGroup, leaves, sideColumns, type TableSpec } from "../../templates/template.ts";
import { comparable } from "../text.ts";
import type { Hints } from "./classify.ts";

/** Every heading a column tree prints: groups, columns and the aliases documents print instead. */
function headerTexts(nodes: ColumnNode[]): string[] {
  return nodes.flatMap((n) => (isGroup(n) ? [n.group, ...headerTexts(n.columns)] : [n.header, ...(n.aliases ?? [])]));
}

/** The hints for reading a table of this spec (the rules a page draws are added per region). */
export function tableHints(spec: TableSpec): Omit<Hints, "ruled"> {
  const sides = spec.sides ?? [];
  const trees = spec.shape === "balance" ? sides.map((s) => (s.columns as ColumnNode[] | undefined) ?? []) : [];
  const headers = [
    ...headerTexts(spec.columnTree),
    ...trees.flatMap(headerTexts),
    ...sides.flatMap((s) => [s.header, s.labelHeader, s.amountHeader]),
  ]
    .map(comparable)
    .filter((h) => h !== "");
  const codeColumns = [...spec.columns, ...trees.flatMap(leaves)].filter((c) => c.type === "code");
  return {
    blankRows: spec.blankRows,
    headers,
    codeHeaders: new Set(codeColumns.map((c) => comparable(c.header))),
    codesInLine: sides.slice(1).some((s) => sideColumns(s).some((c) => c.type === "code")),
  };
}
