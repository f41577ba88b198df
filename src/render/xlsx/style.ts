/** The look of a published budget workbook: 宋体 text, thin black rules, a light header fill. */
import type { Alignment, Borders, Fill, Font } from "exceljs";

export const FONT_NAME = "宋体";
export const BODY_FONT: Partial<Font> = { name: FONT_NAME, size: 10 };
export const BOLD_FONT: Partial<Font> = { ...BODY_FONT, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 16, bold: true };
export const HEADING_FONT: Partial<Font> = { name: FONT_NAME, size: 12, bold: true };

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
export const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };

export const CENTERED: Partial<Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
export const WRAPPED: Partial<Alignment> = { horizontal: "left", vertical: "middle", wrapText: true };
export const TOP_WRAPPED: Partial<Alignment> = { horizontal: "left", vertical: "top", wrapText: true };
export const RIGHT: Partial<Alignment> = { horizontal: "right", vertical: "middle" };

/** The amount format: thousands separators and the document's decimals (`#,##0.00` for 万元 to two places). */
export function amountFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}
