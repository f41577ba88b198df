/**
 * One budget in the workbench: where it stands and what this user may do next, what validation found, the Part 3
 * texts (a form for whoever may edit them), every table of the head version with its findings marked on the cells
 * (the budget book's own renderer) and its comments, and the version history. Refused forms re-render this page with
 * the error, its status and whatever the user typed.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { type Lang, rawHtml } from "../../i18n.ts";
import type { BudgetDocument } from "../../model/document.ts";
import { documentGrids } from "../../render/grid.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { Findings, findingList, type NumberedFinding, severityWord, tableMarks } from "../../render/html/findings.ts";
import { sectionAnchor, tableAnchor } from "../../render/html/outline.ts";
import { renderTable } from "../../render/html/table.ts";
import { t as htmlWord } from "../../render/html/words.ts";
import { summarise } from "../../rules/diagnostic.ts";
import { type BudgetRow, getVersion, listEvents, listVersions } from "../../store/budgets.ts";
import { listComments } from "../../store/comments.ts";
import { allowedFrom, mayTake } from "../../store/workflow.ts";
import { loadTemplate } from "../../templates/template.ts";
import { visibleBudget } from "../access.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { t, tHtml } from "../i18n.ts";
import { parseDocument } from "../versions.ts";
import { type CommentDraft, type CommentRow, commentBlock, type RowChoice } from "./comments.ts";
import { historySection, type VersionRow } from "./history.ts";
import { budgetName, findingCounts, formatTime, statusBadge } from "./labels.ts";
import { narrativeSection } from "./narrative-form.ts";
import { doneFlash, errorFlash, idParam, sendPage, type UserError, type Viewer, viewerOf } from "./respond.ts";
import { type ActionDraft, workflowForms } from "./workflow-forms.ts";

export interface BudgetPageState {
  /** Trusted HTML: a flash message after a redirect. */
  notice?: string;
  error?: UserError;
  /** A refused narrative save: the fields the user changed, and the version the form should now be based on. */
  narrative?: { fields: Record<string, string>; baseVersion: number };
  comment?: CommentDraft;
  action?: ActionDraft;
}

/** The page's sections, in order, for its table of contents: anchor and name. */
const CONTENTS = [
  ["actions", "budgetPage.actions"],
  ["findings", "budgetPage.findings"],
  ["narrative", "budgetPage.narrative"],
  ["tables", "budgetPage.tables"],
  ["comments-general", "budgetPage.general"],
  ["history", "budgetPage.history"],
] as const;

function header(lang: Lang, budget: BudgetRow, head: VersionRow | undefined, published: VersionRow | undefined) {
  const publishedLine = published
    ? `<p class="published-info">${escapeHtml(t(lang, "budgetPage.published", { number: published.number }))} · ${escapeHtml(t(lang, "budgetPage.hash"))}<code class="hash">${escapeHtml(published.hash)}</code> · <a href="/budgets/${budget.id}/">${escapeHtml(t(lang, "budgetPage.viewPublished"))}</a></p>`
    : "";
  const current = escapeHtml(t(lang, "budgetPage.current", { number: budget.head }));
  const updated = tHtml(lang, "budgetPage.updated", { time: rawHtml(formatTime(budget.updated_at)) });
  const contents = CONTENTS.map(([id, key]) => `<a href="#${id}">${escapeHtml(t(lang, key))}</a>`).join("");
  return `<header class="wb-head">
<p class="eyebrow"><a href="/workbench">${escapeHtml(t(lang, "site.workbench"))}</a></p>
<h1>${escapeHtml(budgetName(lang, budget))}</h1>
<p class="wb-meta">${statusBadge(lang, budget.status)} ${current} ${head ? findingCounts(lang, head.errors, head.warnings) : ""} · ${updated}</p>
${publishedLine}
</header>
<nav class="wb-toc" aria-label="${escapeHtml(t(lang, "budgetPage.toc"))}">${contents}</nav>`;
}

function findingsSection(lang: Lang, doc: BudgetDocument, findings: Findings): string {
  const summary = summarise(findings.all.map((f) => f.diagnostic));
  const sections = new Set(doc.part3.map((s) => s.id));
  const place = (f: NumberedFinding) => {
    const { table, section } = f.diagnostic.location;
    if (table) return { href: `#${tableAnchor(table)}`, text: t(lang, "budgetPage.inTable", { table }) };
    if (section && sections.has(section)) {
      return { href: `#${sectionAnchor(section)}`, text: t(lang, "budgetPage.inText") };
    }
    return undefined;
  };
  const counts = (["error", "warning", "info"] as const)
    .map((s) => htmlWord(lang, "findings.count", { severity: severityWord(s, lang), count: summary[`${s}s`] }))
    .join(htmlWord(lang, "findings.separator"));
  const heading = t(lang, "budgetPage.allFindings");
  const list =
    findings.all.length === 0
      ? `<p class="check-ok">${escapeHtml(t(lang, "budgetPage.passed"))}</p>`
      : `<details open><summary>${escapeHtml(t(lang, "budgetPage.findingCount", { count: findings.all.length, counts }))}</summary>
${findingList(findings.all, { heading, anchors: false, placeLink: place, lang })}
</details>`;
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">${escapeHtml(t(lang, "budgetPage.findings"))}</h2>\n${list}\n</section>`;
}

/** The rows a comment may point at, named as a reader names them. */
const rowChoices = (doc: BudgetDocument, tableId: string): RowChoice[] =>
  (doc.tables.find((t) => t.id === tableId)?.rows ?? []).map((r) => ({
    key: r.key,
    label: r.code && !r.label.startsWith(r.code) ? `${r.code} ${r.label}` : r.label,
  }));

function tablesSection(
  viewer: Viewer,
  budgetId: number,
  doc: BudgetDocument,
  findings: Findings,
  comments: CommentRow[],
  draft?: CommentDraft,
): string {
  const { lang } = viewer;
  const grids = documentGrids(loadTemplate(doc.template), doc);
  const tables = grids.map((grid) =>
    [
      renderTable(grid, { marks: tableMarks(grid, findings.forTable(grid.id), lang) }),
      commentBlock(viewer, budgetId, grid.id, comments, rowChoices(doc, grid.id), draft),
    ].join("\n"),
  );
  return `<section id="tables" class="part-tables" aria-labelledby="tables-title"><h2 id="tables-title">${escapeHtml(t(lang, "budgetPage.tablesCount", { count: doc.tables.length }))}</h2>
${tables.join("\n")}
</section>`;
}

async function budgetBody(context: ServerContext, viewer: Viewer, budgetId: number, state: BudgetPageState) {
  const { db } = context.store;
  const budget = await visibleBudget(context, viewer.user, budgetId);
  const [headVersion, versions, events, comments] = await Promise.all([
    getVersion(db, budget.id, budget.head),
    listVersions(db, budget.id),
    listEvents(db, budget.id),
    listComments(db, budget.id),
  ]);
  if (!headVersion) throw notFound("notFound.version", { id: budgetId, number: budget.head });
  const doc = parseDocument(headVersion);
  const findings = new Findings(context.findings.of(headVersion));
  const head = versions.find((v) => v.number === budget.head);
  const published = versions.find((v) => v.number === budget.published_version);
  const { role } = viewer.user;
  const { lang } = viewer;
  const canEdit = mayTake(role, "edit") && allowedFrom("edit", budget.status);
  const notice = [state.notice ?? "", state.error ? errorFlash(state.error.message) : ""].join("");
  const body = `${header(lang, budget, head, published)}
${notice}
<section id="actions" aria-labelledby="actions-title"><h2 id="actions-title">${escapeHtml(t(lang, "budgetPage.actions"))}</h2>
${workflowForms(viewer, budget, state.action)}
</section>
${findingsSection(lang, doc, findings)}
<section id="narrative" aria-labelledby="narrative-title"><h2 id="narrative-title">${escapeHtml(t(lang, "budgetPage.narrative"))}</h2>
${narrativeSection(viewer, budget.id, doc, findings, {
  canEdit,
  baseVersion: state.narrative?.baseVersion ?? budget.head,
  drafts: state.narrative?.fields,
})}
</section>
${tablesSection(viewer, budget.id, doc, findings, comments, state.comment)}
<section aria-labelledby="general-title"><h2 id="general-title">${escapeHtml(t(lang, "budgetPage.generalTitle"))}</h2>
${commentBlock(viewer, budget.id, "", comments, [], state.comment)}
</section>
${historySection(lang, budget.id, versions, events, budget.published_version)}`;
  return { title: budgetName(lang, budget), body };
}

export async function sendBudgetPage(
  reply: FastifyReply,
  context: ServerContext,
  viewer: Viewer,
  budgetId: number,
  state: BudgetPageState = {},
  status = 200,
) {
  const { title, body } = await budgetBody(context, viewer, budgetId, state);
  return sendPage(reply, viewer, title, body, status);
}

export function registerBudgetPage(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string } }>("/workbench/budgets/:id", async (request, reply) => {
    const viewer = viewerOf(request);
    const notice = doneFlash(request.query, viewer.lang);
    return sendBudgetPage(reply, context, viewer, idParam(request.params.id), { notice });
  });
}
