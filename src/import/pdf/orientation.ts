/**
 * A page with /Rotate is read as it is displayed: lines and columns are found in the reading orientation (y up,
 * text left to right), while the boxes recorded for marking findings stay in PDF user space, where annotations
 * are drawn. An unrotated page's reading orientation is its user space itself, so nothing changes for it.
 */
import type { Position } from "../../model/document.ts";

/** An affine map [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f), as PDF writes matrices. */
export type Affine = readonly [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function invert(m: Affine): Affine {
  const det = m[0] * m[3] - m[1] * m[2];
  const [a, b, c, d] = [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det];
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}

/**
 * User space → reading orientation for a page shown turned clockwise by `rotate` degrees, `view` its box
 * [x0, y0, x1, y1]: the turned page keeps its origin at the bottom left of what the reader sees.
 */
export function readingFrame(rotate: number, view: readonly number[]): Affine {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  switch (((rotate % 360) + 360) % 360) {
    case 90: // the left edge is on top: x grows downwards, y to the right
      return [0, -1, 1, 0, -y0, x1];
    case 180:
      return [-1, 0, 0, -1, x1, y1];
    case 270: // the left edge is at the bottom: x grows upwards, y to the left
      return [0, 1, -1, 0, y1, -x0];
    default:
      return IDENTITY;
  }
}

/** A box in the reading orientation, back in user space (the corners turned, then ordered). */
export function userBox(box: Position, toUser: Affine | undefined): Position {
  if (!toUser) return box;
  const [ax, ay] = apply(toUser, box.x0, box.y0);
  const [bx, by] = apply(toUser, box.x1, box.y1);
  return { page: box.page, x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}
