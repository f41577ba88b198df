/**
 * From the department's totals down to units and projects: a page listing the units with their projects, a page per
 * unit (its basic expenditure lines and projects), and a page per project (its amount and fund sources, content,
 * goal and indicators, and the procurement and purchased services bought under it, matched by unit and budget line).
 */
import type { BudgetDocument, Row } from "../../model/document.ts";
import { projectIndicators } from "../../model/indicators.ts";
import { sum } from "../../money/amount.ts";
import { type ColumnNode, isGroup, type Template } from "../../templates/template.ts";
import {
  amountOf,
  type BookFigures,
  linesOfProject,
  type ProjectFigures,
  type PurchaseLine,
  textOf,
  type UnitFigures,
} from "../charts/figures.ts";
import { tableSource } from "../charts/source.ts";
import { escapeHtml } from "./escape.ts";
import { type Findings, findingList, type NumberedFinding } from "./findings.ts";
import { money } from "./format.ts";
import { type Link, link } from "./layout.ts";
import { paragraphs } from "./markup.ts";
import { bookPath } from "./outline.ts";

export interface DrillInput {
  doc: BudgetDocument;
  template: Template;
  figures: BookFigures;
  findings?: Findings;
}

/** A column's header with its groups, as a reader says it: 财政拨款 合计. */
function columnTitles(template: Template, tableId: string): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (nodes: ColumnNode[], prefix: string[]) => {
    for (const node of nodes) {
      if (isGroup(node)) walk(node.columns, [...prefix, node.group]);
      else titles.set(node.key, [...prefix, node.header].join(" "));
    }
  };
  walk(template.tables.find((t) => t.id === tableId)?.columnTree ?? [], []);
  return titles;
}

interface ListColumn {
  header: string;
  amount?: boolean;
}

/** A small table of a drill-down page; cells are markup already escaped by the caller. */
function listTable(label: string, columns: ListColumn[], rows: string[][], footer?: string[]): string {
  const head = columns
    .map((c) => `<th scope="col"${c.amount ? ' class="amount"' : ""}>${escapeHtml(c.header)}</th>`)
    .join("");
  const line = (cells: string[], tag: "td" | "th" = "td") =>
    cells
      .map((c, i) => {
        const amount = columns[i]?.amount ? ' class="amount"' : "";
        return i === 0 ? `<th scope="row"${amount}>${c}</th>` : `<${tag}${amount}>${c}</${tag}>`;
      })
      .join("");
  const body = rows.map((r) => `<tr>${line(r)}</tr>`).join("\n");
  const foot = footer ? `\n<tfoot><tr class="total">${line(footer)}</tr></tfoot>` : "";
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">\n<table class="list-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot}\n</table>\n</div>`;
}

function block(title: string, body: string[], source?: Link): string {
  return [
    '<section class="drill-section">',
    `<h2>${escapeHtml(title)}</h2>`,
    ...body.filter(Boolean),
    source ? `<p class="source">来源：${link(source)}</p>` : "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

const unitName = (figures: BookFigures, code: string) => figures.units.find((u) => u.code === code)?.name ?? code;

function unitProjects(figures: BookFigures, unit: UnitFigures): ProjectFigures[] {
  return figures.projects.filter((p) => p.unitCode === unit.code);
}

function miniFigures(doc: BudgetDocument, items: [string, number | null][]): string {
  const cells = items.map(
    ([name, amount]) =>
      `<div><dt>${escapeHtml(name)}</dt><dd><span class="figure-value">${money(doc, amount ?? 0)}</span><span class="figure-unit">${escapeHtml(doc.amountUnit)}</span></dd></div>`,
  );
  return `<dl class="mini-figures">\n${cells.join("\n")}\n</dl>`;
}

function unitAmounts(unit: UnitFigures): { basic: number; project: number; total: number } {
  const basic = amountOf(unit.basicRow, "total") ?? 0;
  const project = amountOf(unit.projectRow, "total") ?? 0;
  return { basic, project, total: sum([basic, project]) };
}

/** Findings about some rows of some tables, listed with a link to where each is marked. */
function rowFindings(findings: Findings | undefined, rows: { table: string; rows: Row[] }[]): string {
  if (!findings) return "";
  const list: NumberedFinding[] = rows.flatMap((r) => findings.forRows(r.table, new Set(r.rows.map((row) => row.key))));
  list.sort((a, b) => a.number - b.number);
  return findingList(list, {
    heading: "相关审核发现",
    anchors: false,
    placeLink: (f) => ({
      href: `${bookPath.table(f.diagnostic.location.table ?? "")}#finding-${f.number}`,
      text: "在报表中查看",
    }),
  });
}

export function unitsBody({ doc, template, figures }: DrillInput): string {
  const cards = figures.units.map((unit) => {
    const { basic, project, total } = unitAmounts(unit);
    const projects = unitProjects(figures, unit).map(
      (p) =>
        `<li>${link({ href: bookPath.project(p.unitCode, p.ordinal), text: p.name })}<span class="amount">${money(doc, p.amount)}</span></li>`,
    );
    return [
      `<section class="unit-card" aria-labelledby="unit-${unit.code}">`,
      `<h2 id="unit-${unit.code}">${link({ href: bookPath.unit(unit.code), text: unit.name })}</h2>`,
      `<p class="unit-meta">${escapeHtml(unit.code)}${unit.type ? ` · ${escapeHtml(unit.type)}` : ""}</p>`,
      miniFigures(doc, [
        ["基本支出", basic],
        ["项目支出", project],
        ["合计", total],
      ]),
      projects.length > 0
        ? `<ol class="project-list">\n${projects.join("\n")}\n</ol>`
        : '<p class="muted">无项目支出。</p>',
      "</section>",
    ].join("\n");
  });
  return [
    '<header class="page-head">',
    '<p class="eyebrow">从总额到单位和项目</p>',
    "<h1>单位与项目</h1>",
    `<p class="lead">本部门预算由 ${figures.units.length} 个单位执行。每个单位的基本支出来自${escapeHtml(tableSource(doc, template, figures.sources.basicByUnit))}，项目支出来自${escapeHtml(tableSource(doc, template, figures.sources.projects))}；金额单位：${escapeHtml(doc.amountUnit)}。</p>`,
    "</header>",
    `<div class="unit-cards">\n${cards.join("\n")}\n</div>`,
  ].join("\n");
}

function procurementTable(doc: BudgetDocument, lines: PurchaseLine[], label: string): string {
  if (lines.length === 0) return "";
  const rows = lines.map((l) => [
    escapeHtml(textOf(l.row, "itemName") || l.row.label),
    escapeHtml(textOf(l.row, "categoryName")),
    escapeHtml([textOf(l.row, "quantity"), textOf(l.row, "measureUnit")].filter(Boolean).join(" ")),
    money(doc, amountOf(l.row, "total")),
  ]);
  const total = sum(lines.map((l) => amountOf(l.row, "total") ?? 0));
  return listTable(
    label,
    [{ header: "采购项目" }, { header: "品目" }, { header: "数量" }, { header: "金额", amount: true }],
    rows,
    ["以上合计", "", "", money(doc, total)],
  );
}

function servicesTable(doc: BudgetDocument, lines: PurchaseLine[], label: string): string {
  if (lines.length === 0) return "";
  const rows = lines.map((l) => [
    escapeHtml(textOf(l.row, "catalog3") || l.row.label),
    escapeHtml([textOf(l.row, "catalog1"), textOf(l.row, "catalog2")].filter(Boolean).join(" › ")),
    escapeHtml(textOf(l.row, "method")),
    money(doc, amountOf(l.row, "total")),
  ]);
  const total = sum(lines.map((l) => amountOf(l.row, "total") ?? 0));
  return listTable(
    label,
    [{ header: "服务" }, { header: "目录" }, { header: "购买方式" }, { header: "金额", amount: true }],
    rows,
    ["以上合计", "", "", money(doc, total)],
  );
}

export function unitBody(input: DrillInput, unit: UnitFigures): string {
  const { doc, template, figures } = input;
  const { basic, project, total } = unitAmounts(unit);
  const unitNote = `单位：${doc.amountUnit}`;
  const basicLines = unit.basicLines.map((row) => [escapeHtml(row.label), money(doc, amountOf(row, "total"))]);
  const projects = unitProjects(figures, unit);
  const projectRows = projects.map((p) => [
    link({ href: bookPath.project(p.unitCode, p.ordinal), text: p.name }),
    escapeHtml(p.category ?? ""),
    money(doc, p.amount),
  ]);
  const basicProcurement = figures.procurement.filter((l) => l.unitCode === unit.code && l.budgetLine === "basic");
  const basicServices = figures.services.filter((l) => l.unitCode === unit.code && l.budgetLine === "basic");
  const tableLink = (id: string): Link => ({ href: bookPath.table(id), text: tableSource(doc, template, id) });
  const unitRows = (id: string, lines: PurchaseLine[]) => ({ table: id, rows: lines.map((l) => l.row) });
  const allProcurement = figures.procurement.filter((l) => l.unitCode === unit.code);
  const allServices = figures.services.filter((l) => l.unitCode === unit.code);
  return [
    '<header class="page-head">',
    `<p class="eyebrow">单位 ${escapeHtml(unit.code)}${unit.type ? ` · ${escapeHtml(unit.type)}` : ""}</p>`,
    `<h1>${escapeHtml(unit.name)}</h1>`,
    miniFigures(doc, [
      ["基本支出", basic],
      ["项目支出", project],
      ["合计", total],
    ]),
    "</header>",
    block(
      "基本支出",
      [
        basicLines.length > 0
          ? listTable(`${unit.name}基本支出`, [{ header: "支出项目" }, { header: "金额", amount: true }], basicLines, [
              "合计",
              money(doc, basic),
            ])
          : '<p class="muted">无基本支出。</p>',
        `<p class="section-note">${escapeHtml(unitNote)}</p>`,
      ],
      tableLink(figures.sources.basicByUnit),
    ),
    block(
      "项目支出",
      [
        projectRows.length > 0
          ? listTable(
              `${unit.name}项目支出`,
              [{ header: "项目" }, { header: "类别" }, { header: "金额", amount: true }],
              projectRows,
              ["合计", "", money(doc, project)],
            )
          : '<p class="muted">无项目支出。</p>',
      ],
      tableLink(figures.sources.projects),
    ),
    basicProcurement.length > 0
      ? block(
          "基本支出中的政府采购",
          [procurementTable(doc, basicProcurement, `${unit.name}基本支出政府采购`)],
          tableLink(figures.sources.procurement),
        )
      : "",
    basicServices.length > 0
      ? block(
          "基本支出中的政府购买服务",
          [servicesTable(doc, basicServices, `${unit.name}基本支出政府购买服务`)],
          tableLink(figures.sources.services),
        )
      : "",
    rowFindings(input.findings, [
      { table: figures.sources.basicByUnit, rows: [...(unit.basicRow ? [unit.basicRow] : []), ...unit.basicLines] },
      {
        table: figures.sources.projects,
        rows: [...(unit.projectRow ? [unit.projectRow] : []), ...projects.map((p) => p.row)],
      },
      unitRows(figures.sources.procurement, allProcurement),
      unitRows(figures.sources.services, allServices),
    ]),
  ]
    .filter(Boolean)
    .join("\n");
}

const FUND_COLUMNS_SKIPPED = new Set(["total"]);

function fundSources(input: DrillInput, row: Row): string {
  const { doc, template, figures } = input;
  const titles = columnTitles(template, figures.sources.projects);
  const spec = template.tables.find((t) => t.id === figures.sources.projects);
  const items = (spec?.columns ?? [])
    .filter((c) => c.type === "amount" && !FUND_COLUMNS_SKIPPED.has(c.key))
    .flatMap((c) => {
      const amount = amountOf(row, c.key);
      return amount
        ? [
            `<li><span>${escapeHtml(titles.get(c.key) ?? c.header)}</span><span class="amount">${money(doc, amount)}</span></li>`,
          ]
        : [];
    });
  return items.length === 0 ? "" : `<ul class="breakdown fund-sources" aria-label="资金来源">${items.join("")}</ul>`;
}

function indicators(text: string, projectName: string): string {
  if (!text.trim()) return "";
  const parsed = projectIndicators(text);
  if (parsed.length === 0) return paragraphs(text);
  const rows = parsed
    .map((i) => `<tr><th scope="row">${escapeHtml(i.name)}</th><td>${escapeHtml(i.target)}</td></tr>`)
    .join("\n");
  const table = `<div class="table-scroll" role="region" aria-label="${escapeHtml(`${projectName}绩效指标`)}" tabindex="0">\n<table class="list-table indicators">\n<thead><tr><th scope="col">绩效指标</th><th scope="col">目标值</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</div>`;
  return `${table}\n<details class="original"><summary>原文</summary>\n${paragraphs(text)}\n</details>`;
}

export function projectBody(input: DrillInput, project: ProjectFigures): string {
  const { doc, template, figures } = input;
  const { row } = project;
  const procurement = linesOfProject(figures.procurement, project);
  const services = linesOfProject(figures.services, project);
  const keyProject = doc.part3
    .flatMap((s) => s.projects ?? [])
    .find((p) => p.name.replace(/\s+/g, "") === project.name.replace(/\s+/g, ""));
  const tableLink = (id: string): Link => ({ href: bookPath.table(id), text: tableSource(doc, template, id) });
  const text = (key: string) => textOf(row, key);
  const unit = unitName(figures, project.unitCode);
  return [
    '<header class="page-head">',
    `<p class="eyebrow">${link({ href: bookPath.unit(project.unitCode), text: unit })}${project.category ? ` · ${escapeHtml(project.category)}` : ""}</p>`,
    `<h1>${escapeHtml(project.name)}</h1>`,
    `<div class="project-amount"><span class="figure-label">项目预算</span><span class="figure-value">${money(doc, project.amount)}</span><span class="figure-unit">${escapeHtml(doc.amountUnit)}</span></div>`,
    fundSources(input, row),
    "</header>",
    text("content") ? block("项目内容", [paragraphs(text("content"))]) : "",
    text("goal") ? block("绩效目标", [paragraphs(text("goal"))]) : "",
    text("indicators") ? block("项目主要绩效指标", [indicators(text("indicators"), project.name)]) : "",
    keyProject
      ? block("重点项目绩效目标", [
          `<p>本项目列为重点项目，预算 ${money(doc, keyProject.amount)} ${escapeHtml(doc.amountUnit)}。</p>`,
          paragraphs(keyProject.goal),
        ])
      : "",
    procurement.length > 0
      ? block(
          "政府采购",
          [procurementTable(doc, procurement, `${project.name}政府采购`)],
          tableLink(figures.sources.procurement),
        )
      : "",
    services.length > 0
      ? block(
          "政府购买服务",
          [servicesTable(doc, services, `${project.name}政府购买服务`)],
          tableLink(figures.sources.services),
        )
      : "",
    `<p class="source">来源：${link(tableLink(figures.sources.projects))}</p>`,
    rowFindings(input.findings, [
      { table: figures.sources.projects, rows: [row] },
      { table: figures.sources.procurement, rows: procurement.map((l) => l.row) },
      { table: figures.sources.services, rows: services.map((l) => l.row) },
    ]),
  ]
    .filter(Boolean)
    .join("\n");
}
