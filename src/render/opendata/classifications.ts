/**
 * The classification codes and project of a row: function codes from a function-coded table (or a balance-table
 * side the mapping marks), both economic codes from their columns, the project a project-expenditure line belongs
 * to, and the procurement category. Which column holds what is read from the template's catalogs.
 */
import { splitEconomic } from "../../model/rows.ts";
import type { IndexedRow, TableIndex } from "../../rules/relations/table-index.ts";
import type { TableSpec } from "../../templates/template.ts";
import type { TableMapping } from "./mapping.ts";

export interface RowClassifications {
  functionCode: string;
  governmentEconomicCode: string;
  departmentEconomicCode: string;
  projectName: string;
  procurementCategoryCode: string;
}

const columnOf = (spec: TableSpec, catalog: string) => spec.columns.find((c) => c.catalog === catalog)?.key;

function cellText(r: IndexedRow, column: string | undefined): string {
  const value = column === undefined ? undefined : r.row.cells[column];
  return typeof value === "string" ? value.trim() : "";
}

function functionCode(spec: TableSpec, mapping: TableMapping | undefined, r: IndexedRow): string {
  const side = r.row.side === undefined ? undefined : mapping?.sides?.[r.row.side];
  const coded = columnOf(spec, "function") !== undefined || side?.functionCodes === true;
  return coded ? (r.row.code ?? "") : "";
}

function economicCode(spec: TableSpec, r: IndexedRow, catalog: string): string {
  return splitEconomic(cellText(r, columnOf(spec, catalog)))?.code ?? "";
}

function projectName(mapping: TableMapping | undefined, r: IndexedRow): string {
  const projects = mapping?.projects;
  if (!projects?.kinds.includes(r.row.kind)) return "";
  if (projects.under !== undefined && !r.ancestorKinds.has(projects.under)) return "";
  return r.row.label.trim();
}

export function rowClassifications(
  index: TableIndex,
  mapping: TableMapping | undefined,
  r: IndexedRow,
): RowClassifications {
  const spec = index.spec;
  return {
    functionCode: functionCode(spec, mapping, r),
    governmentEconomicCode: economicCode(spec, r, "governmentEconomic"),
    departmentEconomicCode: economicCode(spec, r, "departmentEconomic"),
    projectName: projectName(mapping, r),
    procurementCategoryCode: cellText(r, columnOf(spec, "procurement")),
  };
}
