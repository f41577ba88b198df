/**
 * One budget in the workbench: where it stands and what this user may do next, what validation found, the Part 3
 * texts (a form for whoever may edit them), every table of the head version with its findings marked on the cells
 * (the budget book's own renderer) and its comments, and the version history. Refused forms re-render this page with
 * the error, its status and whatever the user typed.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { BudgetDocument } from "../../model/document.ts";
import { documentGrids } from "../../render/grid.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { Findings, findingList, type NumberedFinding, SEVERITY_WORDS, tableMarks } from "../../render/html/findings.ts";
import { sectionAnchor, tableAnchor } from "../../render/html/outline.ts";
import { renderTable } from "../../render/html/table.ts";
import { summarise } from "../../rules/diagnostic.ts";
import { type BudgetRow, getVersion, listEvents, listVersions } from "../../store/budgets.ts";
import { listComments } from "../../store/comments.ts";
import { allowedFrom, mayTake } from "../../store/workflow.ts";
import { loadTemplate } from "../../templates/template.ts";
import { visibleBudget } from "../access.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
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

function header(budget: BudgetRow, head: VersionRow | undefined, published: VersionRow | undefined): string {
  const publishedLine = published
    ? `<p class="published-info">已公开第 ${published.number} 版 · 内容哈希（SHA-256）<code class="hash">${escapeHtml(published.hash)}</code> · <a href="/budgets/${budget.id}/">查看公开的预算</a></p>`
    : "";
  return `<header class="wb-head">
<p class="eyebrow"><a href="/workbench">工作台</a></p>
<h1>${escapeHtml(budgetName(budget))}</h1>
<p class="wb-meta">${statusBadge(budget.status)} 当前第 ${budget.head} 版 ${head ? findingCounts(head.errors, head.warnings) : ""} · 更新于 ${formatTime(budget.updated_at)}</p>
${publishedLine}
</header>
<nav class="wb-toc" aria-label="本页"><a href="#actions">操作</a><a href="#findings">审核发现</a><a href="#narrative">说明文字</a><a href="#tables">报表</a><a href="#comments-general">总体意见</a><a href="#history">版本历史</a></nav>`;
}

function findingsSection(doc: BudgetDocument, findings: Findings): string {
  const summary = summarise(findings.all.map((f) => f.diagnostic));
  const sections = new Set(doc.part3.map((s) => s.id));
  const place = (f: NumberedFinding) => {
    const { table, section } = f.diagnostic.location;
    if (table) return { href: `#${tableAnchor(table)}`, text: `在表 ${table} 中查看` };
    if (section && sections.has(section)) return { href: `#${sectionAnchor(section)}`, text: "在说明中查看" };
    return undefined;
  };
  const counts = (["error", "warning", "info"] as const)
    .map((s) => `${SEVERITY_WORDS[s]} ${summary[`${s}s`]}`)
    .join("，");
  const list =
    findings.all.length === 0
      ? '<p class="check-ok">校验通过，没有发现问题。</p>'
      : `<details open><summary>共 ${findings.all.length} 条：${counts}</summary>
${findingList(findings.all, { heading: "全部审核发现", anchors: false, placeLink: place })}
</details>`;
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">审核发现</h2>\n${list}\n</section>`;
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
  const grids = documentGrids(loadTemplate(doc.template), doc);
  const tables = grids.map((grid) =>
    [
      renderTable(grid, { marks: tableMarks(grid, findings.forTable(grid.id)) }),
      commentBlock(viewer, budgetId, grid.id, comments, rowChoices(doc, grid.id), draft),
    ].join("\n"),
  );
  return `<section id="tables" class="part-tables" aria-labelledby="tables-title"><h2 id="tables-title">报表（第 ${escapeHtml(String(doc.tables.length))} 张）</h2>
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
  if (!headVersion) throw notFound(`预算 ${budgetId} 的第 ${budget.head} 版`);
  const doc = parseDocument(headVersion);
  const findings = new Findings(context.findings.of(headVersion));
  const head = versions.find((v) => v.number === budget.head);
  const published = versions.find((v) => v.number === budget.published_version);
  const { role } = viewer.user;
  const canEdit = mayTake(role, "edit") && allowedFrom("edit", budget.status);
  const notice = [state.notice ?? "", state.error ? errorFlash(state.error.message) : ""].join("");
  const body = `${header(budget, head, published)}
${notice}
<section id="actions" aria-labelledby="actions-title"><h2 id="actions-title">操作</h2>
${workflowForms(viewer, budget, state.action)}
</section>
${findingsSection(doc, findings)}
<section id="narrative" aria-labelledby="narrative-title"><h2 id="narrative-title">说明文字</h2>
${narrativeSection(viewer, budget.id, doc, findings, {
  canEdit,
  baseVersion: state.narrative?.baseVersion ?? budget.head,
  drafts: state.narrative?.fields,
})}
</section>
${tablesSection(viewer, budget.id, doc, findings, comments, state.comment)}
<section aria-labelledby="general-title"><h2 id="general-title">对预算的总体意见</h2>
${commentBlock(viewer, budget.id, "", comments, [], state.comment)}
</section>
${historySection(budget.id, versions, events, budget.published_version)}`;
  return { title: budgetName(budget), body };
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
  app.get<{ Params: { id: string } }>("/workbench/budgets/:id", async (request, reply) =>
    sendBudgetPage(reply, context, viewerOf(request), idParam(request.params.id), {
      notice: doneFlash(request.query),
    }),
  );
}
