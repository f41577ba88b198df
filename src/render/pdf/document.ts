/**
 * The disclosure as a print-quality PDF: cover, contents with page numbers, Parts 1–3 on portrait A4 and every
 * table of Part 4 on landscape A4, in the embedded Noto Sans Hans so that the text can be selected and searched.
 * Like the HTML page it is a thin adapter over the table IR, so the two cannot disagree on a cell.
 */
import type { Content, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids } from "../grid.ts";
import { partTitles } from "../outline.ts";
import { usePdfFonts } from "./fonts.ts";
import { contentsEntry, contentsSection, coverSection } from "./front.ts";
import { part1, part2, part3 } from "./narrative.ts";
import { defaultStyle, styles } from "./styles.ts";
import { tableContent } from "./table.ts";

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 };
const PORTRAIT_MARGINS: [number, number, number, number] = [64, 56, 64, 56];
const LANDSCAPE_MARGINS: [number, number, number, number] = [36, 32, 36, 40];
const LANDSCAPE_BODY = {
  width: A4.height - LANDSCAPE_MARGINS[0] - LANDSCAPE_MARGINS[2],
  height: A4.width - LANDSCAPE_MARGINS[1] - LANDSCAPE_MARGINS[3],
};

const footer: DynamicContent = (currentPage, pageCount) => ({
  text: `第 ${currentPage} 页 / 共 ${pageCount} 页`,
  style: "footer",
  margin: [0, 14, 0, 0],
});

function part4(doc: BudgetDocument, template: Template, title: string): Content[] {
  const landscape = { pageOrientation: "landscape" as const, pageMargins: LANDSCAPE_MARGINS };
  const divider: Content = {
    section: { stack: [contentsEntry(title, "partTitle", 0)], margin: [0, 200, 0, 0] },
    ...landscape,
  };
  const tables = documentGrids(template, doc).map(
    (grid): Content => ({ section: tableContent(grid, LANDSCAPE_BODY.width, LANDSCAPE_BODY.height), ...landscape }),
  );
  return [divider, ...tables];
}

export async function renderPdf(doc: BudgetDocument, template: Template): Promise<Buffer> {
  const pdfmake = usePdfFonts();
  const titles = partTitles(doc);
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: PORTRAIT_MARGINS,
    language: "zh-CN",
    info: { title: doc.title, author: doc.department, creator: "yusuan", producer: "yusuan" },
    defaultStyle,
    styles,
    footer,
    content: [
      coverSection(doc),
      contentsSection(),
      part1(doc, titles[0] ?? ""),
      part2(doc, titles[1] ?? ""),
      part3(doc, titles[2] ?? ""),
      ...part4(doc, template, titles[3] ?? ""),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
