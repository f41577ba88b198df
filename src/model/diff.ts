/**
 * What a preparer changed between two versions of one department budget, for the reviewer: each changed field,
 * narrative text, table row and cell, located the way findings are (section, table, row key, column) and described
 * in Chinese and English (data/messages/diff.yaml). Amounts stay integers. Rows and keyed items are matched by their
 * stable key, never by position, so one inserted row does not make every row below it look changed.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { formatAmount } from "../money/amount.ts";
import { dataPath } from "../paths.ts";
import { fill, subjectName } from "../rules/messages.ts";
import { type ColumnNode, isGroup, loadTemplate, type TableSpec, type Template } from "../templates/template.ts";
import type { BudgetDocument, Cell, Fact, Indicator, Row, Section, Table } from "./document.ts";
import { normaliseLabel } from "./rows.ts";

export const CHANGE_KINDS = [
  "meta",
  "text",
  "value",
  "added",
  "removed",
  "table",
  "cell",
  "rowAdded",
  "rowRemoved",
  "tableAdded",
  "tableRemoved",
] as const;
/**
 * meta: a field of the document (department, title, units, contents); text / value: a narrative text or figure;
 * added / removed: a narrative item (duty, indicator, task, fact, section …); table: a table's own field (title, note …);
 * cell, rowAdded, rowRemoved, tableAdded, tableRemoved: the tables.
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeLocation {
  part: "meta" | "part1" | "part2" | "part3" | "table";
  /** A Part 3 section id. */
  section?: string;
  /** The field within the part or section, by keys where items have them: `facts/threePublicTotal/amount`. */
  path?: string;
  table?: string;
  /** The row key (src/model/rows.ts), and the row as a reader names it. */
  row?: string;
  label?: string;
  column?: string;
}

export type ChangeValue = string | number | null;

export interface DocumentChange {
  kind: ChangeKind;
  location: ChangeLocation;
  /** As stored: amounts are integers in the table's (or document's) smallest unit; absent when added or removed. */
  before?: ChangeValue;
  after?: ChangeValue;
  /** after − before, when both are amounts in the same unit. */
  difference?: number;
  /** For texts: the stretch around the first difference, as the messages quote it. */
  excerpt?: { before: string; after: string };
  message: string;
  messageEn: string;
}

type Bilingual = { zh: string; en: string };
interface Messages {
  sentences: Record<string, Bilingual>;
  places: Record<string, Bilingual>;
}
let messages: Messages | undefined;
const load = () => {
  messages ??= parse(readFileSync(dataPath("messages", "diff.yaml"), "utf8")) as Messages;
  return messages;
};

const word = (id: string, data: Record<string, string | number> = {}): Bilingual => {
  const w = load().places[id] ?? { zh: id, en: id };
  return { zh: fill(w.zh, data), en: fill(w.en, data) };
};
const literal = (text: string): Bilingual => ({ zh: text, en: text });
const named = (id: string, name: string): Bilingual => {
  const w = word(id);
  return { zh: `${w.zh}“${name}”`, en: `${w.en} "${name}"` };
};

function say(id: string, data: Record<string, string | Bilingual>): Bilingual {
  const s = load().sentences[id];
  if (!s) throw new Error(`no sentence ${id} in data/messages/diff.yaml`);
  const pick = (lang: "zh" | "en") =>
    Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : v[lang]]));
  return { zh: fill(s.zh, pick("zh")), en: fill(s.en, pick("en")) };
}

/** Where a change is, for the location and for the message: pieces read 第三部分 一、… 正文 / Part 3 › … › text. */
interface Place {
  location: ChangeLocation;
  pieces: Bilingual[];
}
const within = (place: Place, path: string, ...pieces: Bilingual[]): Place => ({
  location: { ...place.location, path: place.location.path ? `${place.location.path}/${path}` : path },
  pieces: [...place.pieces, ...pieces],
});
const placeText = (place: Place): Bilingual => ({
  zh: place.pieces.map((p) => p.zh).join(" "),
  en: place.pieces.map((p) => p.en).join(" › "),
});

const CONTEXT = 12;
const SHORT = 40;

/** The stretch of two texts around their first difference, with … where they were cut. */
export function excerpt(before: string, after: string, context = CONTEXT): { before: string; after: string } {
  const b = Array.from(before);
  const a = Array.from(after);
  let start = 0;
  while (start < b.length && start < a.length && b[start] === a[start]) start++;
  let end = 0;
  while (end < b.length - start && end < a.length - start && b[b.length - 1 - end] === a[a.length - 1 - end]) end++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, start - context);
    const to = Math.min(chars.length, Math.max(chars.length - end, start) + context, from + 2 * context + SHORT);
    return `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
  };
  return { before: cut(b), after: cut(a) };
}

/**
 * Pairs the items of two lists by key: matched items together, the others alone, in the later list's order with
 * each removed item where it stood. A key that repeats is told apart by its occurrence (`key#2`).
 */
export function alignByKey<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): [T | undefined, T | undefined][] {
  const keys = (items: readonly T[]) => {
    const seen = new Map<string, number>();
    return items.map((item) => {
      const key = keyOf(item);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return n > 1 ? `${key}#${n}` : key;
    });
  };
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const inAfter = new Set(afterKeys);
  const index = new Map(beforeKeys.map((k, i) => [k, i]));
  const pairs: [T | undefined, T | undefined][] = [];
  let next = 0;
  const flushTo = (end: number) => {
    for (; next < end; next++) if (!inAfter.has(beforeKeys[next] ?? "")) pairs.push([before[next], undefined]);
  };
  // Where the next matched item stood before: removed items ahead of it come before the items added there.
  const anchors: number[] = [];
  for (let j = afterKeys.length - 1; j >= 0; j--)
    anchors[j] = index.get(afterKeys[j] ?? "") ?? anchors[j + 1] ?? before.length;
  afterKeys.forEach((key, j) => {
    const i = index.get(key);
    if (i === undefined) {
      flushTo(anchors[j] ?? before.length);
      pairs.push([undefined, after[j]]);
      return;
    }
    flushTo(i);
    next = Math.max(next, i + 1);
    pairs.push([before[i], after[j]]);
  });
  flushTo(before.length);
  return pairs;
}

/** Lists whose items have no key (duties, policies): an item removed and one added in the same gap is an edit. */
function pairGaps<T>(pairs: [T | undefined, T | undefined][]): [T | undefined, T | undefined][] {
  const out: [T | undefined, T | undefined][] = [];
  let gap: [T | undefined, T | undefined][] = [];
  const flush = () => {
    const removed = gap.filter(([b]) => b !== undefined).map(([b]) => b);
    const added = gap.filter(([, a]) => a !== undefined).map(([, a]) => a);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) out.push([removed[i], added[i]]);
    gap = [];
  };
  for (const pair of pairs) {
    if (pair[0] !== undefined && pair[1] !== undefined) {
      flush();
      out.push(pair);
    } else gap.push(pair);
  }
  flush();
  return out;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");
/** A fact's or project's phrase quoted from its section text changes with that text: it is reported there. */
const quoted = (section: Section | undefined, text: string | undefined) =>
  text !== undefined && section !== undefined && squeeze(section.text).includes(squeeze(text));

class Collector {
  readonly changes: DocumentChange[] = [];

  add(kind: ChangeKind, place: Place, message: Bilingual, extra: Partial<DocumentChange> = {}): void {
    this.changes.push({ kind, location: place.location, ...extra, message: message.zh, messageEn: message.en });
  }

  /** A text field: added, removed, or changed with the stretch around its first difference. */
  text(kind: ChangeKind, place: Place, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    const where = placeText(place);
    if (before === undefined || after === undefined) {
      const value = excerpt("", before ?? after ?? "", 0).after;
      const way = before === undefined ? "added" : "removed";
      const own = kind === "text" ? way : kind;
      this.add(own, place, say(way, { place: where, value }), before === undefined ? { after } : { before });
      return;
    }
    const long = Array.from(before).length > SHORT || Array.from(after).length > SHORT;
    const shown = kind === "text" || long ? excerpt(before, after) : { before, after };
    const sentence = kind === "text" || long ? "textChanged" : "changed";
    this.add(kind, place, say(sentence, { place: where, ...shown }), {
      before,
      after,
      ...(shown.before === before && shown.after === after ? {} : { excerpt: shown }),
    });
  }

  /** A figure or setting, shown as the document prints it. */
  value<V extends string | number>(
    kind: ChangeKind,
    place: Place,
    before: V | undefined,
    after: V | undefined,
    show: (v: V) => string = String,
  ): void {
    if (before === after) return;
    const text = (v: V | undefined) => (v === undefined ? word("blank") : literal(show(v)));
    // Only narrative figures are amounts; a change of year or of decimals has no meaningful difference.
    const amounts = kind === "value" && typeof before === "number" && typeof after === "number";
    const difference = amounts ? after - before : undefined;
    this.add(kind, place, say("changed", { place: placeText(place), before: text(before), after: text(after) }), {
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
      ...(difference === undefined ? {} : { difference }),
    });
  }

  /** A list of plain texts (duties, policies, contents), each item numbered as printed. */
  texts(kind: ChangeKind, place: Place, before: readonly string[], after: readonly string[]): void {
    const number = (list: readonly string[], item: string | undefined) => list.indexOf(item ?? "");
    for (const [b, a] of pairGaps(alignByKey(before, after, (t) => t))) {
      const n = a !== undefined ? number(after, a) : number(before, b);
      this.text(kind, within(place, String(n), word("item", { n: n + 1 })), b, a);
    }
  }

  /** Keyed items (units, facts, indicators …): each added, removed, or compared field by field. */
  items<T>(
    kind: ChangeKind,
    place: Place,
    lists: [readonly T[], readonly T[]],
    keyOf: (item: T) => string,
    piece: (item: T) => Bilingual,
    summary: (item: T) => string,
    fields: (place: Place, before: T, after: T) => void,
  ): void {
    for (const [b, a] of alignByKey(lists[0], lists[1], keyOf)) {
      const item = (a ?? b) as T;
      const at = within(place, keyOf(item), piece(item));
      if (b !== undefined && a !== undefined) fields(at, b, a);
      else {
        const way = b === undefined ? "added" : "removed";
        const value = excerpt("", summary(item), 0).after;
        this.add(kind === "text" ? way : kind, at, say(way, { place: placeText(at), value }));
      }
    }
  }
}

const root = (part: ChangeLocation["part"], ...pieces: Bilingual[]): Place => ({ location: { part }, pieces });

function meta(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  const place = root("meta");
  for (const field of ["schemaVersion", "template", "year", "department", "title", "amountUnit", "decimals"] as const)
    c.value("meta", within(place, field, word(field)), before[field], after[field]);
  c.items(
    "meta",
    within(place, "units"),
    [before.units, after.units],
    (u) => u.code,
    (u) => ({ zh: `${word("unit").zh} ${u.code}`, en: `${word("unit").en} ${u.code}` }),
    (u) => `${u.code} ${u.name}`,
    (at, b, a) => {
      c.text("meta", within(at, "name", word("name")), b.name, a.name);
      c.value("meta", within(at, "type", word("type")), b.type, a.type);
    },
  );
  c.texts("meta", within(place, "contents", word("contents")), before.contents, after.contents);
}

function indicators(c: Collector, place: Place, before: Indicator[], after: Indicator[]): void {
  c.items(
    "text",
    place,
    [before, after],
    (i) => i.name,
    (i) => named("indicator", i.name),
    (i) => `${i.name}：${i.target}`,
    (at, b, a) => c.text("text", within(at, "target", word("target")), b.target, a.target),
  );
}

function parts12(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  const part1 = root("part1", word("part1"));
  c.texts("text", within(part1, "duties", word("duties")), before.part1.duties, after.part1.duties);
  c.text("text", within(part1, "structure", word("structure")), before.part1.structure, after.part1.structure);
  const part2 = root("part2", word("part2"));
  const [b, a] = [before.part2, after.part2];
  c.texts("text", within(part2, "policies", word("policies")), b.policies, a.policies);
  const goal = within(part2, "departmentGoal", word("departmentGoal"));
  for (const field of ["annualGoal", "overallGoal", "budgetCompletion"] as const)
    c.text("text", within(goal, field, word(field)), b.departmentGoal[field], a.departmentGoal[field]);
  indicators(c, within(goal, "indicators"), b.departmentGoal.indicators, a.departmentGoal.indicators);
  c.items(
    "text",
    within(part2, "tasks"),
    [b.tasks, a.tasks],
    (t) => t.name,
    (t) => named("task", t.name),
    (t) => t.name,
    (at, bt, at2) => {
      c.text("text", within(at, "goal", word("goal")), bt.goal, at2.goal);
      indicators(c, within(at, "indicators"), bt.indicators, at2.indicators);
    },
  );
}

const FACT_TEXTS = [
  ["text", "text"],
  ["changeDirection", "changeDirection"],
  ["percentDirection", "percentDirection"],
  ["quantity", "quantity"],
  ["unit", "measureUnit"],
  ["reason", "reason"],
] as const;

function section(c: Collector, place: Place, before: Section, after: Section, doc: BudgetDocument): void {
  const amount = (v: number) => formatAmount(v, { decimals: doc.decimals });
  c.text("text", within(place, "title", word("title")), before.title, after.title);
  c.text("text", within(place, "text", word("text")), before.text, after.text);
  // A phrase quoted from the section text is reported with the text, unless only the quoting changed.
  const ownText = (b: string | undefined, a: string | undefined) =>
    before.text === after.text || !quoted(before, b) || !quoted(after, a);
  c.items(
    "text",
    within(place, "facts"),
    [before.facts, after.facts],
    (f) => f.subject,
    (f) => subjectName(f.subject),
    (f) => f.text,
    (at, b: Fact, a: Fact) => {
      for (const [field, id] of FACT_TEXTS)
        if (ownText(b[field], a[field])) c.text("text", within(at, field, word(id)), b[field], a[field]);
      c.value("value", within(at, "amount", word("amount")), b.amount, a.amount, amount);
      c.value("value", within(at, "changeAmount", word("changeAmount")), b.changeAmount, a.changeAmount, amount);
      const percent = (v: number) => `${formatAmount(v, { decimals: 2, thousands: false })}%`;
      c.value("value", within(at, "changePercent", word("changePercent")), b.changePercent, a.changePercent, percent);
      const decimals = within(at, "percentDecimals", word("percentDecimals"));
      c.value("value", decimals, b.percentDecimals, a.percentDecimals);
    },
  );
  c.items(
    "text",
    within(place, "projects"),
    [before.projects ?? [], after.projects ?? []],
    (p) => p.name,
    (p) => named("project", p.name),
    (p) => p.name,
    (at, b, a) => {
      c.value("value", within(at, "amount", word("amount")), b.amount, a.amount, amount);
      if (ownText(b.goal, a.goal)) c.text("text", within(at, "goal", word("goal")), b.goal, a.goal);
    },
  );
  c.items(
    "text",
    within(place, "terms"),
    [before.terms ?? [], after.terms ?? []],
    (t) => t.term,
    (t) => named("term", t.term),
    (t) => t.term,
    (at, b, a) => {
      if (ownText(b.definition, a.definition))
        c.text("text", within(at, "definition", word("definition")), b.definition, a.definition);
    },
  );
}

function part3(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  for (const [b, a] of alignByKey(before.part3, after.part3, (s) => s.id)) {
    const s = (a ?? b) as Section;
    const place: Place = { location: { part: "part3", section: s.id }, pieces: [word("part3"), literal(s.title)] };
    if (b && a) section(c, place, b, a, after);
    else {
      const way = b === undefined ? "added" : "removed";
      c.add(way, place, say(way, { place: placeText(place), value: excerpt("", s.text, 0).after }));
    }
  }
}

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

function tables(c: Collector, before: BudgetDocument, after: BudgetDocument, template: Template | undefined): void {
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

function templateOf(doc: BudgetDocument): Template | undefined {
  try {
    return loadTemplate(doc.template);
  } catch {
    // An unknown layout still diffs; its tables keep the documents' order and columns are named by key.
    return undefined;
  }
}

/** Every change from `before` to `after`: the document's fields, Parts 1–3, then the tables in template order. */
export function diffDocuments(before: BudgetDocument, after: BudgetDocument): DocumentChange[] {
  const c = new Collector();
  meta(c, before, after);
  parts12(c, before, after);
  part3(c, before, after);
  tables(c, before, after, templateOf(after) ?? templateOf(before));
  return c.changes;
}

/** How many changes of each kind, every kind listed. */
export function summarizeChanges(changes: readonly DocumentChange[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const change of changes) counts[change.kind]++;
  return counts;
}
