/**
 * Worksheet names: Excel allows 31 characters, none of []:*?/\, and this workbook also avoids the apostrophe, which
 * would have to be doubled wherever the name is quoted (print titles, formulas).
 */
import type { TableGrid } from "../grid.ts";

export const NARRATIVE_SHEET = "说明";
const MAX = 31;

const clean = (text: string) =>
  text
    .replace(/[[\]:*?/\\']+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "表1 收支总体情况表"; a long title first loses its parenthesised qualifier, then its end. */
function tableSheetName(grid: TableGrid): string {
  const prefix = `表${grid.number} `;
  const full = clean(grid.title);
  const short = full.length + prefix.length > MAX ? clean(full.replace(/[(（][^()（）]*[)）]\s*$/, "")) : full;
  return (prefix + short).slice(0, MAX).trim();
}

/** One distinct name per table, after the narrative sheet's; a repeated name gets a numbered suffix. */
export function tableSheetNames(grids: TableGrid[]): string[] {
  const used = new Set([NARRATIVE_SHEET.toLowerCase()]);
  return grids.map((grid) => {
    const base = tableSheetName(grid);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX - String(n).length - 1)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
