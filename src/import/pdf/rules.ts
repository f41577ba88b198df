/**
 * The horizontal rules a page draws: the lines between a ruled table's rows. Where a layout prints a row's cells on
 * different baselines (a code above its label, a figure centred against a wrapped label: the national final
 * accounts), the rules, not the baselines, say which words and figures make one row (rows.ts).
 *
 * Producers draw rules as stroked segments or rectangles, or as thin filled rectangles; both are read. Coordinates
 * are turned into the page's reading orientation like its text (extract.ts).
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type Affine, apply } from "./orientation.ts";

export interface Rule {
  y: number;
  x0: number;
  x1: number;
}

/** The operator list as pdfjs gives it. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** pdfjs's path commands inside constructPath (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** A filled rectangle this thin is a drawn line, not a cell's background. */
const THIN = 2.5;
const MIN_LENGTH = 3;

const multiply = (m: Affine, n: Affine): Affine => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** A path's subpaths as lists of points (curves by their end points: rules are straight). */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      if (current.length > 0) out.push(current);
      current = [[data[i++] ?? 0, data[i++] ?? 0]];
    } else if (op === LINE) current.push([data[i++] ?? 0, data[i++] ?? 0]);
    else if (op === CURVE) {
      i += 4;
      current.push([data[i++] ?? 0, data[i++] ?? 0]);
    } else if (op === QUADRATIC) {
      i += 2;
      current.push([data[i++] ?? 0, data[i++] ?? 0]);
    } else if (op === CLOSE) {
      if (current[0]) current.push(current[0]);
    } else break;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The horizontal segments of stroked subpaths. */
function strokedRules(points: [number, number][][]): Rule[] {
  const rules: Rule[] = [];
  for (const path of points) {
    for (let i = 1; i < path.length; i++) {
      const [ax, ay] = path[i - 1] as [number, number];
      const [bx, by] = path[i] as [number, number];
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_LENGTH)
        rules.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    }
  }
  return rules;
}

/** Filled subpaths that are thin, wide boxes: a line drawn as a rectangle. */
function filledRules(points: [number, number][][]): Rule[] {
  const rules: Rule[] = [];
  for (const path of points) {
    if (path.length < 3) continue;
    const xs = path.map((p) => p[0]);
    const ys = path.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= THIN && x1 - x0 >= Math.max(MIN_LENGTH, (y1 - y0) * 3)) rules.push({ y: (y0 + y1) / 2, x0, x1 });
  }
  return rules;
}

/** The horizontal rules drawn by a page's operators, in the reading orientation given by `frame`. */
export function horizontalRules(ops: OperatorList, frame: Affine): Rule[] {
  const rules: Rule[] = [];
  const stack: Affine[] = [];
  let ctm: Affine = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args as unknown as Affine, ctm);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as Affine | null;
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const [paint, paths] = args as [number, ArrayLike<number>[] | null];
      const data = paths?.[0];
      if (!data) continue;
      const device = multiply(ctm, frame);
      const points = subpaths(data).map((path) => path.map(([x, y]) => apply(device, x, y)));
      if (STROKES.has(paint) || BOTH.has(paint)) rules.push(...strokedRules(points));
      if (FILLS.has(paint) || BOTH.has(paint)) rules.push(...filledRules(points));
    }
  }
  return rules;
}
