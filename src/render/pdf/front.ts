/**
 * The front matter: the cover (year, title, department, as the printed cover has them) and the contents page, whose
 * page numbers pdfmake fills in from the headings marked as contents entries.
 */
import type { Content } from "pdfmake/interfaces.js";
import type { BudgetDocument } from "../../model/document.ts";
import { BODY_SIZE } from "./styles.ts";

/** The cover carries no page number, though it counts as page 1. */
export function coverSection(doc: BudgetDocument): Content {
  return {
    section: [
      { text: `${doc.year} 年度`, style: "coverYear", margin: [0, 180, 0, 24] },
      { text: doc.title, style: "coverTitle", margin: [0, 0, 0, 200] },
      { text: doc.department, style: "coverDepartment" },
    ],
    pageOrientation: "portrait",
    footer: null,
  };
}

export function contentsSection(): Content {
  return {
    section: {
      toc: {
        title: { text: "目录", style: "contentsTitle" },
        numberStyle: { alignment: "right" },
      },
    },
    pageOrientation: "portrait",
  };
}

/** A heading that the contents page lists; `level` 1 is indented under its part. */
export const contentsEntry = (text: string, style: string, level: 0 | 1): Content => ({
  text,
  style,
  tocItem: true,
  tocStyle: level === 0 ? "contentsPart" : {},
  tocMargin: [level * 2 * BODY_SIZE, 2, 0, 2],
});
