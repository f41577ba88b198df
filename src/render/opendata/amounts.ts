/**
 * The long form of Part 4: one record per published amount of every table, with the cell it comes from, the amount
 * in 万元 and in yuan, and the dimensions that classify it (phase, direction, unit, function, economic codes, fund
 * source, expenditure kind, project, procurement category) and whether it restates other amounts.
 */
import type { BudgetDocument, Table } from "../../model/document.ts";
import { TableIndex } from "../../rules/relations/table-index.ts";
import type { TableSpec, Template } from "../../templates/template.ts";
import { headerPathsByColumn } from "../csv/header.ts";
import { tableGrid } from "../grid.ts";
import { neutraliseFormula } from "../safe-cell.ts";
import { rowClassifications } from "./classifications.ts";
import { amountDimensions, isTotalColumn, isTotalRow } from "./dimensions.ts";
import type { AmountRecord } from "./fields.ts";
import type { OpenDataMapping } from "./mapping.ts";
import { scaledDecimal, tenThousandYuanExponent, yuanExponent } from "./scale.ts";

/** Text fields are defused like every exported cell: the file is opened in spreadsheets too. */
function defused(record: AmountRecord): AmountRecord {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, k.startsWith("amount") ? v : neutraliseFormula(v)]),
  ) as AmountRecord;
}

function tableRecords(
  doc: BudgetDocument,
  template: Template,
  spec: TableSpec,
  table: Table,
  mapping: OpenDataMapping | undefined,
): AmountRecord[] {
  const index = new TableIndex(spec, table);
  const tableMapping = mapping?.tables[spec.id];
  const headers = headerPathsByColumn(tableGrid(template, doc, table), spec);
  const amountColumns = spec.columns.filter((c) => c.type === "amount");
  const units = new Map(doc.units.map((u) => [u.code, u.name]));
  return index.rows.flatMap((r) => {
    const codes = rowClassifications(index, tableMapping, r);
    return amountColumns.flatMap((column) => {
      const value = r.row.cells[column.key];
      if (typeof value !== "number") return [];
      const columnKey = spec.shape === "balance" ? `${r.row.side}.${column.key}` : column.key;
      const dimensions = amountDimensions(tableMapping, index, r, column.key);
      return [
        defused({
          tableId: table.id,
          tableTitle: table.title || spec.title,
          rowKey: r.row.key,
          rowLabel: r.row.label,
          rowKind: r.row.kind,
          columnKey,
          columnHeader: headers.get(columnKey) ?? "",
          amountTenThousandYuan: scaledDecimal(value, tenThousandYuanExponent(doc)),
          amountYuan: scaledDecimal(value, yuanExponent(doc)),
          phase: "approved",
          direction: dimensions.direction ?? "",
          department: doc.department,
          year: String(doc.year),
          unitCode: r.unitCode ?? "",
          unitName: (r.unitCode && units.get(r.unitCode)) ?? "",
          ...codes,
          fundSource: dimensions.fundSource ?? "",
          expenditureKind: dimensions.expenditureKind ?? "",
          isTotal: String(isTotalRow(mapping, r)),
          isTotalColumn: String(isTotalColumn(tableMapping, column.key)),
        }),
      ];
    });
  });
}

/** Every amount of every table, in template order, row by row. */
export function amountRecords(
  doc: BudgetDocument,
  template: Template,
  mapping: OpenDataMapping | undefined,
): AmountRecord[] {
  return template.tables.flatMap((spec) => {
    const table = doc.tables.find((t) => t.id === spec.id);
    return table ? tableRecords(doc, template, spec, table, mapping) : [];
  });
}
