/**
 * The `model` block of a Fiscal Data Package: which columns of amounts.csv are money (measures, with currency and
 * factor) and how the others group into dimensions, typed as the specification suggests (classification of a
 * functional, administrative or economic kind, activity for projects).
 */
import type { FieldName } from "./fields.ts";

interface Attribute {
  source: FieldName;
  labelfor?: string;
}

interface Dimension {
  attributes: Record<string, Attribute>;
  primaryKey: string | string[];
  dimensionType: "datetime" | "entity" | "classification" | "activity" | "fact" | "location" | "other";
  classificationType?: "functional" | "administrative" | "economic";
}

const attribute = (source: FieldName, labelfor?: string): Attribute => (labelfor ? { source, labelfor } : { source });

const code = (source: FieldName, classificationType?: Dimension["classificationType"]): Dimension => ({
  attributes: { code: attribute(source) },
  primaryKey: "code",
  dimensionType: "classification",
  ...(classificationType ? { classificationType } : {}),
});

const other = (source: FieldName): Dimension => ({
  attributes: { [source]: attribute(source) },
  primaryKey: source,
  dimensionType: "other",
});

export function fiscalModel() {
  return {
    measures: {
      amountYuan: { source: "amountYuan", currency: "CNY", factor: 1, phase: "approved" },
      amountTenThousandYuan: { source: "amountTenThousandYuan", currency: "CNY", factor: 10000, phase: "approved" },
    },
    dimensions: {
      cell: {
        attributes: {
          tableId: attribute("tableId"),
          tableTitle: attribute("tableTitle", "tableId"),
          rowKey: attribute("rowKey"),
          rowLabel: attribute("rowLabel", "rowKey"),
          rowKind: attribute("rowKind"),
          columnKey: attribute("columnKey"),
          columnHeader: attribute("columnHeader", "columnKey"),
        },
        primaryKey: ["tableId", "rowKey", "columnKey"],
        dimensionType: "fact",
      },
      date: { attributes: { year: attribute("year") }, primaryKey: "year", dimensionType: "datetime" },
      phase: other("phase"),
      direction: other("direction"),
      administrative: {
        attributes: {
          department: attribute("department"),
          unitCode: attribute("unitCode"),
          unitName: attribute("unitName", "unitCode"),
        },
        primaryKey: ["department", "unitCode"],
        dimensionType: "classification",
        classificationType: "administrative",
      },
      function: code("functionCode", "functional"),
      governmentEconomic: code("governmentEconomicCode", "economic"),
      departmentEconomic: code("departmentEconomicCode", "economic"),
      fundSource: other("fundSource"),
      expenditureKind: other("expenditureKind"),
      project: { attributes: { title: attribute("projectName") }, primaryKey: "title", dimensionType: "activity" },
      procurementCategory: code("procurementCategoryCode"),
      aggregation: {
        attributes: { isTotal: attribute("isTotal"), isTotalColumn: attribute("isTotalColumn") },
        primaryKey: ["isTotal", "isTotalColumn"],
        dimensionType: "other",
      },
    } satisfies Record<string, Dimension>,
  };
}
