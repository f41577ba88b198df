/**
 * Every code printed in a table exists in that year's catalog, and the name printed beside it is the catalog's name
 * for it. Balance-table lines (T01, T04) carry no code, so their names must be names of function classes.
 */
import { type Catalog, catalogNamed, comparableName, NoCatalogError } from "../catalog/catalog.ts";
import type { Row, Table } from "../model/document.ts";
import { splitEconomic } from "../model/rows.ts";
import type { Column, TableSpec } from "../templates/template.ts";
import { catalogName } from "./messages.ts";
import type { Rule, RuleContext } from "./rule.ts";

/** Ordinals printed before names: 六、科学技术支出. */
function bareName(text: string): string {
  return text.replace(/^[一二三四五六七八九十]+、/, "").trim();
}

/** Procurement names carry the purchasing channel and scope in brackets: 运行维护服务(含信息化)(协议供货、网上竞价). */
function bareCategoryName(text: string): string {
  return text.replace(/[（(][^（）()]*[）)]/g, "").trim();
}

function checkCode(
  context: RuleContext,
  catalog: Catalog,
  catalogId: string,
  where: { table: Table; row: Row; column: Column },
  code: string,
  printedName: string | undefined,
): void {
  const names = catalogName(catalogId);
  const data = { code, year: context.doc.year, catalog: names.zh, catalogEn: names.en };
  const location = { table: where.table.id, row: where.row.key, column: where.column.key };
  const entry = catalog.get(code);
  if (!entry) {
    context.report({ messageId: "unknownCode", data, location });
    return;
  }
  if (printedName === undefined || printedName === "") return;
  if (comparableName(bareName(printedName)) !== comparableName(entry.name)) {
    context.report({
      messageId: "nameMismatch",
      severity: "warning",
      data: { ...data, printed: printedName, official: entry.name },
      location,
      expected: entry.name,
      actual: printedName,
    });
  }
}

function nameColumn(spec: TableSpec): Column | undefined {
  return spec.columns.find((c) => c.type === "label");
}

function checkGridTable(context: RuleContext, spec: TableSpec, table: Table): void {
  const unitNames = new Map(context.doc.units.map((u) => [u.code, u.name]));
  const label = nameColumn(spec);
  for (const row of table.rows) {
    for (const column of spec.columns) {
      const value = row.cells[column.key];
      if (typeof value !== "string" || !column.catalog) continue;
      const where = { table, row, column };
      if (column.catalog === "units") {
        checkUnit(context, where, value, unitNames, row.kind === "unit" ? row.label : undefined);
      } else if (column.type === "economic") {
        const split = splitEconomic(value);
        if (split)
          checkCode(
            context,
            catalogNamed(column.catalog, context.doc.year),
            column.catalog,
            where,
            split.code,
            split.name,
          );
      } else if (column.catalog === "procurement") {
        const printed = bareCategoryName(String(row.cells.categoryName ?? "").replace(value, ""));
        checkCode(context, catalogNamed("procurement", context.doc.year), "procurement", where, value, printed);
      } else {
        const printed = label ? row.cells[label.key] : undefined;
        const name = typeof printed === "string" ? printed : undefined;
        checkCode(context, catalogNamed(column.catalog, context.doc.year), column.catalog, where, value, name);
      }
    }
  }
}

function checkUnit(
  context: RuleContext,
  where: { table: Table; row: Row; column: Column },
  code: string,
  units: Map<string, string>,
  printedName: string | undefined,
): void {
  const location = { table: where.table.id, row: where.row.key, column: where.column.key };
  const official = units.get(code);
  if (official === undefined) {
    context.report({ messageId: "unknownUnit", data: { code }, location });
  } else if (printedName !== undefined && comparableName(printedName) !== comparableName(official)) {
    context.report({
      messageId: "unitNameMismatch",
      severity: "warning",
      data: { code, printed: printedName, official },
      location,
      expected: official,
      actual: printedName,
    });
  }
}

function checkBalanceTable(context: RuleContext, table: Table): void {
  const catalog = catalogNamed("function", context.doc.year);
  const names = catalogName("function");
  const expenditure = table.rows.filter((r) => r.side === "expenditure");
  const yearTotal = expenditure.findIndex((r) => r.kind === "yearTotal");
  // Lines after 本年支出合计 (对附属单位补助, 上缴上级, 结转下年) are not function classes.
  for (const row of yearTotal < 0 ? expenditure : expenditure.slice(0, yearTotal)) {
    const printed = bareName(row.label);
    if (row.kind !== "source" || catalog.findByName(printed, "class")) continue;
    context.report({
      messageId: "unknownName",
      severity: "warning",
      data: { printed, year: context.doc.year, catalog: names.zh, catalogEn: names.en },
      location: { table: table.id, row: row.key, column: "label" },
      actual: printed,
    });
  }
}

export const catalogCode: Rule = {
  meta: {
    id: "catalog-code",
    title: "编码与名称符合当年分类目录",
    severity: "error",
    kind: "catalog",
    description:
      "Every function, economic, procurement and unit code exists in the year's catalog (error), and the name printed beside it matches the catalog (warning).",
  },
  check(context) {
    try {
      for (const table of context.doc.tables) {
        const spec = context.template.tables.find((t) => t.id === table.id);
        if (!spec) continue;
        if (spec.shape === "balance") checkBalanceTable(context, table);
        else checkGridTable(context, spec, table);
      }
    } catch (error) {
      if (!(error instanceof NoCatalogError)) throw error;
      context.report({ messageId: "noCatalog", severity: "info", data: { year: context.doc.year }, location: {} });
    }
  },
};
