/**
 * The workflow buttons of a budget page: only the actions this user's role may take from the budget's status
 * (data/workflow.yaml), each a small form that names the head version it acts on, so that a submission, approval or
 * publication always concerns the version the user was looking at. A return needs a reason.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import type { BudgetRow } from "../../store/budgets.ts";
import { allowedFrom, mayTake } from "../../store/workflow.ts";
import type { StatusAction } from "../operations.ts";
import { STATUS_NAMES } from "./labels.ts";
import { csrfField, type Viewer } from "./respond.ts";
import { uploadForm } from "./upload-form.ts";

export const STATUS_ACTIONS: StatusAction[] = ["submit", "return", "approve", "publish"];

export interface ActionDraft {
  action: string;
  comment: string;
}

function actionForm(viewer: Viewer, budget: BudgetRow, action: StatusAction, draft?: ActionDraft): string {
  const typed = draft?.action === action ? draft.comment : "";
  const comment = {
    submit: `<label>提交说明（可选）<textarea name="comment" rows="2" maxlength="20000">\n${escapeHtml(typed)}</textarea></label>`,
    return: `<label>退回原因（必填）<textarea name="comment" rows="3" required maxlength="20000">\n${escapeHtml(typed)}</textarea></label>`,
    approve: `<label>审核意见（可选）<textarea name="comment" rows="2" maxlength="20000">\n${escapeHtml(typed)}</textarea></label>`,
    publish: "",
  }[action];
  const button = {
    submit: `提交第 ${budget.head} 版审核`,
    return: "退回修改",
    approve: `审核通过第 ${budget.head} 版`,
    publish: `公开第 ${budget.head} 版`,
  }[action];
  return `<form class="stack action-form action-${action}" method="post" action="/workbench/budgets/${budget.id}/${action}">
${csrfField(viewer)}<input type="hidden" name="baseVersion" value="${budget.head}">
${comment}
<button class="${action === "return" ? "" : "primary"}" type="submit">${button}</button>
</form>`;
}

export function workflowForms(viewer: Viewer, budget: BudgetRow, draft?: ActionDraft): string {
  const { role } = viewer.user;
  const forms = STATUS_ACTIONS.filter((a) => mayTake(role, a) && allowedFrom(a, budget.status)).map((a) =>
    actionForm(viewer, budget, a, draft),
  );
  if (mayTake(role, "upload") && allowedFrom("upload", budget.status)) {
    forms.push(uploadForm(viewer, { baseVersion: budget.head }));
  }
  if (forms.length === 0) {
    return `<p class="empty">预算${STATUS_NAMES[budget.status]}，你现在没有可执行的操作。</p>`;
  }
  return `<div class="action-forms">\n${forms.join("\n")}\n</div>`;
}
