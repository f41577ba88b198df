/**
 * The words the workbench shows for statuses, roles, actions, times and finding counts, in the viewer's language
 * (`status.*`, `role.*`, `action.*` in data/messages/server.yaml).
 */
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { BudgetStatus, Role } from "../../store/schema.ts";
import { phaseName, SERVER_MESSAGES, t } from "../i18n.ts";

export const STATUSES: BudgetStatus[] = ["draft", "submitted", "returned", "approved", "published"];
export const ROLES: Role[] = ["admin", "reviewer", "preparer"];

/** A status, role or action the catalogue does not know (a newer store) is shown by its code. */
const named = (lang: Lang, group: string, code: string) =>
  SERVER_MESSAGES.has(`${group}.${code}`) ? t(lang, `${group}.${code}`) : code;

export const statusName = (lang: Lang, status: string) => named(lang, "status", status);
export const roleName = (lang: Lang, role: string) => named(lang, "role", role);
export const actionName = (lang: Lang, action: string) => named(lang, "action", action);

export const statusBadge = (lang: Lang, status: BudgetStatus) =>
  `<span class="status status-${escapeHtml(status)}">${escapeHtml(statusName(lang, status))}</span>`;

/** Stored times are UTC; people here read Beijing time (UTC+8, no daylight saving), so it is shown as that. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return escapeHtml(iso);
  const beijing = new Date(time.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
  return `<time datetime="${escapeHtml(iso)}">${beijing}</time>`;
}

/** A version's validation status: its error and warning counts, or that it passed. */
export function findingCounts(lang: Lang, errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return `<span class="check-ok">${escapeHtml(t(lang, "check.passed"))}</span>`;
  const parts = [
    errors > 0
      ? `<span class="severity severity-error">${escapeHtml(t(lang, "check.errors", { count: errors }))}</span>`
      : "",
    warnings > 0
      ? `<span class="severity severity-warning">${escapeHtml(t(lang, "check.warnings", { count: warnings }))}</span>`
      : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** A budget as people name it: 某部门 2021 年预算. */
export const budgetName = (lang: Lang, b: { department: string; year: number; phase: string }) =>
  t(lang, "budget.name", { department: b.department, year: b.year, phase: phaseName(lang, b.phase) });

/** A version as people name it: 第 2 版. */
export const versionName = (lang: Lang, number: number) => t(lang, "version.number", { number });

/** A content hash, shortened for lists with the whole of it in the tooltip. */
export const shortHash = (hash: string) =>
  `<code class="hash" title="${escapeHtml(hash)}">${escapeHtml(hash.slice(0, 12))}…</code>`;
