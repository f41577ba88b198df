/**
 * Templates are data (data/templates/<id>.yaml): the tables of a layout, their columns as a header tree, the rules
 * that give each row its kind, the relations between cells and the narrative sections. This module reads and
 * checks them; nothing about a particular layout is written in code.
 */
import { existsSync, readFileSync } from "node:fs";
import Type, { type Static } from "typebox";
import { Compile } from "typebox/compile";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

const TEMPLATE_DIR = `${dataPath("templates")}/`;

const ColumnType = Type.Union([
  Type.Literal("amount"),
  Type.Literal("code"),
  Type.Literal("label"),
  Type.Literal("text"),
  Type.Literal("economic"),
]);

const LeafSchema = Type.Object({
  key: Type.String(),
  header: Type.String(),
  type: Type.Optional(ColumnType),
  catalog: Type.Optional(Type.String()),
  label: Type.Optional(Type.Boolean()),
  wide: Type.Optional(Type.Boolean()),
  /** Part of the row's identity besides its label (e.g. the item bought under a budget line). */
  identity: Type.Optional(Type.Boolean()),
  /**
   * One part of the row's code printed in a column of its own (类 | 款 | 项): the row's code is its parts joined in
   * order, a part printed shorter than this many digits zero-padded (款 2 → 02).
   */
  codeDigits: Type.Optional(Type.Integer({ minimum: 1 })),
  /**
   * A column only some documents of the layout print (the unit-level 财务收支预算总表 adds 人员经费, 公用经费, 项目支出
   * to the department's): read where the header prints it, blank where it does not.
   */
  optional: Type.Optional(Type.Boolean()),
  /** Other headers documents of the layout print over this column (预算数 over one column, 合计 under it over several). */
  aliases: Type.Optional(Type.Array(Type.String())),
});
const GroupSchema = Type.Object({ group: Type.String(), columns: Type.Array(Type.Unknown()) });

const RowKindSchema = Type.Object({
  kind: Type.String(),
  label: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  level: Type.Optional(Type.Integer()),
});

const SideSchema = Type.Object({
  key: Type.String(),
  header: Type.String(),
  labelHeader: Type.String(),
  amountHeader: Type.String(),
  /** The side's own columns when it prints more than 项目 and one amount (合计 and each fund source). */
  columns: Type.Optional(Type.Array(Type.Union([LeafSchema, GroupSchema]))),
});

const AmountUnitSchema = Type.Union([Type.Literal("万元"), Type.Literal("元")]);

const TableSpecSchema = Type.Object({
  id: Type.String({ pattern: "^T\\d{2}$" }),
  number: Type.Integer(),
  title: Type.String(),
  /**
   * The printed titles, when they vary between documents of the layout (2026年部门财务收支预算总表,
   * 2026年预算单位财务收支预算总表): a regular expression over the title made comparable (NFKC, no spaces, “” as ").
   */
  titlePattern: Type.Optional(Type.String()),
  /** A table published in another unit than the rest of the document (Shanghai's 三公 table in 万元). */
  amountUnit: Type.Optional(AmountUnitSchema),
  unitLine: Type.Optional(Type.String()),
  shape: Type.Optional(Type.Union([Type.Literal("grid"), Type.Literal("balance")])),
  columnNumbers: Type.Optional(Type.Boolean()),
  /**
   * Names printed once in a merged cell left of the row labels, beside the lines of a group (一般公共预算资金 beside
   * its 小计 and items): each belongs to the nearest row of this kind at or above it, and is put before its label.
   */
  captionKind: Type.Optional(Type.String()),
  rowKinds: Type.Array(RowKindSchema),
  columns: Type.Optional(Type.Array(Type.Union([LeafSchema, GroupSchema]))),
  sides: Type.Optional(Type.Array(SideSchema)),
});

const RelationSchema = Type.Object({
  id: Type.String(),
  each: Type.Optional(Type.String()),
  assert: Type.String(),
});

const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  jurisdiction: Type.String(),
  year: Type.String(),
  amountUnit: AmountUnitSchema,
  decimals: Type.Integer(),
  unitLine: Type.String(),
  columnNumbers: Type.Boolean(),
  /**
   * The layout leaves a zero amount blank instead of printing 0.00, so a line of words alone, spaced like the rows
   * around it, is a row of its own rather than a wrapped part of the next row's label (Jiangsu 2019).
   */
  blankRows: Type.Optional(Type.Boolean()),
  /** 预算 (an approved budget, the default) or 决算 (final accounts): a department publishes one of each a year. */
  phase: Type.Optional(Type.Union([Type.Literal("预算"), Type.Literal("决算")])),
  /** How `--template auto` tells this layout from the others: titles that all occur in a document of it. */
  recognition: Type.Optional(Type.Object({ titles: Type.Array(Type.String()) })),
  tables: Type.Array(TableSpecSchema),
  relations: Type.Array(RelationSchema),
  narrative: Type.Object({
    sections: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
    subjects: Type.Record(Type.String(), Type.String()),
    keyProjects: Type.Optional(Type.String()),
    /** The same for a key project named with its unit, "专项工作经费（广州市人民政府办公厅）", where several units
     * each have a project of that name: `$name` is the project, `$unit` the unit. */
    keyProjectsInUnit: Type.Optional(Type.String()),
    identities: Type.Optional(Type.Array(Type.String())),
    /** The parts of Parts 1 and 2 the layout requires (duties, structure, policies, goals); all four if absent. */
    frontParts: Type.Optional(
      Type.Array(Type.Union(["duties", "structure", "policies", "goals"].map((p) => Type.Literal(p)))),
    ),
  }),
});

export type ColumnLeaf = Static<typeof LeafSchema>;
export interface ColumnGroup {
  group: string;
  columns: ColumnNode[];
}
export type ColumnNode = ColumnLeaf | ColumnGroup;
export type RowKindRule = Static<typeof RowKindSchema>;
export type Relation = Static<typeof RelationSchema>;
export type Side = Static<typeof SideSchema>;

/** A column as code uses it: a leaf of the header tree with its type settled. */
export interface Column extends ColumnLeaf {
  type: NonNullable<ColumnLeaf["type"]>;
}

export interface TableSpec extends Omit<Static<typeof TableSpecSchema>, "columns"> {
  shape: "grid" | "balance";
  columnNumbers: boolean;
  blankRows: boolean;
  columnTree: ColumnNode[];
  /** The leaf columns in printed order; for a balance table, the columns of either side. */
  columns: Column[];
  /** The row-kind rules with their patterns compiled. */
  kindRules: CompiledKindRule[];
  /** `titlePattern` compiled. */
  titleRegex?: RegExp;
}

export interface CompiledKindRule extends RowKindRule {
  labelPattern?: RegExp;
  codePattern?: RegExp;
}

export interface Template extends Omit<Static<typeof TemplateSchema>, "tables"> {
  tables: TableSpec[];
}

export class TemplateError extends Error {}

const checkTemplate = Compile(TemplateSchema);

export function isGroup(node: ColumnNode): node is ColumnGroup {
  return "group" in node;
}

export function leaves(nodes: ColumnNode[]): Column[] {
  return nodes.flatMap((n) => (isGroup(n) ? leaves(n.columns) : [{ ...n, type: n.type ?? "amount" }]));
}

const BALANCE_COLUMNS: ColumnNode[] = [
  { key: "label", header: "项目", type: "label" },
  { key: "amount", header: "预算数" },
];

function uniqueKeys(id: string, columns: Column[]): void {
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new TemplateError(`table ${id} declares column ${c.key} twice`);
    keys.add(c.key);
  }
}

function compileTable(
  raw: Static<typeof TableSpecSchema>,
  template: { columnNumbers: boolean; blankRows?: boolean },
): TableSpec {
  const shape = raw.shape ?? "grid";
  const columnTree = shape === "balance" ? BALANCE_COLUMNS : ((raw.columns ?? []) as ColumnNode[]);
  let columns = leaves(columnTree);
  if (shape === "grid" && columns.length === 0) throw new TemplateError(`table ${raw.id} declares no columns`);
  // Two sides, or more when one of them is printed split several ways (Jiangsu: expenditure by function and by use).
  if (shape === "balance" && (raw.sides ?? []).length < 2) throw new TemplateError(`table ${raw.id} needs 2 sides`);
  if (shape === "balance") {
    // A key both sides print is one column; the table's columns are those of either side.
    const sides = (raw.sides ?? []).map((s) => leaves((s.columns as ColumnNode[] | undefined) ?? BALANCE_COLUMNS));
    for (const side of sides) uniqueKeys(raw.id, side);
    columns = sides.flat().filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
  } else uniqueKeys(raw.id, columns);
  let titleRegex: RegExp | undefined;
  if (raw.titlePattern !== undefined) {
    try {
      titleRegex = new RegExp(raw.titlePattern);
    } catch {
      throw new TemplateError(`table ${raw.id}: titlePattern is not a regular expression`);
    }
  }
  return {
    ...raw,
    shape,
    columnNumbers: raw.columnNumbers ?? template.columnNumbers,
    blankRows: template.blankRows ?? false,
    columnTree,
    columns,
    titleRegex,
    kindRules: raw.rowKinds.map((r) => ({
      ...r,
      labelPattern: r.label === undefined ? undefined : new RegExp(r.label),
      codePattern: r.code === undefined ? undefined : new RegExp(r.code),
    })),
  };
}

function readYaml(path: string): unknown {
  return parse(readFileSync(path, "utf8"), { merge: true });
}

const cache = new Map<string, Template>();

/** Loads a template by id from data/templates, with its relations file. */
export function loadTemplate(id: string): Template {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(id)) throw new TemplateError(`"${id}" is not a template id`);
  const path = `${TEMPLATE_DIR}${id}.yaml`;
  if (!existsSync(path)) throw new TemplateError(`unknown template "${id}"`);
  const raw = readYaml(path) as Record<string, unknown>;
  const relationsPath = `${TEMPLATE_DIR}${id}.relations.yaml`;
  raw.relations = existsSync(relationsPath) ? (readYaml(relationsPath) as { relations: unknown }).relations : [];
  if (!checkTemplate.Check(raw)) {
    const [first] = checkTemplate.Errors(raw);
    throw new TemplateError(`template ${id}: ${first?.instancePath} ${first?.message}`);
  }
  const template: Template = { ...raw, tables: raw.tables.map((t) => compileTable(t, raw)) };
  cache.set(id, template);
  return template;
}

/** The columns one side of a balance table prints: its own, or 项目 and one amount. */
export function sideColumns(side: Side): Column[] {
  return leaves((side.columns as ColumnNode[] | undefined) ?? BALANCE_COLUMNS);
}

export function tableSpec(template: Template, id: string): TableSpec {
  const spec = template.tables.find((t) => t.id === id);
  if (!spec) throw new TemplateError(`template ${template.id} has no table ${id}`);
  return spec;
}
