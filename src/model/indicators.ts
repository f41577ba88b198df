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

/** The text inside the first balanced pair of brackets, and what follows it. */
function bracketed(text: string): { inside: string; after: string } | undefined {
  const open = text.search(/[(（]/);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] ?? "";
    if ("(（".includes(ch)) depth++;
    else if (")）".includes(ch) && --depth === 0) return { inside: text.slice(open + 1, i), after: text.slice(i + 1) };
  }
  return undefined;
}

/** `1.产出数量:(琶洲分中心年度服务人次)20000` → name 琶洲分中心年度服务人次, target 20000. */
export function projectIndicators(cell: string): { name: string; target: string }[] {
  return cell
    .split(/(?:^|\n|\s)(?=\d{1,2}\s*[.、．,，]\s*\D)/)
    .map((line) => line.replace(/^\d{1,2}\s*[.、．,，]\s*/, "").trim())
    .flatMap((line) => {
      const colon = line.search(/[:：]/);
      const b = bracketed(colon >= 0 ? line.slice(colon + 1) : line);
      return b ? [{ name: b.inside.trim(), target: b.after.trim() }] : [];
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
    location: { section: "part2", text: `${indicatorName(i.name)} ${i.target}` },
    source: "部门整体支出绩效目标",
  }));
  for (const task of doc.part2.tasks) {
    for (const i of task.indicators) {
      out.push({
        name: i.name,
        target: i.target,
        location: { section: "part2", text: `${i.name} ${i.target}` },
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
