/** The words the workbench shows for statuses, roles, actions, times and finding counts, in Chinese. */
import { escapeHtml } from "../../render/html/escape.ts";
import type { BudgetStatus, Role } from "../../store/schema.ts";

export const STATUS_NAMES: Record<BudgetStatus, string> = {
  draft: "草稿",
  submitted: "待审核",
  returned: "已退回",
  approved: "审核通过",
  published: "已公开",
};

export const ROLE_NAMES: Record<Role, string> = { admin: "管理员", reviewer: "审核人员", preparer: "编制人员" };

export const ACTION_NAMES: Record<string, string> = {
  upload: "上传",
  edit: "修改说明",
  submit: "提交审核",
  return: "退回修改",
  approve: "审核通过",
  publish: "公开",
};

export const statusBadge = (status: BudgetStatus) =>
  `<span class="status status-${status}">${STATUS_NAMES[status] ?? escapeHtml(status)}</span>`;

/** Stored times are UTC; people here read Beijing time (UTC+8, no daylight saving), so it is shown as that. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return escapeHtml(iso);
  const beijing = new Date(time.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
  return `<time datetime="${escapeHtml(iso)}">${beijing}</time>`;
}

/** A version's validation status: its error and warning counts, or that it passed. */
export function findingCounts(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return '<span class="check-ok">校验通过</span>';
  const parts = [
    errors > 0 ? `<span class="severity severity-error">错误 ${errors}</span>` : "",
    warnings > 0 ? `<span class="severity severity-warning">警告 ${warnings}</span>` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** A budget as people name it: 某部门 2021 年预算. */
export const budgetName = (b: { department: string; year: number; phase: string }) =>
  `${b.department} ${b.year} 年${b.phase}`;

/** A content hash, shortened for lists with the whole of it in the tooltip. */
export const shortHash = (hash: string) =>
  `<code class="hash" title="${escapeHtml(hash)}">${escapeHtml(hash.slice(0, 12))}…</code>`;
