/**
 * Every finding in one place for reviewers: grouped by table (in the layout's order) and by section of the text,
 * each with a link to the page that marks it in place.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { TableGrid } from "../grid.ts";
import { partTitles } from "../outline.ts";
import { escapeHtml } from "./escape.ts";
import { type Findings, findingList, type NumberedFinding, SEVERITY_WORDS } from "./findings.ts";
import { link } from "./layout.ts";
import { bookPath } from "./outline.ts";

/** The page and anchor where a section's findings are listed in place. */
export function sectionPage(doc: BudgetDocument, sectionId: string): string | undefined {
  if (sectionId === "part1") return bookPath.part(1);
  if (sectionId === "part2") return bookPath.part(2);
  if (sectionId === "contents") return bookPath.fullText;
  return doc.part3.some((s) => s.id === sectionId) ? bookPath.part(3) : undefined;
}

function sectionTitle(doc: BudgetDocument, sectionId: string): string {
  const titles = partTitles(doc);
  if (sectionId === "part1") return titles[0] ?? sectionId;
  if (sectionId === "part2") return titles[1] ?? sectionId;
  if (sectionId === "contents") return "标题与目录";
  return doc.part3.find((s) => s.id === sectionId)?.title ?? sectionId;
}

export function findingsBody(doc: BudgetDocument, grids: TableGrid[], findings: Findings): string {
  const all = findings.all;
  const totals = (["error", "warning", "info"] as const)
    .map((s) => [s, all.filter((f) => f.diagnostic.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="severity severity-${s}">${SEVERITY_WORDS[s]} ${n}</span>`)
    .join("");
  const groups: string[] = [];
  const tableIds = new Set(grids.map((g) => g.id));
  for (const grid of grids) {
    const list = findings.forTable(grid.id);
    if (list.length === 0) continue;
    const page = bookPath.table(grid.id);
    groups.push(
      `<section class="finding-group">\n<h3>${link({ href: page, text: grid.caption })}</h3>\n${findingList(list, {
        heading: "审核发现",
        placeLink: (f) => ({ href: `${page}#finding-${f.number}`, text: "在表中查看" }),
      })}\n</section>`,
    );
  }
  const bySection = new Map<string, NumberedFinding[]>();
  const elsewhere: NumberedFinding[] = [];
  for (const f of all) {
    const { table, section } = f.diagnostic.location;
    if (table && tableIds.has(table)) continue;
    if (!table && section && sectionPage(doc, section)) bySection.set(section, [...(bySection.get(section) ?? []), f]);
    else elsewhere.push(f);
  }
  const sectionGroups = [...bySection].map(([id, list]) => {
    const page = sectionPage(doc, id) ?? bookPath.fullText;
    const title = sectionTitle(doc, id);
    return `<section class="finding-group">\n<h3>${link({ href: page, text: title })}</h3>\n${findingList(list, {
      heading: "审核发现",
      placeLink: (f) => ({ href: `${page}#finding-${f.number}`, text: "在文中查看" }),
    })}\n</section>`;
  });
  return [
    '<header class="page-head">',
    `<p class="eyebrow">${escapeHtml(doc.title)}</p>`,
    "<h1>审核发现</h1>",
    all.length === 0
      ? '<p class="lead">自动审核未发现问题。</p>'
      : `<p class="lead">自动审核共有 ${all.length} 条发现：${totals}</p>`,
    '<p class="section-note">“错误”是报表之间或报表与说明之间不相符；“警告”包括在四舍五入误差范围内的尾差和措辞问题。每条发现都标记在所涉及的单元格或文字旁。</p>',
    "</header>",
    groups.length > 0 ? `<section class="drill-section">\n<h2>报表</h2>\n${groups.join("\n")}\n</section>` : "",
    sectionGroups.length > 0
      ? `<section class="drill-section">\n<h2>说明文字</h2>\n${sectionGroups.join("\n")}\n</section>`
      : "",
    elsewhere.length > 0
      ? `<section class="drill-section">\n<h2>其他</h2>\n${findingList(elsewhere, { heading: "其他审核发现" })}\n</section>`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}
