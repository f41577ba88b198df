/**
 * The frame of every page of the budget book: the site bar with the department and year, the book's navigation,
 * breadcrumbs, the switch for findings marks, and the footer. Styles are inlined so that each page also stands alone.
 * The switch is a checkbox read by CSS (`~` selectors), so marks can be hidden without any script.
 */
import { readFileSync } from "node:fs";
import type { BudgetDocument } from "../../model/document.ts";
import { sourcePath } from "../../paths.ts";
import { escapeHtml } from "./escape.ts";
import { documentHead } from "./markup.ts";
import { bookPath } from "./outline.ts";
import { FINDINGS_STYLE, STYLE } from "./page.ts";

const BOOK_STYLE = readFileSync(sourcePath("render", "html", "book.css"), "utf8");

export type NavKey = "overview" | "part1" | "part2" | "part3" | "tables" | "units" | "findings" | "fullText";

export interface Link {
  href: string;
  text: string;
}

export interface BookContext {
  doc: BudgetDocument;
  /** Whether findings were given: the findings page exists and marks are drawn. */
  hasFindings: boolean;
  /** Whether the layout's figures are known, so that the units and projects pages exist. */
  hasUnits: boolean;
  /** The footer's download links. */
  downloads: Link[];
}

export interface BookPageSpec {
  path: string;
  /** The page's own title, before the book's. */
  title: string;
  nav: NavKey;
  body: string;
  /** The trail from the overview to this page; the overview itself has none. */
  crumbs?: Link[];
  /** Whether the page shows findings marks, and so the switch that hides them. */
  marks?: boolean;
}

const NAV: { key: NavKey; text: string; href: string; when?: (c: BookContext) => boolean }[] = [
  { key: "overview", text: "概览", href: bookPath.overview },
  { key: "part1", text: "部门概况", href: bookPath.part(1) },
  { key: "part2", text: "任务目标", href: bookPath.part(2) },
  { key: "part3", text: "预算说明", href: bookPath.part(3) },
  { key: "tables", text: "预算报表", href: bookPath.tables },
  { key: "units", text: "单位与项目", href: bookPath.units, when: (c) => c.hasUnits },
  { key: "findings", text: "审核发现", href: bookPath.findings, when: (c) => c.hasFindings },
  { key: "fullText", text: "全文", href: bookPath.fullText },
];

export const link = ({ href, text }: Link, className?: string) =>
  `<a href="${escapeHtml(href)}"${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</a>`;

function nav(context: BookContext, current: NavKey): string {
  const items = NAV.filter((item) => item.when?.(context) ?? true).map((item) => {
    const here = item.key === current ? ' aria-current="page"' : "";
    return `<li><a href="${item.href}"${here}>${item.text}</a></li>`;
  });
  return `<nav class="site-nav" aria-label="预算公开导航">\n<ul>\n${items.join("\n")}\n</ul>\n</nav>`;
}

function crumbs(trail: Link[] | undefined, title: string): string {
  if (!trail || trail.length === 0) return "";
  const items = [...trail.map((l) => `<li>${link(l)}</li>`), `<li aria-current="page">${escapeHtml(title)}</li>`];
  return `<nav class="crumbs" aria-label="位置">\n<ol>${items.join("")}</ol>\n</nav>`;
}

const SWITCH = '<input type="checkbox" id="show-findings" class="findings-switch" checked>';
const SWITCH_LABEL =
  '<label for="show-findings" class="findings-toggle"><span class="findings-toggle-track" aria-hidden="true"></span>显示审核标记</label>';

export function bookPage(context: BookContext, page: BookPageSpec): string {
  const { doc } = context;
  const tools = [crumbs(page.crumbs, page.title), page.marks ? SWITCH_LABEL : ""].filter(Boolean);
  const title = page.nav === "overview" ? doc.title : `${page.title} · ${doc.title}`;
  const downloads = context.downloads.map((d) => `<li>${link(d)}</li>`).join("");
  return `${documentHead(title, [STYLE, FINDINGS_STYLE, BOOK_STYLE])}
<body class="book">
${page.marks ? SWITCH : ""}
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<div class="site-bar">
<a class="site-title" href="${bookPath.overview}"><span class="site-year">${doc.year}</span><span class="site-name">${escapeHtml(doc.department)}</span><span class="site-kind">部门预算</span></a>
</div>
${nav(context, page.nav)}
</header>
${tools.length > 0 ? `<div class="page-tools">\n${tools.join("\n")}\n</div>` : ""}
<main id="main" class="book-main">
${page.body}
</main>
<footer class="site-footer">
<p>${escapeHtml(doc.title)}。金额单位：${escapeHtml(doc.amountUnit)}。文字和报表按公开文本照录；审核发现由自动审核给出，供阅读参考。</p>
${downloads ? `<ul class="footer-downloads" aria-label="下载">${downloads}</ul>` : ""}
<p class="generator">由 yusuan 根据公开的部门预算生成。</p>
</footer>
</body>
</html>
`;
}
