/** The table of contents: every part, every Part 3 section and every table, as links into the page. */
import type { BudgetDocument } from "../../model/document.ts";
import type { TableGrid } from "../grid.ts";
import { escapeHtml } from "./escape.ts";
import { partAnchor, sectionAnchor, tableAnchor } from "./outline.ts";

const link = (anchor: string, text: string) => `<a href="#${escapeHtml(anchor)}">${escapeHtml(text)}</a>`;

const nested = (items: string[]) =>
  items.length === 0 ? "" : `\n<ol>\n${items.map((item) => `<li>${item}</li>`).join("\n")}\n</ol>\n`;

export function renderToc(doc: BudgetDocument, partTitles: string[], grids: TableGrid[]): string {
  const children = [
    [],
    [],
    doc.part3.map((s) => link(sectionAnchor(s.id), s.title)),
    grids.map((g) => link(tableAnchor(g.id), g.caption)),
  ];
  const parts = partTitles.map((title, i) => `<li>${link(partAnchor(i + 1), title)}${nested(children[i] ?? [])}</li>`);
  return [
    '<nav class="toc" aria-labelledby="toc-title">',
    '<h2 id="toc-title">目录</h2>',
    `<ol>\n${parts.join("\n")}\n</ol>`,
    "</nav>",
  ].join("\n");
}
