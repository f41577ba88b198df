/**
 * Where the columns of figures stand when the header cannot say: numbers are right-aligned, so the right edges of
 * the figures of all body lines cluster into one position per amount column.
 */
import type { TextItem } from "./extract.ts";

export interface Anchor {
  right: number;
  left: number;
}

/**
 * Right edges within a fraction of the font size of each other are one column (edges estimated for a figure that
 * shared its text run with words are a few points off).
 */
export function clusterAnchors(items: TextItem[]): Anchor[] {
  const sorted = [...items].sort((a, b) => a.x1 - b.x1);
  const anchors: { rights: number[]; left: number }[] = [];
  for (const item of sorted) {
    const last = anchors[anchors.length - 1];
    if (last && item.x1 - (last.rights[last.rights.length - 1] ?? 0) <= Math.max(4, item.h * 0.8)) {
      last.rights.push(item.x1);
      last.left = Math.min(last.left, item.x0);
    } else anchors.push({ rights: [item.x1], left: item.x0 });
  }
  return anchors.map((a) => ({ right: a.rights[Math.floor(a.rights.length / 2)] ?? 0, left: a.left }));
}

export function nearest(anchors: Anchor[], x: number): number {
  let best = 0;
  anchors.forEach((a, i) => {
    if (Math.abs(a.right - x) < Math.abs((anchors[best]?.right ?? 0) - x)) best = i;
  });
  return best;
}
