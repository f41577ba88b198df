/**
 * Every performance indicator a document states, wherever it is written: the department goal and the tasks of
 * Part 2, and the 项目主要绩效指标 cell of each project, whose numbered lines read "2.产出数量:(指标名)目标".
 */
import type { Location } from "../rules/diagnostic.ts";
import type { BudgetDocument } from "./document.ts";

export interface StatedIndicator {
  name: string;
  target: string;
  /** Where it is written, as a diagnostic location. */
  location: Location;
  /** Who states it, for messages: 部门整体绩效目标, a task name, or a project name. */
  source: string;
}

/** The end of the bracketed text that opens at `open`, or -1 when it is never closed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (/[(（]/.test(text[i] ?? "")) depth++;
    else if (/[)）]/.test(text[i] ?? "") && --depth === 0) return i;
  }
  return -1;
}

/** An item opens with an optional number and a category, then the indicator in brackets: "3.产出数量:(". */
const ITEM = /(?:(?<!\d)\d{1,2}\s*[.、．]\s*)?\p{Script=Han}{2,8}\s*[:：]\s*(?=[(（])/gu;

/**
 * `1.产出数量:(琶洲分中心年度服务人次)20000` → name 琶洲分中心年度服务人次, target 20000; an item whose bracket
 * never closes is left out.
 */
export function projectIndicators(cell: string): { name: string; target: string }[] {
  return cell.split("\n").flatMap((line) => {
    const starts = [...line.matchAll(ITEM)].map((m) => ({ at: m.index, open: m.index + m[0].length }));
    return starts.flatMap(({ open }, i) => {
      const end = starts[i + 1]?.at ?? line.length;
      const close = closing(line, open);
      if (close < 0 || close >= end) return [];
      const target = line
        .slice(close + 1, end)
        .trim()
        .replace(/[。;；,，]$/, "");
      return [{ name: line.slice(open + 1, close).trim(), target }];
    });
  });
}

/** A long description that ends in the indicator ("…在审批过程中…。市区街道企业服务数据互联互通率"): its last clause. */
function indicatorName(name: string): string {
  const clauses = name.split(/[。；;]/).filter((c) => c.trim() !== "");
  return (clauses[clauses.length - 1] ?? name).trim();
}

export function statedIndicators(doc: BudgetDocument): StatedIndicator[] {
  const goal = doc.part2.departmentGoal;
  const out: StatedIndicator[] = goal.indicators.map((i) => ({
    name: indicatorName(i.name),
    target: i.target,
    location: { section: "part2", text: i.target },
    source: "部门整体支出绩效目标",
  }));
  for (const task of doc.part2.tasks) {
    for (const i of task.indicators) {
      out.push({
        name: i.name,
        target: i.target,
        location: { section: "part2", text: i.target },
        source: task.name,
      });
    }
  }
  for (const table of doc.tables) {
    for (const row of table.rows) {
      const cell = row.cells.indicators;
      if (typeof cell !== "string" || row.kind !== "project") continue;
      for (const i of projectIndicators(cell)) {
        out.push({ ...i, location: { table: table.id, row: row.key, column: "indicators" }, source: row.label });
      }
    }
  }
  return out;
}
