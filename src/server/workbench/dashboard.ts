/**
 * The workbench's first page, by role. A preparer sees their department's budgets and uploads; a reviewer sees the
 * queue, submissions first; an admin sees everything, the approved budgets waiting to be published, and accounts.
 */
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../../render/html/escape.ts";
import { type BudgetRow, listBudgets } from "../../store/budgets.ts";
import { getDepartment } from "../../store/users.ts";
import { allowedFrom, mayTake } from "../../store/workflow.ts";
import type { ServerContext } from "../context.ts";
import { phaseName, say, t } from "../i18n.ts";
import { budgetName, findingCounts, formatTime, statusBadge, versionName } from "./labels.ts";
import { csrfField, doneFlash, sendPage, type Viewer, viewerOf } from "./respond.ts";
import { uploadForm } from "./upload-form.ts";

const link = (b: BudgetRow, text: string) => `<a href="/workbench/budgets/${b.id}">${escapeHtml(text)}</a>`;

function budgetTable(viewer: Viewer, budgets: BudgetRow[], withDepartment: boolean): string {
  const { lang } = viewer;
  if (budgets.length === 0) return `<p class="empty">${escapeHtml(t(lang, "dashboard.none"))}</p>`;
  const mayUpload = mayTake(viewer.user.role, "upload");
  const rows = budgets.map((b) => {
    const upload =
      mayUpload && allowedFrom("upload", b.status) ? uploadForm(viewer, { baseVersion: b.head, compact: true }) : "";
    const year = t(lang, "budget.yearPhase", { year: b.year, phase: phaseName(lang, b.phase) });
    return `<tr>
${withDepartment ? `<td>${link(b, b.department)}</td>` : ""}
<td>${withDepartment ? b.year : link(b, year)}</td>
<td>${statusBadge(lang, b.status)}</td>
<td>${escapeHtml(versionName(lang, b.head))}</td>
<td>${findingCounts(lang, b.errors, b.warnings)}</td>
<td>${formatTime(b.updated_at)}</td>
${mayUpload ? `<td>${upload}</td>` : ""}
</tr>`;
  });
  const head = [
    withDepartment ? "dashboard.department" : "",
    "dashboard.year",
    "dashboard.status",
    "dashboard.version",
    "dashboard.check",
    "dashboard.updated",
    mayUpload ? "dashboard.newVersion" : "",
  ].filter(Boolean);
  return `<div class="table-scroll"><table class="wb-table">
<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(t(lang, h))}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}

/** Submissions waiting for review first, then the rest, each group most recently updated first (as listed). */
const queueOrder = (budgets: BudgetRow[]) => [
  ...budgets.filter((b) => b.status === "submitted"),
  ...budgets.filter((b) => b.status !== "submitted"),
];

function publishForms(viewer: Viewer, approved: BudgetRow[]): string {
  const { lang } = viewer;
  if (approved.length === 0) return `<p class="empty">${escapeHtml(t(lang, "dashboard.noneToPublish"))}</p>`;
  const items = approved.map((b) => {
    return `<li>${link(b, budgetName(lang, b))} ${escapeHtml(versionName(lang, b.head))} ${findingCounts(lang, b.errors, b.warnings)}
<form class="inline" method="post" action="/workbench/budgets/${b.id}/publish">${csrfField(viewer)}<input type="hidden" name="baseVersion" value="${b.head}"><button class="primary" type="submit">${escapeHtml(t(lang, "workflow.publish", { number: b.head }))}</button></form></li>`;
  });
  return `<ul class="publish-list">\n${items.join("\n")}\n</ul>`;
}

/** The dashboard's body; `notice` (trusted HTML) is a flash or error message shown at the top. */
export async function dashboardBody(context: ServerContext, viewer: Viewer, notice = ""): Promise<string> {
  const { db } = context.store;
  const { user, lang } = viewer;
  const who = t(lang, "site.account", { name: user.display_name, role: say(`role.${user.role}`) });
  const heading = `<h1>${escapeHtml(t(lang, "site.workbench"))}</h1>\n<p class="lead">${escapeHtml(who)}</p>\n${notice}`;
  const uploadTitle = `<h2 id="upload-title">${escapeHtml(t(lang, "dashboard.upload"))}</h2>`;
  if (user.role === "preparer") {
    const department = user.department_id === null ? undefined : await getDepartment(db, user.department_id);
    const budgets = await listBudgets(db, { departmentId: user.department_id ?? -1 });
    return `${heading}
<section aria-labelledby="own-title"><h2 id="own-title">${escapeHtml(t(lang, "dashboard.own", { department: department?.name ?? "" }))}</h2>
${budgetTable(viewer, budgets, false)}</section>
<section aria-labelledby="upload-title">${uploadTitle}
<p>${escapeHtml(t(lang, "dashboard.uploadHint"))}</p>
${uploadForm(viewer)}</section>`;
  }
  const budgets = await listBudgets(db);
  const queue = `<section aria-labelledby="queue-title"><h2 id="queue-title">${escapeHtml(t(lang, "dashboard.queue"))}</h2>
${budgetTable(viewer, queueOrder(budgets), true)}</section>`;
  if (user.role === "reviewer") return `${heading}\n${queue}`;
  const approved = budgets.filter((b) => b.status === "approved");
  return `${heading}
<p><a href="/workbench/users">${escapeHtml(t(lang, "users.title"))}</a></p>
<section aria-labelledby="publish-title"><h2 id="publish-title">${escapeHtml(t(lang, "dashboard.toPublish"))}</h2>
${publishForms(viewer, approved)}</section>
${queue}
<section aria-labelledby="upload-title">${uploadTitle}
${uploadForm(viewer)}</section>`;
}

export function registerDashboard(app: FastifyInstance, context: ServerContext): void {
  app.get("/workbench", async (request, reply) => {
    const viewer = viewerOf(request);
    const body = await dashboardBody(context, viewer, doneFlash(request.query, viewer.lang));
    return sendPage(reply, viewer, t(viewer.lang, "site.workbench"), body);
  });
}
