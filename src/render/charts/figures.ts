/**
 * The figures a reader looks for first, read from a document's tables: expenditure by function class, basic against
 * project expenditure, what each unit spends, its projects, the 三公 lines and government procurement. Which table of
 * a layout holds which figure is data, by template id; a layout not listed here gives no figures, and the views built
 * on them are left out rather than guessed.
 */
import type { BudgetDocument, Fact, Row, Table } from "../../model/document.ts";
import { normaliseLabel, parentIndexes } from "../../model/rows.ts";
import { sum } from "../../money/amount.ts";
import type { Template } from "../../templates/template.ts";

/** The tables of a layout that the figures come from, by what they hold. */
export interface FigureSources {
  /** Expenditure by function code, with total / basic / project columns (支出总体情况表). */
  expenditure: string;
  /** Basic expenditure by unit and line (部门预算基本支出预算表). */
  basicByUnit: string;
  /** General-budget basic expenditure by economic class (按支出经济分类科目). */
  economic: string;
  /** Projects by unit and category, with their content, goals and indicators (项目支出预算表). */
  projects: string;
  /** Administrative costs and the 三公 lines. */
  threePublic: string;
  /** Government procurement by unit and budget line (政府采购预算表). */
  procurement: string;
  /** Purchase of services by unit and budget line (政府购买服务预算表). */
  services: string;
}

const SOURCES: Record<string, FigureSources> = {
  "gz-2021-14": {
    expenditure: "T03",
    basicByUnit: "T08",
    economic: "T09",
    projects: "T10",
    threePublic: "T12",
    procurement: "T13",
    services: "T14",
  },
};

/**
 * The tables a document's figures come from, when its layout is known and those tables print amounts in the
 * document's own unit: figures from tables in different units are never added or compared.
 */
export function figureSources(doc: BudgetDocument, template: Template): FigureSources | undefined {
  const sources = SOURCES[template.id];
  if (!sources) return undefined;
  const ownUnit = (id: string) => {
    const table = tableById(doc, id);
    return (
      (table?.amountUnit ?? doc.amountUnit) === doc.amountUnit && (table?.decimals ?? doc.decimals) === doc.decimals
    );
  };
  return Object.values(sources).every(ownUnit) ? sources : undefined;
}

export interface Named {
  name: string;
  code?: string;
  amount: number;
}

export function amountOf(row: Row | undefined, column: string): number | null {
  const value = row?.cells[column];
  return typeof value === "number" ? value : null;
}

export function textOf(row: Row | undefined, column: string): string {
  const value = row?.cells[column];
  return typeof value === "string" ? value : "";
}

/** A table with each row's parent, so that a line can be placed under its unit and budget line. */
export class TableTree {
  readonly rows: Row[];
  private readonly parents: (number | undefined)[];

  constructor(
    readonly table: Table,
    template: Template,
  ) {
    const spec = template.tables.find((t) => t.id === table.id);
    this.rows = table.rows;
    this.parents = spec ? parentIndexes(spec, table.rows) : table.rows.map(() => undefined);
  }

  /** The nearest row above `index` in the hierarchy with the given kind. */
  ancestor(index: number, kind: string): Row | undefined {
    let p = this.parents[index];
    while (p !== undefined) {
      const row = this.rows[p];
      if (row?.kind === kind) return row;
      p = this.parents[p];
    }
    return undefined;
  }

  /** The unit a row belongs to, by its code. */
  unitCode(index: number): string | undefined {
    const unit = this.ancestor(index, "unit");
    return unit ? unitCodeOf(unit) : undefined;
  }

  ofKind(kind: string): Row[] {
    return this.rows.filter((r) => r.kind === kind);
  }
}

const unitCodeOf = (row: Row) => row.code ?? (textOf(row, "unitCode") || undefined);

export interface UnitFigures {
  code: string;
  name: string;
  type?: string;
  /** The unit's line in the basic-expenditure table, and the lines under it. */
  basicRow?: Row;
  basicLines: Row[];
  /** The unit's line in the project table. */
  projectRow?: Row;
}

export interface ProjectFigures {
  row: Row;
  name: string;
  amount: number;
  unitCode: string;
  category?: string;
  /** 1, 2 … within its unit, in table order: what its page is named by. */
  ordinal: number;
}

export interface PurchaseLine {
  row: Row;
  unitCode?: string;
  /** The budget line it sits under: a project's name, or 基本支出. */
  budgetLine: "basic" | "project";
}

/** Everything the book reads from the tables, once. */
export interface BookFigures {
  sources: FigureSources;
  units: UnitFigures[];
  projects: ProjectFigures[];
  procurement: PurchaseLine[];
  services: PurchaseLine[];
}

export function tableById(doc: BudgetDocument, id: string): Table | undefined {
  return doc.tables.find((t) => t.id === id);
}

function purchaseLines(tree: TableTree | undefined, kind: string): PurchaseLine[] {
  if (!tree) return [];
  return tree.rows.flatMap((row, i) =>
    row.kind !== kind
      ? []
      : [
          {
            row,
            unitCode: tree.unitCode(i),
            budgetLine: tree.ancestor(i, "basicExpenditure") ? ("basic" as const) : ("project" as const),
          },
        ],
  );
}

export function bookFigures(doc: BudgetDocument, template: Template): BookFigures | undefined {
  const sources = figureSources(doc, template);
  if (!sources) return undefined;
  const tree = (id: string) => {
    const table = tableById(doc, id);
    return table ? new TableTree(table, template) : undefined;
  };
  const basic = tree(sources.basicByUnit);
  const projectTree = tree(sources.projects);

  const codes = [
    ...doc.units.map((u) => u.code),
    ...(basic?.ofKind("unit") ?? []).map(unitCodeOf),
    ...(projectTree?.ofKind("unit") ?? []).map(unitCodeOf),
  ].filter((c): c is string => c !== undefined);
  const units = [...new Set(codes)].map((code): UnitFigures => {
    const unit = doc.units.find((u) => u.code === code);
    const basicRow = basic?.ofKind("unit").find((r) => unitCodeOf(r) === code);
    const projectRow = projectTree?.ofKind("unit").find((r) => unitCodeOf(r) === code);
    const basicLines = basic ? basic.rows.filter((r, i) => r.kind !== "unit" && basic.unitCode(i) === code) : [];
    return {
      code,
      name: unit?.name ?? basicRow?.label ?? projectRow?.label ?? code,
      type: unit?.type,
      basicRow,
      basicLines,
      projectRow,
    };
  });

  const ordinals = new Map<string, number>();
  const projects = (projectTree?.rows ?? []).flatMap((row, i): ProjectFigures[] => {
    if (row.kind !== "project" || !projectTree) return [];
    const unitCode = projectTree.unitCode(i) ?? "000000";
    const ordinal = (ordinals.get(unitCode) ?? 0) + 1;
    ordinals.set(unitCode, ordinal);
    return [
      {
        row,
        name: row.label,
        amount: amountOf(row, "total") ?? 0,
        unitCode,
        category: projectTree.ancestor(i, "category")?.label,
        ordinal,
      },
    ];
  });

  return {
    sources,
    units,
    projects,
    procurement: purchaseLines(tree(sources.procurement), "item"),
    services: purchaseLines(tree(sources.services), "line"),
  };
}

/** The procurement or purchased-services lines under a project: same unit, and the budget line named as the project. */
export function linesOfProject(lines: PurchaseLine[], project: ProjectFigures): PurchaseLine[] {
  const name = normaliseLabel(project.name);
  return lines.filter(
    (l) => l.budgetLine === "project" && l.unitCode === project.unitCode && normaliseLabel(l.row.label) === name,
  );
}

/** A Part 3 fact by its subject (totalBudget, threePublicTotal …), wherever the section. */
export function fact(doc: BudgetDocument, subject: string): Fact | undefined {
  for (const section of doc.part3) {
    const found = section.facts.find((f) => f.subject === subject);
    if (found) return found;
  }
  return undefined;
}

/** Expenditure by function class (类), as printed in the expenditure table. */
export function expenditureByClass(doc: BudgetDocument, sources: FigureSources): Named[] {
  const table = tableById(doc, sources.expenditure);
  return (table?.rows ?? [])
    .filter((r) => r.kind === "class")
    .map((r) => ({ name: r.label, code: r.code, amount: amountOf(r, "total") ?? 0 }));
}

export interface BasicAndProject {
  total: number | null;
  basic: number | null;
  project: number | null;
}

/** Basic against project expenditure, from the expenditure table's total row. */
export function basicAndProject(doc: BudgetDocument, sources: FigureSources): BasicAndProject | undefined {
  const total = tableById(doc, sources.expenditure)?.rows.find((r) => r.kind === "total");
  if (!total) return undefined;
  return { total: amountOf(total, "total"), basic: amountOf(total, "basic"), project: amountOf(total, "project") };
}

/**
 * Basic expenditure by department economic class (301 工资福利 …). The table prints a class once under each government
 * class it maps to (501 and 505 both carry 301), so the lines of one department class are added, in integers.
 */
export function economicComposition(doc: BudgetDocument, sources: FigureSources): Named[] {
  const rows = (tableById(doc, sources.economic)?.rows ?? []).filter((r) => r.kind === "econClass");
  const groups = new Map<string, { name: string; amounts: number[] }>();
  for (const row of rows) {
    const code = row.code ?? row.label;
    const group = groups.get(code) ?? { name: row.label, amounts: [] };
    group.amounts.push(amountOf(row, "amount") ?? 0);
    groups.set(code, group);
  }
  return [...groups].map(([code, g]) => ({ code, name: g.name, amount: sum(g.amounts) }));
}

/** Procurement by category (货物 / 工程 / 服务) and its total, from the procurement table's memo lines. */
export function procurementByCategory(
  doc: BudgetDocument,
  sources: FigureSources,
): { categories: Named[]; total: number | null } | undefined {
  const table = tableById(doc, sources.procurement);
  if (!table) return undefined;
  const line = (kind: string) => table.rows.find((r) => r.kind === kind);
  const categories: [string, string][] = [
    ["goodsTotal", "货物类"],
    ["worksTotal", "工程类"],
    ["servicesTotal", "服务类"],
  ];
  return {
    categories: categories.map(([kind, name]) => ({ name, amount: amountOf(line(kind), "total") ?? 0 })),
    total: amountOf(line("total"), "total"),
  };
}

/** The 三公 lines: total, then 出国, 用车 (购置, 运行维护), 接待, with the printed labels. */
export function threePublicLines(doc: BudgetDocument, sources: FigureSources): { kind: string; row: Row }[] {
  const table = tableById(doc, sources.threePublic);
  const kinds = ["threePublicTotal", "abroad", "vehicleTotal", "vehiclePurchase", "vehicleOperation", "reception"];
  return kinds.flatMap((kind) => {
    const row = table?.rows.find((r) => r.kind === kind);
    return row ? [{ kind, row }] : [];
  });
}
