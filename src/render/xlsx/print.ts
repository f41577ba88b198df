/** Print setup shared by every sheet: A4, fitted to the page width, narrow margins, 第 n 页，共 m 页 in the footer. */
import type { Worksheet } from "exceljs";

const A4 = 9;

export function setUpPrinting(
  sheet: Worksheet,
  orientation: "portrait" | "landscape",
  titleRows?: { first: number; last: number },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.5, header: 0.2, footer: 0.25 },
    ...(titleRows ? { printTitlesRow: `${titleRows.first}:${titleRows.last}` } : {}),
  };
  sheet.headerFooter.oddFooter = "&C第 &P 页，共 &N 页";
}
