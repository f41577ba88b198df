/**
 * The book's front page: the headline figure and its change, the key figures (basic against project expenditure,
 * 三公经费, procurement), the charts, the largest projects, the units, a summary of findings, and the ways in.
 * Every figure is read from the model and printed from its integer; a figure the layout does not hold is left out.
 */
import type { BudgetDocument } from "../../model/document.ts";
import { sum } from "../../money/amount.ts";
import type { Template } from "../../templates/template.ts";
import {
  amountOf,
  type BookFigures,
  basicAndProject,
  fact,
  procurementByCategory,
  tableById,
  threePublicLines,
} from "../charts/figures.ts";
import type { Chart } from "../charts/index.ts";
import type { TableGrid } from "../grid.ts";
import { partTitles } from "../outline.ts";
import { escapeHtml } from "./escape.ts";
import { renderFigure } from "./figure.ts";
import { type Findings, SEVERITY_WORDS, worst } from "./findings.ts";
import { changeLine, money, percent, share } from "./format.ts";
import { type BookContext, type Link, link } from "./layout.ts";
import { bookPath } from "./outline.ts";

export interface OverviewInput {
  context: BookContext;
  template: Template;
  figures?: BookFigures;
  charts: Chart[];
  grids: TableGrid[];
  findings?: Findings;
  /** Where each finding is shown in place. */
  findingPlace: (tableOrSection: { table?: string; section?: string }) => string | undefined;
  downloads: { href: string; text: string; note: string }[];
}

const LARGEST_PROJECTS = 5;

/** The Part 3 section that states a fact. */
const sectionOf = (doc: BudgetDocument, subject: string) =>
  doc.part3.find((s) => s.facts.some((f) => f.subject === subject))?.id;

/** The findings about a figure: about its table rows, or anywhere in the sections that state it. */
interface FigureRefs {
  rows?: { table: string; row?: string }[];
  sections?: string[];
  texts?: string[];
}

function figureFindings(findings: Findings | undefined, refs: FigureRefs): string {
  if (!findings) return "";
  const list = findings.all.filter(({ diagnostic: { location: l } }) => {
    if (l.table) return (refs.rows ?? []).some((r) => r.table === l.table && r.row !== undefined && r.row === l.row);
    return (
      (l.section !== undefined && (refs.sections ?? []).includes(l.section)) ||
      (l.text !== undefined && (refs.texts ?? []).includes(l.text))
    );
  });
  const first = list[0];
  if (!first) return "";
  const severity = worst(list);
  return `<a class="figure-findings" href="${bookPath.findings}#finding-${first.number}"><span class="severity severity-${severity}">${SEVERITY_WORDS[severity]}</span>${list.length} 条相关审核发现</a>`;
}

/** A thin bar showing a share, drawn by CSS from the integer share. */
const shareBar = (hundredths: number | undefined) =>
  hundredths === undefined
    ? ""
    : `<span class="share-bar" aria-hidden="true"><span style="width: ${percent(hundredths)}"></span></span>`;

function keyFigure(name: string, figure: string, unit: string, body: string[], id: string): string {
  return [
    `<div class="key-figure" data-figure="${escapeHtml(id)}">`,
    `<dt>${escapeHtml(name)}</dt>`,
    `<dd><span class="figure-value">${escapeHtml(figure)}</span><span class="figure-unit">${escapeHtml(unit)}</span></dd>`,
    ...body.filter(Boolean).map((b) => `<dd class="figure-note">${b}</dd>`),
    "</div>",
  ].join("\n");
}

function headline(doc: BudgetDocument, figures: BookFigures | undefined, findings?: Findings): string {
  const total = fact(doc, "totalBudget");
  const amount = total?.amount ?? (figures && basicAndProject(doc, figures.sources)?.total);
  if (amount === undefined || amount === null) return "";
  const reason = total?.reason?.trim();
  return [
    '<div class="headline" data-figure="totalBudget">',
    `<p class="headline-label">${doc.year} 年收支总预算</p>`,
    `<p class="headline-figure"><span class="figure-value">${money(doc, amount)}</span><span class="figure-unit">${escapeHtml(doc.amountUnit)}</span></p>`,
    changeLine(doc, total),
    figureFindings(findings, { texts: total ? [total.text] : [] }),
    reason ? `<details class="reason"><summary>增减原因</summary><p>${escapeHtml(reason)}</p></details>` : "",
    "</div>",
  ]
    .filter(Boolean)
    .join("\n");
}

function keyFigures(doc: BudgetDocument, figures: BookFigures, findings?: Findings): string {
  const unit = doc.amountUnit;
  const cards: string[] = [];
  const { sources } = figures;
  const split = basicAndProject(doc, sources);
  if (split && split.total !== null) {
    const whole = split.total;
    const shareOf = (part: number | null) => (part === null ? undefined : share(part, whole));
    const shareNote = (part: number | null) => {
      const s = shareOf(part);
      return s === undefined ? "" : `${shareBar(s)}占支出 ${percent(s)}`;
    };
    const totalRow = tableById(doc, sources.expenditure)?.rows.find((r) => r.kind === "total");
    const refs = { rows: [{ table: sources.expenditure, row: totalRow?.key }] };
    cards.push(
      keyFigure(
        "基本支出",
        money(doc, split.basic ?? 0),
        unit,
        [shareNote(split.basic), "保障机构运转的人员经费和公用经费", figureFindings(findings, refs)],
        "basic",
      ),
      keyFigure(
        "项目支出",
        money(doc, split.project ?? 0),
        unit,
        [
          shareNote(split.project),
          figures.projects.length > 0 ? `为完成特定任务安排的 ${figures.projects.length} 个项目` : "",
          figureFindings(findings, refs),
        ],
        "project",
      ),
    );
  }
  const threePublic = threePublicLines(doc, figures.sources);
  const total = threePublic.find((l) => l.kind === "threePublicTotal");
  if (total) {
    const parts = threePublic
      .filter((l) => ["abroad", "vehiclePurchase", "vehicleOperation", "reception"].includes(l.kind))
      .map(
        (l) =>
          `<li><span>${escapeHtml(l.row.label)}</span><span>${money(doc, amountOf(l.row, "total") ?? 0)}</span></li>`,
      );
    cards.push(
      keyFigure(
        "“三公”经费",
        money(doc, amountOf(total.row, "total") ?? 0),
        unit,
        [
          changeLine(doc, fact(doc, "threePublicTotal")),
          parts.length ? `<ul class="breakdown">${parts.join("")}</ul>` : "",
          figureFindings(findings, {
            rows: threePublic.map((l) => ({ table: sources.threePublic, row: l.row.key })),
            sections: [sectionOf(doc, "threePublicTotal")].filter((s) => s !== undefined),
          }),
        ],
        "threePublic",
      ),
    );
  }
  const procurement = procurementByCategory(doc, figures.sources);
  if (procurement && procurement.total !== null) {
    const parts = procurement.categories.map(
      (c) => `<li><span>${escapeHtml(c.name)}</span><span>${money(doc, c.amount)}</span></li>`,
    );
    const rows = (tableById(doc, sources.procurement)?.rows ?? []).filter((r) =>
      ["total", "goodsTotal", "worksTotal", "servicesTotal"].includes(r.kind),
    );
    cards.push(
      keyFigure(
        "政府采购",
        money(doc, procurement.total),
        unit,
        [
          `<ul class="breakdown">${parts.join("")}</ul>`,
          figureFindings(findings, {
            rows: rows.map((r) => ({ table: sources.procurement, row: r.key })),
            sections: [sectionOf(doc, "procurementTotal")].filter((s) => s !== undefined),
          }),
        ],
        "procurement",
      ),
    );
  }
  return cards.length === 0 ? "" : `<dl class="key-figures">\n${cards.join("\n")}\n</dl>`;
}

function section(id: string, title: string, body: string[], more?: Link): string {
  return [
    `<section class="overview-section" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${escapeHtml(title)}</h2>`,
    ...body.filter(Boolean),
    more ? `<p class="more">${link(more)}</p>` : "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

function largestProjects(doc: BudgetDocument, figures: BookFigures): string {
  if (figures.projects.length === 0) return "";
  const names = new Map(figures.units.map((u) => [u.code, u.name]));
  const largest = [...figures.projects].sort((a, b) => b.amount - a.amount).slice(0, LARGEST_PROJECTS);
  const rows = largest.map(
    (p, i) =>
      `<tr><td class="rank">${i + 1}</td><th scope="row">${link({ href: bookPath.project(p.unitCode, p.ordinal), text: p.name })}<span class="sub">${escapeHtml(names.get(p.unitCode) ?? "")}</span></th><td class="amount">${money(doc, p.amount)}</td></tr>`,
  );
  const table = `<table class="list-table">\n<thead><tr><th scope="col" class="rank">#</th><th scope="col">项目</th><th scope="col" class="amount">金额（${escapeHtml(doc.amountUnit)}）</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
  return section("largest-projects", "金额最大的项目", [table], {
    href: bookPath.units,
    text: `查看全部 ${figures.projects.length} 个项目 →`,
  });
}

function unitsTable(doc: BudgetDocument, figures: BookFigures): string {
  if (figures.units.length === 0) return "";
  const rows = figures.units.map((u) => {
    const basic = amountOf(u.basicRow, "total") ?? 0;
    const project = amountOf(u.projectRow, "total") ?? 0;
    return `<tr><th scope="row">${link({ href: bookPath.unit(u.code), text: u.name })}<span class="sub">${escapeHtml(u.code)}${u.type ? ` · ${escapeHtml(u.type)}` : ""}</span></th><td class="amount">${money(doc, basic)}</td><td class="amount">${money(doc, project)}</td><td class="amount total">${money(doc, sum([basic, project]))}</td></tr>`;
  });
  const head = ["单位", "基本支出", "项目支出", "合计"]
    .map((h, i) => `<th scope="col"${i > 0 ? ' class="amount"' : ""}>${h}</th>`)
    .join("");
  const table = `<div class="table-scroll" role="region" aria-label="各单位支出" tabindex="0">\n<table class="list-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n</div>`;
  return section("units", "各单位预算", [`<p class="section-note">单位：${escapeHtml(doc.amountUnit)}</p>`, table], {
    href: bookPath.units,
    text: "单位与项目明细 →",
  });
}

function findingsSummary(input: OverviewInput): string {
  const { findings, grids } = input;
  if (!findings) return "";
  const all = findings.all;
  if (all.length === 0) {
    return section("findings", "审核发现", ['<p class="all-clear">自动审核未发现问题。</p>']);
  }
  const count = (list: typeof all, s: "error" | "warning" | "info") =>
    list.filter((f) => f.diagnostic.severity === s).length;
  const badges = (list: typeof all) =>
    (["error", "warning", "info"] as const)
      .map((s) => [s, count(list, s)] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `<span class="severity severity-${s}">${SEVERITY_WORDS[s]} ${n}</span>`)
      .join("");
  const places: string[] = [];
  for (const grid of grids) {
    const list = findings.forTable(grid.id);
    if (list.length > 0)
      places.push(
        `<li>${link({ href: bookPath.table(grid.id), text: grid.caption })}<span class="badges">${badges(list)}</span></li>`,
      );
  }
  const order = ["contents", "part1", "part2", ...input.context.doc.part3.map((s) => s.id)];
  const sections = new Map<string, typeof all>();
  for (const id of order) {
    const list = findings.forSection(id);
    if (list.length > 0) sections.set(id, list);
  }
  const titles = partTitles(input.context.doc);
  const sectionTitle = (id: string) =>
    id === "part1"
      ? titles[0]
      : id === "part2"
        ? titles[1]
        : id === "contents"
          ? "标题与目录"
          : (input.context.doc.part3.find((s) => s.id === id)?.title ?? id);
  for (const [id, list] of sections) {
    const href = input.findingPlace({ section: id });
    const text = sectionTitle(id) ?? id;
    places.push(
      `<li>${href ? link({ href, text }) : escapeHtml(text)}<span class="badges">${badges(list)}</span></li>`,
    );
  }
  return section(
    "findings",
    "审核发现",
    [
      `<p class="findings-total">自动审核共有 <strong>${all.length}</strong> 条发现：${badges(all)}</p>`,
      '<p class="section-note">审核按报表之间、报表与说明之间应有的勾稽关系逐项核对，标记在所涉及的单元格和文字旁。</p>',
      `<ul class="finding-places">\n${places.join("\n")}\n</ul>`,
    ],
    { href: bookPath.findings, text: "全部审核发现 →" },
  );
}

function readingLinks(input: OverviewInput): string {
  const { doc } = input.context;
  const titles = partTitles(doc);
  const items: { href: string; title: string; note: string }[] = [
    { href: bookPath.part(1), title: titles[0] ?? "", note: "主要职责与机构设置" },
    { href: bookPath.part(2), title: titles[1] ?? "", note: "工作任务与绩效目标" },
    { href: bookPath.part(3), title: titles[2] ?? "", note: `${doc.part3.length} 节说明` },
    { href: bookPath.tables, title: titles[3] ?? "", note: `${input.grids.length} 张报表` },
    { href: bookPath.fullText, title: "预算公开全文", note: "全部内容在一页，便于检索和打印" },
  ];
  const cards = items.map(
    (i) =>
      `<li><a href="${escapeHtml(i.href)}"><span class="card-title">${escapeHtml(i.title)}</span><span class="card-note">${escapeHtml(i.note)}</span></a></li>`,
  );
  return section("read", "阅读预算", [`<ul class="link-cards">\n${cards.join("\n")}\n</ul>`]);
}

function downloads(input: OverviewInput): string {
  if (input.downloads.length === 0) return "";
  const items = input.downloads.map(
    (d) =>
      `<li><a href="${escapeHtml(d.href)}"><span class="card-title">${escapeHtml(d.text)}</span><span class="card-note">${escapeHtml(d.note)}</span></a></li>`,
  );
  return section("downloads", "下载", [`<ul class="link-cards downloads">\n${items.join("\n")}\n</ul>`]);
}

export function overviewBody(input: OverviewInput): string {
  const { doc } = input.context;
  const { figures } = input;
  const charts =
    input.charts.length === 0
      ? ""
      : section("charts", "支出结构", [
          `<div class="chart-grid">\n${input.charts.map((c) => renderFigure(doc, c)).join("\n")}\n</div>`,
        ]);
  return [
    '<header class="hero">',
    `<p class="eyebrow">${doc.year} 年部门预算</p>`,
    `<h1>${escapeHtml(doc.department)}</h1>`,
    headline(doc, figures, input.findings),
    figures ? keyFigures(doc, figures, input.findings) : "",
    "</header>",
    charts,
    figures ? largestProjects(doc, figures) : "",
    figures ? unitsTable(doc, figures) : "",
    readingLinks(input),
    findingsSummary(input),
    downloads(input),
  ]
    .filter(Boolean)
    .join("\n");
}
