/**
 * The workflow buttons of a budget page: only the actions this user's role may take from the budget's status
 * (data/workflow.yaml), each a small form that names the head version it acts on, so that a submission, approval or
 * publication always concerns the version the user was looking at. A return needs a reason.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import type { BudgetRow } from "../../store/budgets.ts";
import { allowedFrom, mayTake } from "../../store/workflow.ts";
import { t } from "../i18n.ts";
import type { StatusAction } from "../operations.ts";
import { statusName } from "./labels.ts";
import { csrfField, type Viewer } from "./respond.ts";
import { uploadForm } from "./upload-form.ts";

export const STATUS_ACTIONS: StatusAction[] = ["submit", "return", "approve", "publish"];

export interface ActionDraft {
  action: string;
  comment: string;
}

/** Each action's comment field: its label and how it is asked for (publishing takes none). */
const COMMENTS: Record<StatusAction, { label: string; attributes: string } | undefined> = {
  submit: { label: "workflow.submitNote", attributes: 'rows="2"' },
  return: { label: "workflow.returnReason", attributes: 'rows="3" required' },
  approve: { label: "workflow.approveNote", attributes: 'rows="2"' },
  publish: undefined,
};

function actionForm(viewer: Viewer, budget: BudgetRow, action: StatusAction, draft?: ActionDraft): string {
  const { lang } = viewer;
  const typed = draft?.action === action ? draft.comment : "";
  const field = COMMENTS[action];
  const comment = field
    ? `<label>${escapeHtml(t(lang, field.label))}<textarea name="comment" ${field.attributes} maxlength="20000">\n${escapeHtml(typed)}</textarea></label>`
    : "";
  const button = t(lang, `workflow.${action}`, { number: budget.head });
  return `<form class="stack action-form action-${action}" method="post" action="/workbench/budgets/${budget.id}/${action}">
${csrfField(viewer)}<input type="hidden" name="baseVersion" value="${budget.head}">
${comment}
<button class="${action === "return" ? "" : "primary"}" type="submit">${escapeHtml(button)}</button>
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
    const status = statusName(viewer.lang, budget.status);
    return `<p class="empty">${escapeHtml(t(viewer.lang, "workflow.nothing", { status }))}</p>`;
  }
  return `<div class="action-forms">\n${forms.join("\n")}\n</div>`;
}
