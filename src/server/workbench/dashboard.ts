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
import { budgetName, findingCounts, formatTime, ROLE_NAMES, statusBadge } from "./labels.ts";
import { csrfField, doneFlash, sendPage, type Viewer, viewerOf } from "./respond.ts";
import { uploadForm } from "./upload-form.ts";

const link = (b: BudgetRow, text: string) => `<a href="/workbench/budgets/${b.id}">${escapeHtml(text)}</a>`;

function budgetTable(viewer: Viewer, budgets: BudgetRow[], withDepartment: boolean): string {
  if (budgets.length === 0) return '<p class="empty">暂无预算。</p>';
  const mayUpload = mayTake(viewer.user.role, "upload");
  const rows = budgets.map((b) => {
    const upload =
      mayUpload && allowedFrom("upload", b.status) ? uploadForm(viewer, { baseVersion: b.head, compact: true }) : "";
    return `<tr>
${withDepartment ? `<td>${link(b, b.department)}</td>` : ""}
<td>${withDepartment ? b.year : link(b, `${b.year} 年${b.phase}`)}</td>
<td>${statusBadge(b.status)}</td>
<td>第 ${b.head} 版</td>
<td>${findingCounts(b.errors, b.warnings)}</td>
<td>${formatTime(b.updated_at)}</td>
${mayUpload ? `<td>${upload}</td>` : ""}
</tr>`;
  });
  const head = [
    withDepartment ? "部门" : "",
    "年度",
    "状态",
    "当前版本",
    "校验",
    "更新时间",
    mayUpload ? "上传新版本" : "",
  ].filter(Boolean);
  return `<div class="table-scroll"><table class="wb-table">
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>
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
  if (approved.length === 0) return '<p class="empty">没有待公开的预算。</p>';
  const items = approved.map((b) => {
    return `<li>${link(b, budgetName(b))} 第 ${b.head} 版 ${findingCounts(b.errors, b.warnings)}
<form class="inline" method="post" action="/workbench/budgets/${b.id}/publish">${csrfField(viewer)}<input type="hidden" name="baseVersion" value="${b.head}"><button class="primary" type="submit">公开第 ${b.head} 版</button></form></li>`;
  });
  return `<ul class="publish-list">\n${items.join("\n")}\n</ul>`;
}

/** The dashboard's body; `notice` (trusted HTML) is a flash or error message shown at the top. */
export async function dashboardBody(context: ServerContext, viewer: Viewer, notice = ""): Promise<string> {
  const { db } = context.store;
  const { user } = viewer;
  const heading = `<h1>工作台</h1>\n<p class="lead">${escapeHtml(user.display_name)}（${ROLE_NAMES[user.role]}）</p>\n${notice}`;
  if (user.role === "preparer") {
    const department = user.department_id === null ? undefined : await getDepartment(db, user.department_id);
    const budgets = await listBudgets(db, { departmentId: user.department_id ?? -1 });
    return `${heading}
<section aria-labelledby="own-title"><h2 id="own-title">本部门预算：${escapeHtml(department?.name ?? "")}</h2>
${budgetTable(viewer, budgets, false)}</section>
<section aria-labelledby="upload-title"><h2 id="upload-title">上传</h2>
<p>上传本部门新年度的预算；已有预算请在上表中上传新版本。</p>
${uploadForm(viewer)}</section>`;
  }
  const budgets = await listBudgets(db);
  const queue = `<section aria-labelledby="queue-title"><h2 id="queue-title">审核队列</h2>
${budgetTable(viewer, queueOrder(budgets), true)}</section>`;
  if (user.role === "reviewer") return `${heading}\n${queue}`;
  const approved = budgets.filter((b) => b.status === "approved");
  return `${heading}
<p><a href="/workbench/users">账户管理</a></p>
<section aria-labelledby="publish-title"><h2 id="publish-title">待公开</h2>
${publishForms(viewer, approved)}</section>
${queue}
<section aria-labelledby="upload-title"><h2 id="upload-title">上传</h2>
${uploadForm(viewer)}</section>`;
}

export function registerDashboard(app: FastifyInstance, context: ServerContext): void {
  app.get("/workbench", async (request, reply) => {
    const viewer = viewerOf(request);
    return sendPage(reply, viewer, "工作台", await dashboardBody(context, viewer, doneFlash(request.query)));
  });
}
