/**
 * The disclosure as one self-contained web page: styles inlined, no script, no external request, so the file can be
 * mailed, archived or opened offline and still look as published. The budget book prints the same disclosure as its
 * full-text page, with findings marked.
 */
import { readFileSync } from "node:fs";
import type { BudgetDocument } from "../../model/document.ts";
import { sourcePath } from "../../paths.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids, type TableGrid } from "../grid.ts";
import { partTitles } from "../outline.ts";
import { escapeHtml } from "./escape.ts";
import { type Findings, findingList, narrativeMarks, tableMarks } from "./findings.ts";
import { documentHead } from "./markup.ts";
import { renderPart1, renderPart2, renderPart3 } from "./narrative.ts";
import { partAnchor } from "./outline.ts";
import { renderTable } from "./table.ts";
import { renderToc } from "./toc.ts";

export const STYLE = readFileSync(sourcePath("render", "html", "style.css"), "utf8");

/** Badges, footnote marks and lists of findings: the budget book's and the workbench's alike. */
export const FINDINGS_STYLE = readFileSync(sourcePath("render", "html", "findings.css"), "utf8");

function cover(doc: BudgetDocument): string {
  return [
    '<header class="cover">',
    `<p class="cover-year">${doc.year} 年度</p>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="cover-department">${escapeHtml(doc.department)}</p>`,
    "</header>",
  ].join("\n");
}

export interface DisclosureOptions {
  /** Findings to mark on the cells and phrases they concern. */
  findings?: Findings;
  /** Each table's download links. */
  tableDownloads?: (grid: TableGrid) => string;
}

/** The parts of the disclosure page: cover, contents, and the four parts. */
export function disclosure(
  doc: BudgetDocument,
  template: Template,
  { findings, tableDownloads }: DisclosureOptions = {},
): { cover: string; toc: string; parts: string } {
  const grids = documentGrids(template, doc);
  const titles = partTitles(doc);
  const marks = findings ? narrativeMarks(findings) : undefined;
  const id = partAnchor(4);
  const tables = [
    `<section class="part part-4 part-tables" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${escapeHtml(titles[3] ?? "")}</h2>`,
    ...grids.map((grid) =>
      renderTable(grid, {
        marks: findings ? tableMarks(grid, findings.forTable(grid.id)) : undefined,
        downloads: tableDownloads?.(grid),
      }),
    ),
    "</section>",
  ].join("\n");
  const contents = findings ? findingList(findings.forSection("contents"), { heading: "标题与目录审核发现" }) : "";
  return {
    cover: cover(doc),
    toc: [renderToc(doc, titles, grids), contents].filter(Boolean).join("\n"),
    parts: [
      renderPart1(doc, titles[0] ?? "", marks),
      renderPart2(doc, titles[1] ?? "", marks),
      renderPart3(doc, titles[2] ?? "", marks),
      tables,
    ].join("\n"),
  };
}

export function renderHtmlPage(doc: BudgetDocument, template: Template): string {
  const { cover, toc, parts } = disclosure(doc, template);
  return `${documentHead(doc.title, [STYLE])}
<body>
${cover}
${toc}
<main>
${parts}
</main>
</body>
</html>
`;
}
