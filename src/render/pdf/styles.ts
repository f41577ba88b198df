/**
 * The look of the printed disclosure: sizes in points after the conventions of Chinese official documents (body in
 * 五号 10.5 pt, headings in 三号/四号), and the thin ruled grid every table is printed with.
 */
import type { CustomTableLayout, StyleDictionary } from "pdfmake/interfaces.js";
import { FONT_FAMILY } from "./fonts.ts";

export const BODY_SIZE = 10.5;
/** Paragraphs start two characters in, as Chinese prose is printed. */
export const PARAGRAPH_INDENT = 2 * BODY_SIZE;

export const defaultStyle = { font: FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.5 };

export const styles: StyleDictionary = {
  coverYear: { fontSize: 22, alignment: "center" },
  coverTitle: { fontSize: 26, bold: true, alignment: "center", lineHeight: 1.4 },
  coverDepartment: { fontSize: 16, alignment: "center" },
  contentsTitle: { fontSize: 18, bold: true, alignment: "center", margin: [0, 0, 0, 16] },
  contentsPart: { bold: true },
  partTitle: { fontSize: 16, bold: true, alignment: "center", margin: [0, 0, 0, 14] },
  heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
  subheading: { fontSize: BODY_SIZE, bold: true, margin: [0, 8, 0, 2] },
  tableTitle: { fontSize: 15, bold: true, alignment: "center", lineHeight: 1.2, margin: [0, 0, 0, 6] },
  tableMeta: { fontSize: 9, lineHeight: 1.2 },
  tableNote: { fontSize: 9, lineHeight: 1.3, margin: [0, 6, 0, 0] },
  footer: { fontSize: 9, alignment: "center" },
};

export const NARRATIVE_TABLE = { fontSize: 9, lineHeight: 1.3 };

/** Hairline rules on every edge, the printed tables' grid. */
export const RULE_WIDTH = 0.5;
const CELL_PADDING_X = 2;
/** What each column adds to its text's width: padding on both sides and one rule. */
export const CELL_OVERHEAD = 2 * CELL_PADDING_X + RULE_WIDTH;

export const ruledGrid: CustomTableLayout = {
  hLineWidth: () => RULE_WIDTH,
  vLineWidth: () => RULE_WIDTH,
  hLineColor: () => "#000000",
  vLineColor: () => "#000000",
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};
