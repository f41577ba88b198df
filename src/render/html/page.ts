/**
 * The disclosure as one self-contained web page: styles inlined, no script, no external request, so the file can be
 * mailed, archived or opened offline and still look as published.
 */
import { readFileSync } from "node:fs";
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids } from "../grid.ts";
import { escapeHtml } from "./escape.ts";
import { renderPart1, renderPart2, renderPart3 } from "./narrative.ts";
import { partAnchor, partTitles } from "./outline.ts";
import { renderTable } from "./table.ts";
import { renderToc } from "./toc.ts";

const STYLE = readFileSync(new URL("./style.css", import.meta.url), "utf8");

function cover(doc: BudgetDocument): string {
  return [
    '<header class="cover">',
    `<p class="cover-year">${doc.year} 年度</p>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="cover-department">${escapeHtml(doc.department)}</p>`,
    "</header>",
  ].join("\n");
}

export function renderHtmlPage(doc: BudgetDocument, template: Template): string {
  const grids = documentGrids(template, doc);
  const titles = partTitles(doc);
  const id = partAnchor(4);
  const tables = [
    `<section class="part part-4 part-tables" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${escapeHtml(titles[3] ?? "")}</h2>`,
    ...grids.map(renderTable),
    "</section>",
  ].join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yusuan">
<title>${escapeHtml(doc.title)}</title>
<style>
${STYLE}</style>
</head>
<body>
${cover(doc)}
${renderToc(doc, titles, grids)}
<main>
${renderPart1(doc, titles[0] ?? "")}
${renderPart2(doc, titles[1] ?? "")}
${renderPart3(doc, titles[2] ?? "")}
${tables}
</main>
</body>
</html>
`;
}
