/**
 * Where some printed items stand, as recorded for marking findings: the box around them in the reading
 * orientation (from a little below the baseline to the top of the glyphs), turned back into PDF user space.
 */
import type { Position } from "../../model/document.ts";
import type { TextItem } from "./extract.ts";
import { userBox } from "./orientation.ts";

/** The box around items of one page; undefined for none. */
export function itemsBox(all: TextItem[]): Position | undefined {
  // A cell broken by the page is marked where most of it stands.
  const count = (page: number) => all.filter((i) => i.page === page).length;
  const page = all.reduce<number | undefined>(
    (best, i) => (best === undefined || count(i.page) > count(best) ? i.page : best),
    undefined,
  );
  const items = all.filter((i) => i.page === page);
  const [first] = items;
  if (!first) return undefined;
  const reading = {
    page: first.page,
    x0: Math.min(...items.map((i) => i.x0)),
    y0: Math.min(...items.map((i) => i.y - i.h * 0.2)),
    x1: Math.max(...items.map((i) => i.x1)),
    y1: Math.max(...items.map((i) => i.y + i.h * 0.85)),
  };
  return userBox(reading, first.toUser);
}
