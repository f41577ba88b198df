/**
 * Group names printed once in a merged cell left of the row labels (收入预算总表: 一般公共预算资金 beside its 小计
 * and items, centred on them, so on an item's line or between lines): taken out of the rows they were printed
 * beside, and put before the label of the row that opens the group — the nearest row of the table's `captionKind`
 * at or above the name.
 */
import { inferKind } from "../../model/rows.ts";
import type { TableSpec } from "../../templates/template.ts";
import type { ReadCells } from "./cells.ts";
import type { TextItem } from "./extract.ts";
import type { Line } from "./lines.ts";
import { isCode } from "./words.ts";

/** The left edge most labels start at: left-aligned labels share it, centred group names do not. */
function labelEdge(texts: TextItem[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of texts) counts.set(Math.round(t.x0), (counts.get(Math.round(t.x0)) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/** Removes the group names from each row's words and returns them. */
export function takeCaptions(rowTexts: TextItem[][]): TextItem[] {
  const edge = labelEdge(rowTexts.flat().filter((t) => !isCode(t.text)));
  if (edge === undefined) return [];
  const captions: TextItem[] = [];
  rowTexts.forEach((texts, i) => {
    const [own, names] = [texts.filter((t) => t.x1 >= edge - 1), texts.filter((t) => t.x1 < edge - 1)];
    rowTexts[i] = own;
    captions.push(...names.filter((t) => !isCode(t.text)));
  });
  return captions;
}

export function placeCaptions(spec: TableSpec, rows: ReadCells[], lines: Line[], captions: TextItem[]): void {
  const label = spec.columns.find((c) => c.type === "label");
  if (!label || !spec.captionKind) return;
  const code = spec.columns.find((c) => c.type === "code");
  const opens = rows.map(
    (r) => inferKind(spec, r.cells[label.key] ?? "", code ? r.cells[code.key] : "").kind === spec.captionKind,
  );
  const names = new Map<number, TextItem[]>();
  for (const caption of captions) {
    let at: number | undefined;
    lines.forEach((line, i) => {
      const above = line.page === caption.page && line.y >= caption.y - caption.h * 0.5;
      if (opens[i] && above && (at === undefined || line.y < (lines[at] as Line).y)) at = i;
    });
    if (at !== undefined) names.set(at, [...(names.get(at) ?? []), caption]);
  }
  for (const [i, items] of names) {
    const row = rows[i] as ReadCells;
    const name = items
      .sort((a, b) => b.y - a.y)
      .map((t) => t.text.trim())
      .join("");
    row.cells[label.key] = `${name}${row.cells[label.key] ?? ""}`;
  }
}
