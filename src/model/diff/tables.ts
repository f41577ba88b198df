/**
 * The changes in the tables, in the template's table order: a table added or removed, a table's own fields (title,
 * note, unit …), rows added or removed (matched by row key), and each changed cell named by its row and its column
 * header as printed. A cell's difference is given only when both versions count the table in the same unit.
 */
import { formatAmount } from "../../money/amount.ts";
import { type ColumnNode, isGroup, type TableSpec, type Template } from "../../templates/template.ts";
import type { BudgetDocument, Cell, Row, Table } from "../document.ts";
import { normaliseLabel } from "../rows.ts";
import { alignByKey, excerpt, SHORT } from "./align.ts";
import { type Collector, type Place, within } from "./collector.ts";
import { type Bilingual, literal, say, word } from "./messages.ts";

/** Each column's header as printed, with its groups (本年收入·财政拨款·小计), by column key. */
function headers(nodes: ColumnNode[], year: number, prefix: string[] = [], out = new Map<string, string>()) {
  for (const node of nodes) {
    if (isGroup(node)) headers(node.columns, year, [...prefix, node.group], out);
    else out.set(node.key, [...prefix, node.header].join("·").replace("{year}", String(year)));
  }
  return out;
}

/** A row's columns in printed order, with their headers; a balance table's row has its side's. */
function columnsOf(spec: TableSpec | undefined, row: Row, year: number): Map<string, string> {
  if (!spec) return new Map();
  if (spec.shape !== "balance") return headers(spec.columnTree, year);
  const side = spec.sides?.find((s) => s.key === row.side);
  if (!side) return new Map();
  if (side.columns) return headers(side.columns as ColumnNode[], year);
  return new Map([
    ["label", side.labelHeader],
    ["amount", side.amountHeader.replace("{year}", String(year))],
  ]);
}

/** A row as a reader names it: 2010301 行政运行, 550001/人员支出(统发), 收入 七、上年预结转. */
function rowName(spec: TableSpec | undefined, row: Row): string {
  const label = row.label.trim();
  const side = spec?.sides?.find((s) => s.key === row.side);
  if (side) return `${side.header} ${label}`;
  if (row.code && row.key === row.code) return `${row.code} ${label}`;
  if (row.key.endsWith(normaliseLabel(label))) return row.key;
  return `${row.key} ${label}`;
}

export function tables(
  c: Collector,
  before: BudgetDocument,
  after: BudgetDocument,
  template: Template | undefined,
): void {
  const order = new Map((template?.tables ?? []).map((t, i) => [t.id, i]));
  const rank = (t: Table) => order.get(t.id) ?? order.size;
  const pairs = alignByKey(before.tables, after.tables, (t) => t.id)
    .map((pair, i) => ({ pair, i }))
    .sort((x, y) => rank((x.pair[1] ?? x.pair[0]) as Table) - rank((y.pair[1] ?? y.pair[0]) as Table) || x.i - y.i);
  for (const { pair } of pairs) {
    const [b, a] = pair;
    const t = (a ?? b) as Table;
    const place: Place = { location: { part: "table", table: t.id }, pieces: [literal(t.id)] };
    if (b && a)
      table(
        c,
        place,
        [before, b],
        [after, a],
        template?.tables.find((s) => s.id === t.id),
      );
    else {
      const way = b === undefined ? "tableAdded" : "tableRemoved";
      c.add(way, place, say(way, { table: t.id, title: t.title }));
    }
  }
}

type Side = [BudgetDocument, Table];

function table(c: Collector, place: Place, [bd, b]: Side, [ad, a]: Side, spec: TableSpec | undefined): void {
  for (const field of ["title", "unitLine", "department", "note", "emptyStatement"] as const)
    c.text("table", within(place, field, word(field)), b[field], a[field]);
  c.value("table", within(place, "amountUnit", word("amountUnit")), b.amountUnit, a.amountUnit);
  c.value("table", within(place, "decimals", word("decimals")), b.decimals, a.decimals);
  const decimals = [b.decimals ?? bd.decimals, a.decimals ?? ad.decimals] as const;
  const sameUnit = decimals[0] === decimals[1] && (b.amountUnit ?? bd.amountUnit) === (a.amountUnit ?? ad.amountUnit);
  const show = (cell: Cell | undefined, d: number): Bilingual =>
    cell === null || cell === undefined
      ? word("blank")
      : literal(typeof cell === "number" ? formatAmount(cell, { decimals: d }) : cell);
  for (const [br, ar] of alignByKey(b.rows, a.rows, (r) => r.key)) {
    const row = (ar ?? br) as Row;
    const columns = columnsOf(spec, row, ad.year);
    const name = rowName(spec, row);
    const location = { ...place.location, row: row.key, label: name };
    if (!br || !ar) {
      const way = br === undefined ? "rowAdded" : "rowRemoved";
      const main = [...columns.keys()].find((k) => typeof row.cells[k] === "number");
      const d = decimals[br === undefined ? 1 : 0];
      const amount = main === undefined ? literal("") : show(row.cells[main], d);
      const shown =
        main === undefined ? amount : { zh: ` · ${columns.get(main)} ${amount.zh}`, en: ` · ${main} ${amount.en}` };
      c.add(way, { location, pieces: [] }, say(way, { table: a.id, row: name, amount: shown }));
      continue;
    }
    const keys = [...new Set([...columns.keys(), ...Object.keys(ar.cells), ...Object.keys(br.cells)])];
    for (const key of keys) {
      const [x, y] = [br.cells[key], ar.cells[key]];
      if ((x ?? null) === (y ?? null)) continue;
      const long = typeof x === "string" && typeof y === "string" && (x.length > SHORT || y.length > SHORT);
      const cut = long ? excerpt(x, y) : undefined;
      const column = { zh: columns.get(key) ?? key, en: key };
      const message = say("cellChanged", {
        table: a.id,
        row: name,
        column,
        before: cut ? literal(`“${cut.before}”`) : show(x, decimals[0]),
        after: cut ? literal(`“${cut.after}”`) : show(y, decimals[1]),
      });
      const difference = typeof x === "number" && typeof y === "number" && sameUnit ? { difference: y - x } : {};
      c.add("cell", { location: { ...location, column: key }, pieces: [] }, message, {
        before: x ?? null,
        after: y ?? null,
        ...difference,
        ...(cut ? { excerpt: cut } : {}),
      });
    }
  }
}
