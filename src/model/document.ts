/**
 * BudgetDocument: a department budget disclosure exactly as published. Tables hold every printed row and cell,
 * wrong totals included, so that a document which does not add up can be represented and audited.
 * One TypeBox schema gives the TypeScript types, the runtime check and the published JSON Schema.
 */
import Type, { type Static } from "typebox";

export const SCHEMA_VERSION = "1";

const Text = Type.String();
/** An integer count of the document's smallest unit (0.01 万元 for a table in 万元 with two decimals). */
export const AmountSchema = Type.Integer({ description: "amount in 10^-decimals of the document's amount unit" });

export const UnitSchema = Type.Object({
  code: Type.String({ pattern: "^\\d{6}$" }),
  name: Text,
  type: Type.Union([Type.Literal("机关"), Type.Literal("事业单位"), Type.Literal("其他")]),
});

export const IndicatorSchema = Type.Object({
  name: Text,
  target: Text,
});

export const TaskSchema = Type.Object({
  name: Text,
  goal: Text,
  indicators: Type.Array(IndicatorSchema),
});

export const FactSchema = Type.Object({
  subject: Text,
  text: Text,
  amount: Type.Optional(AmountSchema),
  quantity: Type.Optional(Type.String({ description: "a non-money figure as printed, with `unit`" })),
  unit: Type.Optional(Text),
  changeDirection: Type.Optional(Text),
  changeAmount: Type.Optional(AmountSchema),
  percentDirection: Type.Optional(Text),
  changePercent: Type.Optional(Type.Integer({ description: "hundredths of a percent" })),
  /** How many decimals the percentage was printed with (7.8% → 1), when fewer than two: its rounding is coarser. */
  percentDecimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
  reason: Type.Optional(Text),
});

export const KeyProjectSchema = Type.Object({ name: Text, amount: AmountSchema, goal: Text });
export const TermSchema = Type.Object({ term: Text, definition: Text });

export const SectionSchema = Type.Object({
  id: Text,
  title: Text,
  text: Text,
  facts: Type.Array(FactSchema),
  projects: Type.Optional(Type.Array(KeyProjectSchema)),
  terms: Type.Optional(Type.Array(TermSchema)),
});

/** A cell: an amount (integer), a text, or null when printed blank. */
export const CellSchema = Type.Union([AmountSchema, Text, Type.Null()]);

export const RowSchema = Type.Object({
  key: Type.String({ description: "stable within the table; what diagnostics and views point at" }),
  kind: Type.String({ description: "inferred from the template's rowKinds" }),
  side: Type.Optional(Type.String({ description: "income or expenditure, for balance tables" })),
  code: Type.Optional(Type.String({ description: "function, economic or unit code" })),
  label: Text,
  cells: Type.Record(Type.String(), CellSchema),
  /** Where an imported row's cells were printed (page, and box in PDF points), so findings can be marked there. */
  positions: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Object({ page: Type.Integer(), x0: Type.Number(), y0: Type.Number(), x1: Type.Number(), y1: Type.Number() }),
    ),
  ),
});

export const TableSchema = Type.Object({
  id: Text,
  title: Text,
  unitLine: Type.Optional(Text),
  /** Only for a table published in another unit than the document (Shanghai's 三公 table in 万元 among 元). */
  amountUnit: Type.Optional(Type.Union([Type.Literal("万元"), Type.Literal("元")])),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })),
  department: Type.Optional(Text),
  note: Type.Optional(Text),
  emptyStatement: Type.Optional(Text),
  rows: Type.Array(RowSchema),
});

export const BudgetDocumentSchema = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    template: Text,
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    department: Text,
    title: Text,
    amountUnit: Type.Union([Type.Literal("万元"), Type.Literal("元")]),
    decimals: Type.Integer({ minimum: 0, maximum: 4 }),
    units: Type.Array(UnitSchema),
    contents: Type.Array(Text),
    part1: Type.Object({ duties: Type.Array(Text), structure: Text }),
    part2: Type.Object({
      policies: Type.Array(Text),
      departmentGoal: Type.Object({
        annualGoal: Type.Optional(Text),
        overallGoal: Type.Optional(Text),
        indicators: Type.Array(IndicatorSchema),
        budgetCompletion: Type.Optional(Text),
      }),
      tasks: Type.Array(TaskSchema),
    }),
    part3: Type.Array(SectionSchema),
    tables: Type.Array(TableSchema),
  },
  { $id: "https://yusuan.dev/schema/budget-document-1.json", title: "BudgetDocument" },
);

export type Unit = Static<typeof UnitSchema>;
export type Indicator = Static<typeof IndicatorSchema>;
export type Task = Static<typeof TaskSchema>;
export type Fact = Static<typeof FactSchema>;
export type Section = Static<typeof SectionSchema>;
export type Cell = Static<typeof CellSchema>;
export type Row = Static<typeof RowSchema>;
export type Position = NonNullable<Row["positions"]>[string];
export type Table = Static<typeof TableSchema>;
export type BudgetDocument = Static<typeof BudgetDocumentSchema>;
