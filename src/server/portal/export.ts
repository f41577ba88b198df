/**
 * `yusuan export-site`: the whole public portal as a folder of static files — the front page, a page per
 * department, every published budget's files with the portal's bar, the comparisons of each department's
 * consecutive years, and a search that works offline. Every link is relative, so the folder can be served by any
 * web server or opened from disk. The pages are the portal's own (home.ts, department.ts …), written against
 * relative links, in Chinese (the exported site has no language switch: its search script speaks Chinese).
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve, sep } from "node:path";
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { Store } from "../../store/connect.ts";
import { getPublishedFile, listPublished, publishedPaths, searchPublished } from "../../store/published.ts";
import { t } from "../i18n.ts";
import { injectBanner, portalBanner } from "./banner.ts";
import { byDepartment } from "./budget-list.ts";
import { Comparisons } from "./compare-page.ts";
import { consecutivePairs, departmentBody } from "./department.ts";
import { PublishedDocuments } from "./documents.ts";
import { budgetName } from "./format.ts";
import { homeBody } from "./home.ts";
import { sitePath, staticLinks } from "./links.ts";
import { SEARCH_SCRIPT } from "./search-script.ts";
import { staticPage } from "./static-page.ts";
import { searchIndex, staticSearchBody } from "./static-search.ts";

const LANG: Lang = "zh";

/** A file the folder holds when it was written by this command, so that a later export may write over it. */
const MARKER = ".yusuan-site";

export class ExportError extends Error {}

export interface ExportSummary {
  budgets: number;
  departments: number;
  files: number;
  bytes: number;
}

/** Writes files under one folder and nowhere else: no absolute paths, no `..`, no way out through a symlink. */
class SiteWriter {
  readonly root: string;
  files = 0;
  bytes = 0;

  constructor(out: string) {
    const folder = resolve(out);
    if (existsSync(folder) && readdirSync(folder).length > 0 && !existsSync(resolve(folder, MARKER))) {
      throw new ExportError(`${out} is not empty and holds no earlier export: choose an empty or new folder`);
    }
    mkdirSync(folder, { recursive: true });
    this.root = realpathSync(folder);
  }

  write(path: string, content: string | Uint8Array): void {
    const parts = path.split("/");
    if (isAbsolute(path) || path.includes("\\") || path.includes("\0") || parts.some((p) => p === ".." || p === "")) {
      throw new ExportError(`refusing to write ${JSON.stringify(path)}: not a plain path inside the folder`);
    }
    const target = resolve(this.root, path);
    const folder = dirname(target);
    mkdirSync(folder, { recursive: true });
    const real = realpathSync(folder);
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      throw new ExportError(`refusing to write ${path}: it would land outside ${this.root}`);
    }
    writeFileSync(target, content);
    this.files++;
    this.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  }
}

export async function exportSite(store: Store, out: string): Promise<ExportSummary> {
  const { db } = store;
  const site = new SiteWriter(out);
  site.write(MARKER, "Written by `yusuan export-site`; a later export may write over this folder.\n");
  const published = await listPublished(db);
  const documents = new PublishedDocuments(db);
  const comparisons = new Comparisons(documents);

  const home = homeBody(LANG, published, staticLinks(sitePath.home));
  site.write(sitePath.home, staticPage(LANG, t(LANG, "site.home"), home, sitePath.home));

  const departments = byDepartment(published);
  for (const budgets of departments) {
    const [first] = budgets as [(typeof budgets)[number]];
    const path = sitePath.department(first.departmentId);
    const columns = [];
    for (const budget of budgets) columns.push({ budget, figures: await documents.keyFigures(budget) });
    site.write(path, staticPage(LANG, first.department, departmentBody(LANG, columns, staticLinks(path)), path));
    for (const [a, b] of consecutivePairs(budgets)) {
      const comparePath = sitePath.compare(a.budgetId, b.budgetId);
      const links = staticLinks(comparePath);
      const crumbs = `<p class="portal-crumbs"><a href="${escapeHtml(links.home)}">${escapeHtml(t(LANG, "site.name"))}</a> › <a href="${escapeHtml(links.department(a.departmentId))}">${escapeHtml(a.department)}</a></p>`;
      const title = t(LANG, "comparePage.titleOf", { a: budgetName(LANG, a), b: budgetName(LANG, b) });
      const body = `${crumbs}\n<h1>${escapeHtml(title)}</h1>\n${await comparisons.body(LANG, a, b, links)}`;
      site.write(comparePath, staticPage(LANG, t(LANG, "comparePage.title"), body, comparePath));
    }
  }

  for (const p of published) {
    // The paths first, then one file at a time: a budget's PDF and workbook need not all sit in memory at once.
    for (const path of await publishedPaths(db, p.versionId)) {
      const content = await getPublishedFile(db, p.versionId, path);
      if (!content) continue;
      const target = sitePath.book(p.budgetId, path);
      if (!path.endsWith(".html")) {
        site.write(target, content);
        continue;
      }
      const html = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("utf8");
      site.write(target, injectBanner(html, portalBanner(p, staticLinks(target), LANG)));
    }
  }

  const hits = await searchPublished(db, "", [], Number.MAX_SAFE_INTEGER);
  site.write(sitePath.searchIndex, searchIndex(hits));
  site.write(sitePath.searchScript, SEARCH_SCRIPT);
  const search = staticSearchBody(LANG, hits);
  site.write(sitePath.search, staticPage(LANG, t(LANG, "site.search"), search, sitePath.search, sitePath.searchScript));
  return { budgets: published.length, departments: departments.length, files: site.files, bytes: site.bytes };
}
