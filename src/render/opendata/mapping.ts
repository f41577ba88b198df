/**
 * What a layout's amounts mean for open data is data, next to the template (data/templates/<id>.opendata.yaml):
 * each table's direction and the fund source or expenditure kind of its columns, balance-table sides and lines,
 * row kinds and economic codes. This module reads and checks that file; a layout without one has no mapping.
 */
import { existsSync, readFileSync } from "node:fs";
import Type, { type Static } from "typebox";
import { Compile } from "typebox/compile";
import { parse } from "yaml";
import { dataPath } from "../../paths.ts";
import { TemplateError } from "../../templates/template.ts";

const TEMPLATE_DIR = `${dataPath("templates")}/`;

const DimensionsSchema = Type.Object({
  direction: Type.Optional(Type.Union([Type.Literal("expenditure"), Type.Literal("revenue")])),
  fundSource: Type.Optional(Type.String()),
  expenditureKind: Type.Optional(Type.String()),
});

const ColumnSchema = Type.Intersect([
  DimensionsSchema,
  Type.Object({
    /** The column adds up other columns of its row. */
    total: Type.Optional(Type.Boolean()),
    /** A 其中 (of which) column: it restates other columns of its row. */
    memo: Type.Optional(Type.Boolean()),
  }),
]);

const SideSchema = Type.Intersect([
  DimensionsSchema,
  Type.Object({ functionCodes: Type.Optional(Type.Boolean({ description: "row codes are function classes" })) }),
]);

const TableSchema = Type.Intersect([
  DimensionsSchema,
  Type.Object({
    sides: Type.Optional(Type.Record(Type.String(), SideSchema)),
    columns: Type.Optional(Type.Record(Type.String(), ColumnSchema)),
    rowKinds: Type.Optional(Type.Record(Type.String(), DimensionsSchema)),
    rowLabels: Type.Optional(Type.Record(Type.String(), DimensionsSchema)),
    rowCodes: Type.Optional(Type.Record(Type.String(), DimensionsSchema)),
    projects: Type.Optional(Type.Object({ kinds: Type.Array(Type.String()), under: Type.Optional(Type.String()) })),
  }),
]);

const MappingSchema = Type.Object({
  template: Type.String(),
  totalKinds: Type.Array(Type.String()),
  tables: Type.Record(Type.String(), TableSchema),
});

export type Dimensions = Static<typeof DimensionsSchema>;
export type TableMapping = Static<typeof TableSchema>;
export type OpenDataMapping = Static<typeof MappingSchema>;

const checkMapping = Compile(MappingSchema);

/** The open-data mapping of a template, or undefined when the layout has none. */
export function loadOpenDataMapping(templateId: string): OpenDataMapping | undefined {
  const path = `${TEMPLATE_DIR}${templateId}.opendata.yaml`;
  if (!/^[a-z0-9-]+$/.test(templateId) || !existsSync(path)) return undefined;
  const raw: unknown = parse(readFileSync(path, "utf8"), { merge: true });
  if (!checkMapping.Check(raw)) {
    const [first] = checkMapping.Errors(raw);
    throw new TemplateError(`open-data mapping ${templateId}: ${first?.instancePath} ${first?.message}`);
  }
  if (raw.template !== templateId) throw new TemplateError(`${path} is for template ${raw.template}`);
  return raw;
}
