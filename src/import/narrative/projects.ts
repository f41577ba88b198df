/**
 * The key projects' table of 重点项目预算绩效目标情况 (项目 | 预算数 | 绩效目标) and the terms of 名词解释.
 *
 * The projects' table has no rules between rows: the goal column is the tallest, and each goal opens with a
 * first-line indent, so goals are cut there; a project's name and amount are the ones printed beside its goal.
 * When the indents give fewer goals than amounts, every line goes to the amount printed nearest to it.
 */
import type { Section } from "../../model/document.ts";
import { parseScaled } from "../../money/amount.ts";
import type { TextItem } from "../pdf/extract.ts";
import type { Line } from "../pdf/lines.ts";
import { comparable } from "../text.ts";
import { cleanLine, splitOrdinal } from "./text.ts";

type KeyProject = NonNullable<Section["projects"]>[number];
type Term = NonNullable<Section["terms"]>[number];

const FIGURE = /^\d[\d,]*(?:\.\d+)?$/;

interface Piece {
  page: number;
  y: number;
  x0: number;
  text: string;
}

const isHeader = (line: Line) => /项目.*(?:预算|金额).*绩效目标/.test(comparable(line.text));

/** Where the table's lines are: from its header to the note under it (注：…), or to the block's end. */
export function projectTable(lines: Line[]): { before: Line[]; table: Line[]; after: Line[] } | undefined {
  const header = lines.findIndex(isHeader);
  if (header < 0) return undefined;
  let end = lines.findIndex((l, i) => i > header && /^注[:：]/.test(comparable(l.text)));
  if (end < 0) end = lines.length;
  return { before: lines.slice(0, header), table: lines.slice(header, end), after: lines.slice(end) };
}

const join = (pieces: Piece[]) => cleanLine(pieces.map((p) => p.text).join(""));
const below = (a: Piece, b: Piece) => a.page - b.page || b.y - a.y;

/** The projects, each with its amount in the document's decimals of 万元; a row without its amount is left out. */
export function readProjects(table: Line[], decimals: number): KeyProject[] {
  const header = table.find(isHeader);
  const amountHead = header?.items.find((i) => /预算|金额/.test(i.text));
  if (!header || !amountHead) return [];
  const amounts: Piece[] = [];
  const names: Piece[] = [];
  const goals: Piece[] = [];
  const piece = (line: Line, items: TextItem[]): Piece | undefined =>
    items.length > 0
      ? { page: line.page, y: line.y, x0: items[0]?.x0 ?? 0, text: items.map((i) => i.text).join("") }
      : undefined;
  const isAmount = (i: TextItem) =>
    FIGURE.test(i.text.trim()) && i.x0 >= amountHead.x0 - 10 && i.x1 <= amountHead.x1 + 10;
  // The table's header is printed again on each page it runs over.
  for (const line of table.filter((l) => !isHeader(l))) {
    const amount = line.items.find(isAmount);
    if (amount) amounts.push({ page: line.page, y: line.y, x0: amount.x0, text: amount.text.trim() });
    const rest = line.items.filter((i) => i !== amount);
    const name = piece(
      line,
      rest.filter((i) => i.x0 < amountHead.x0),
    );
    const goal = piece(
      line,
      rest.filter((i) => i.x0 >= amountHead.x0),
    );
    if (name) names.push(name);
    if (goal) goals.push(goal);
  }
  if (amounts.length === 0) return [];
  // Goals cut at their first-line indent.
  const left = Math.min(...goals.map((g) => g.x0));
  const cells: Piece[][] = [];
  for (const g of goals) {
    if (cells.length === 0 || g.x0 - left >= 2.5) cells.push([g]);
    else cells[cells.length - 1]?.push(g);
  }
  const distance = (a: Piece, p: Piece) => Math.abs(a.page - p.page) * 10000 + Math.abs(a.y - p.y);
  const closest = (anchors: Piece[], p: Piece) =>
    anchors.reduce((best, a, i) => (distance(a, p) < distance(anchors[best] as Piece, p) ? i : best), 0);
  type Row = { amounts: Piece[]; names: Piece[]; goals: Piece[] };
  let rows: Row[];
  if (cells.length >= amounts.length) {
    // One row per goal; an amount or a name belongs to the goal whose lines span its baseline, else the nearest.
    rows = cells.map((goals) => ({ amounts: [], names: [], goals }));
    const centres = cells.map((cell) => ({
      ...(cell[0] as Piece),
      y: ((cell[0]?.y ?? 0) + (cell.at(-1)?.y ?? 0)) / 2,
    }));
    const rowOf = (p: Piece) => {
      const i = cells.findIndex((cell) => {
        const ys = cell.filter((g) => g.page === p.page).map((g) => g.y);
        return ys.length > 0 && p.y <= Math.max(...ys) + 4 && p.y >= Math.min(...ys) - 4;
      });
      return i >= 0 ? i : closest(centres, p);
    };
    for (const a of amounts) rows[rowOf(a)]?.amounts.push(a);
    for (const n of names) rows[rowOf(n)]?.names.push(n);
  } else {
    rows = amounts.map((a) => ({ amounts: [a], names: [], goals: [] }));
    for (const g of goals) rows[closest(amounts, g)]?.goals.push(g);
    for (const n of names) rows[closest(amounts, n)]?.names.push(n);
  }
  const projects: KeyProject[] = [];
  for (const row of rows) {
    // A row whose amount is not there (or not a figure of the unit) is left out: a project needs its amount.
    const printed = row.amounts[0]?.text;
    if (printed === undefined) continue;
    let amount: number;
    try {
      amount = parseScaled(printed, decimals);
    } catch {
      continue;
    }
    projects.push({ name: join(row.names.sort(below)), amount, goal: join(row.goals.sort(below)) });
  }
  return projects;
}

/** The glossary's terms: each numbered paragraph is a term, the definition after its colon. */
export function readTerms(paragraphs: string[]): Term[] {
  const terms: Term[] = [];
  for (const paragraph of paragraphs) {
    const { ordinal, rest } = splitOrdinal(paragraph);
    const colon = rest.search(/[:：]/);
    const last = terms[terms.length - 1];
    if (ordinal && colon > 0)
      terms.push({ term: rest.slice(0, colon).trim(), definition: rest.slice(colon + 1).trim() });
    else if (last) last.definition += paragraph;
  }
  return terms;
}
