/**
 * Part 1 (主要职责 as numbered items, 机构设置 as text) and Part 2 (policies; the department's goal as text), from
 * the blocks their headings open.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { Block, Body, FrontKind } from "./sections.ts";
import { paragraphs } from "./text.ts";

const CN = "一二三四五六七八九十百";

/** The three ways an item is numbered; an item starts a paragraph or follows a sentence's end. */
const MARKERS = [
  new RegExp(`(?<=^|[\\n。；;])[(（][${CN}]+[)）]`, "g"),
  new RegExp(`(?<=^|[\\n。；;])[${CN}]+[、.．]`, "g"),
  /(?<=^|[\n。；;])\d{1,2}(?:[、．]|\.(?!\d))/g,
];

/**
 * The numbered items of a text, split at the numbering style it uses most (（一） or 一、 or 1.); what precedes the
 * first item (a preamble such as 主要职责是：) is left out, and an item printed twice is kept once.
 */
export function numberedItems(text: string): string[] {
  let best: number[] = [];
  for (const marker of MARKERS) {
    const starts = [...text.matchAll(marker)].map((m) => m.index ?? 0);
    if (starts.length > best.length || (starts.length === best.length && (starts[0] ?? 0) < (best[0] ?? 0))) {
      best = starts;
    }
  }
  if (best.length === 0) return text.trim() ? [text.replace(/\n/g, "").trim()] : [];
  const items = best.map((start, i) =>
    text
      .slice(start, best[i + 1])
      .replace(/\n/g, "")
      .trim(),
  );
  return [...new Set(items.filter((i) => i !== ""))];
}

const blockText = (block: Block) => paragraphs(block.lines).join("\n\n");

function blocksOf(body: Body, kind: FrontKind): Block[] {
  return body.front.filter((f) => f.kind === kind).map((f) => f.block);
}

export function readPart1(body: Body): BudgetDocument["part1"] {
  const duties = blocksOf(body, "duties").flatMap((b) => numberedItems(paragraphs(b.lines).join("\n")));
  // 机构设置, then what the layout adds on the units (部门预算构成), under its own heading.
  const structure = blocksOf(body, "structure")
    .map((b, i) => (i === 0 ? blockText(b) : `${b.heading}\n${blockText(b)}`))
    .filter((t) => t.trim() !== "")
    .join("\n\n");
  return { duties, structure };
}

export function readPart2(body: Body): BudgetDocument["part2"] {
  const policies = blocksOf(body, "policies").flatMap((b) => numberedItems(paragraphs(b.lines).join("\n")));
  const goal = blocksOf(body, "goals").map(blockText).join("\n\n");
  return { policies, departmentGoal: goal ? { annualGoal: goal, indicators: [] } : { indicators: [] }, tasks: [] };
}
