/**
 * The budget book: the disclosure published as a small static site that a phone can read, an official can print and
 * a reviewer can audit. An overview with the key figures and charts leads into the parts, the tables (one page each,
 * with downloads), and the units and projects; findings, when given, are marked where they occur. Every link is
 * relative and every page carries its own styles, so the folder works offline from anywhere; no page needs a script.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { Diagnostic } from "../../rules/diagnostic.ts";
import type { Template } from "../../templates/template.ts";
import { bookFigures } from "../charts/figures.ts";
import { bookCharts } from "../charts/index.ts";
import { documentGrids } from "../grid.ts";
import { partTitles } from "../outline.ts";
import { projectBody, unitBody, unitsBody } from "./drilldown.ts";
import { escapeHtml } from "./escape.ts";
import { Findings, narrativeMarks } from "./findings.ts";
import { findingsBody, sectionPage } from "./findingspage.ts";
import { type BookContext, type BookPageSpec, bookPage, type Link } from "./layout.ts";
import { renderPart1, renderPart2, renderPart3 } from "./narrative.ts";
import { bookPath, sectionAnchor } from "./outline.ts";
import { overviewBody } from "./overview.ts";
import { disclosure } from "./page.ts";
import { pager, tableBody, tableDownloadLinks, tablesBody } from "./tablepages.ts";

export interface BookDownloads {
  /** The workbook of every table, e.g. `budget.xlsx`. */
  xlsx?: string;
  /** The disclosure as a PDF, e.g. `budget.pdf`. */
  pdf?: string;
  /** The folder of per-table CSV files `<csvDir>/<Tnn>.csv`, e.g. `csv`. */
  csvDir?: string;
  /** The open-data package descriptor, e.g. `datapackage.json`. */
  dataPackage?: string;
}

export interface BookOptions {
  diagnostics?: Diagnostic[];
  /** Paths of the other outputs relative to the book's folder; a download not given is not linked. */
  downloads?: BookDownloads;
}

export interface BookPage {
  /** Relative to the book's folder. */
  path: string;
  html: string;
}

export function renderBook(doc: BudgetDocument, template: Template, options: BookOptions = {}): BookPage[] {
  const downloads = options.downloads ?? {};
  const findings = options.diagnostics ? new Findings(options.diagnostics) : undefined;
  const figures = bookFigures(doc, template);
  const grids = documentGrids(template, doc);
  const titles = partTitles(doc);
  const downloadList = [
    downloads.pdf ? { href: downloads.pdf, text: "PDF 全文", note: "与公开文本一致，适合打印和存档" } : undefined,
    downloads.xlsx
      ? { href: downloads.xlsx, text: "Excel 工作簿", note: `全部 ${grids.length} 张报表（XLSX）` }
      : undefined,
    downloads.csvDir !== undefined
      ? { href: bookPath.tables, text: "CSV 报表", note: "每张报表一个 CSV 文件" }
      : undefined,
    downloads.dataPackage
      ? { href: downloads.dataPackage, text: "开放数据包", note: "datapackage.json，每个金额一行的长表" }
      : undefined,
  ].filter((d) => d !== undefined);
  const context: BookContext = {
    doc,
    hasFindings: findings !== undefined,
    hasUnits: figures !== undefined && figures.units.length > 0,
    downloads: downloadList.map(({ href, text }) => ({ href, text })),
  };
  const pages: BookPageSpec[] = [];
  const home: Link = { href: bookPath.overview, text: "概览" };

  pages.push({
    path: bookPath.overview,
    title: "概览",
    nav: "overview",
    body: overviewBody({
      context,
      template,
      figures,
      charts: bookCharts(doc, template),
      grids,
      findings,
      findingPlace: ({ section }) => {
        const page = section ? sectionPage(doc, section) : undefined;
        if (!page || !section) return page;
        return page === bookPath.part(3) ? `${page}#${sectionAnchor(section)}` : page;
      },
      downloads: downloadList,
    }),
  });

  // Reading order, for the pager: the three parts, the list of tables, then each table.
  const order: Link[] = [
    { href: bookPath.part(1), text: titles[0] ?? "" },
    { href: bookPath.part(2), text: titles[1] ?? "" },
    { href: bookPath.part(3), text: titles[2] ?? "" },
    { href: bookPath.tables, text: titles[3] ?? "" },
    ...grids.map((g) => ({ href: bookPath.table(g.id), text: g.caption })),
  ];
  const turn = (href: string) => {
    const i = order.findIndex((l) => l.href === href);
    return pager(order[i - 1], order[i + 1]);
  };

  const marks = findings ? narrativeMarks(findings) : undefined;
  const parts = [renderPart1, renderPart2, renderPart3];
  parts.forEach((render, i) => {
    const path = bookPath.part(i + 1);
    const part3Contents =
      i === 2
        ? `<nav class="section-index" aria-label="本部分目录"><ol>${doc.part3.map((s) => `<li><a href="#${sectionAnchor(s.id)}">${escapeHtml(s.title)}</a></li>`).join("")}</ol></nav>`
        : "";
    pages.push({
      path,
      title: titles[i] ?? "",
      nav: (["part1", "part2", "part3"] as const)[i] ?? "part1",
      crumbs: [home],
      marks: findings !== undefined,
      body: [
        '<header class="page-head">',
        `<p class="eyebrow">${escapeHtml(doc.title)}</p>`,
        `<h1>${escapeHtml(titles[i] ?? "")}</h1>`,
        part3Contents,
        "</header>",
        `<div class="part-page">\n${render(doc, titles[i] ?? "", marks)}\n</div>`,
        turn(path),
      ].join("\n"),
    });
  });

  pages.push({
    path: bookPath.tables,
    title: titles[3] ?? "预算报表",
    nav: "tables",
    crumbs: [home],
    body: `${tablesBody(doc, titles[3] ?? "", grids, downloads, findings)}\n${turn(bookPath.tables)}`,
  });
  for (const grid of grids) {
    const path = bookPath.table(grid.id);
    pages.push({
      path,
      title: grid.caption,
      nav: "tables",
      crumbs: [home, { href: bookPath.tables, text: "预算报表" }],
      marks: findings !== undefined,
      body: [
        tableBody(titles[3] ?? "", grid, downloads, findings),
        grid.id === figures?.sources.projects && context.hasUnits
          ? `<p class="section-note">每个项目的内容、绩效目标和指标，也可以在 <a href="${bookPath.units}">单位与项目</a> 中逐项阅读。</p>`
          : "",
        turn(path),
      ].join("\n"),
    });
  }

  if (figures && context.hasUnits) {
    const input = { doc, template, figures, findings };
    const unitsCrumb: Link = { href: bookPath.units, text: "单位与项目" };
    pages.push({ path: bookPath.units, title: "单位与项目", nav: "units", crumbs: [home], body: unitsBody(input) });
    for (const unit of figures.units) {
      pages.push({
        path: bookPath.unit(unit.code),
        title: unit.name,
        nav: "units",
        crumbs: [home, unitsCrumb],
        body: unitBody(input, unit),
      });
    }
    for (const project of figures.projects) {
      const unit = figures.units.find((u) => u.code === project.unitCode);
      pages.push({
        path: bookPath.project(project.unitCode, project.ordinal),
        title: project.name,
        nav: "units",
        crumbs: [home, unitsCrumb, ...(unit ? [{ href: bookPath.unit(unit.code), text: unit.name }] : [])],
        body: projectBody(input, project),
      });
    }
  }

  if (findings) {
    pages.push({
      path: bookPath.findings,
      title: "审核发现",
      nav: "findings",
      crumbs: [home],
      body: findingsBody(doc, grids, findings),
    });
  }

  const full = disclosure(doc, template, {
    findings,
    tableDownloads: (grid) => tableDownloadLinks(downloads, grid),
  });
  pages.push({
    path: bookPath.fullText,
    title: "全文",
    nav: "fullText",
    crumbs: [home],
    marks: findings !== undefined,
    body: `<div class="full-text">\n${full.cover}\n${full.toc}\n${full.parts}\n</div>`,
  });

  return pages.map((page) => ({ path: page.path, html: bookPage(context, page) }));
}
