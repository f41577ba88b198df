/**
 * The fund source, expenditure kind and direction of one amount, as the layout's open-data mapping declares them,
 * and whether the amount restates others (a total row or column) so that analysts can sum without counting twice.
 */
import { normaliseLabel } from "../../model/rows.ts";
import type { IndexedRow, TableIndex } from "../../rules/relations/table-index.ts";
import type { Dimensions, OpenDataMapping, TableMapping } from "./mapping.ts";

/** A balance-table line without its numbering: "(一)一般公共预算" → "一般公共预算". */
function lineName(label: string): string {
  return normaliseLabel(label)
    .replace(/^其中[:：]/, "")
    .replace(/^[一二三四五六七八九十]+、/, "")
    .replace(/^\([一二三四五六七八九十]+\)/, "")
    .replace(/^\d+\./, "");
}

/** The row and its ancestors, outermost first. */
function lineage(index: TableIndex, r: IndexedRow): IndexedRow[] {
  const chain: IndexedRow[] = [];
  for (let at: IndexedRow | undefined = r; at; at = at.parent === undefined ? undefined : index.rows[at.parent]) {
    chain.unshift(at);
  }
  return chain;
}

/** The entry for the longest code prefix that the row's code starts with. */
function byCode(codes: TableMapping["rowCodes"], code: string | undefined): Dimensions | undefined {
  if (!codes || !code) return undefined;
  const prefix = Object.keys(codes)
    .filter((p) => code.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : codes[prefix];
}

/** The most specific value wins: table, side, column, row code, then each ancestor's kind and label down to the row. */
export function amountDimensions(
  mapping: TableMapping | undefined,
  index: TableIndex,
  r: IndexedRow,
  column: string,
): Dimensions {
  if (!mapping) return {};
  const layers: (Dimensions | undefined)[] = [
    mapping,
    r.row.side === undefined ? undefined : mapping.sides?.[r.row.side],
    mapping.columns?.[column],
    byCode(mapping.rowCodes, r.row.code),
    ...lineage(index, r).flatMap((at) => [
      mapping.rowKinds?.[at.row.kind],
      mapping.rowLabels?.[lineName(at.row.label)],
    ]),
  ];
  const result: Dimensions = {};
  for (const layer of layers) {
    if (layer?.direction !== undefined) result.direction = layer.direction;
    if (layer?.fundSource !== undefined) result.fundSource = layer.fundSource;
    if (layer?.expenditureKind !== undefined) result.expenditureKind = layer.expenditureKind;
  }
  return result;
}

/** A row restates others when it has children or is of a total kind (合计, 本年收入合计, 其中 …). */
export function isTotalRow(mapping: OpenDataMapping | undefined, r: IndexedRow): boolean {
  return r.children.length > 0 || (mapping?.totalKinds.includes(r.row.kind) ?? false);
}

export function isTotalColumn(mapping: TableMapping | undefined, column: string): boolean {
  const entry = mapping?.columns?.[column];
  return entry?.total === true || entry?.memo === true;
}
