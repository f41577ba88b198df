/**
 * A budget's history on its page: every version (who, when, why, what validation found, its hash, and a link to
 * what changed from the one before) and every step of the review with its comment.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import type { listEvents, listVersions } from "../../store/budgets.ts";
import { ACTION_NAMES, findingCounts, formatTime, shortHash } from "./labels.ts";

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export const versionPath = (budgetId: number, number: number) => `/workbench/budgets/${budgetId}/versions/${number}`;

function changeCount(changes: string): number {
  try {
    const list = JSON.parse(changes);
    return Array.isArray(list) ? list.length : 0;
  } catch {
    return 0;
  }
}

function versionTable(budgetId: number, versions: VersionRow[], publishedVersion: number | null): string {
  const rows = versions.map((v) => {
    const count = changeCount(v.changes);
    const changes = v.number === 1 ? "首个版本" : count === 0 ? "无变更" : `${count} 处变更`;
    const published = v.number === publishedVersion ? ' <span class="status status-published">已公开</span>' : "";
    return `<tr>
<td><a href="${versionPath(budgetId, v.number)}">第 ${v.number} 版</a>${published}</td>
<td>${escapeHtml(v.author)}</td>
<td>${formatTime(v.created_at)}</td>
<td>${escapeHtml(v.note)}</td>
<td>${findingCounts(v.errors, v.warnings)}</td>
<td><a href="${versionPath(budgetId, v.number)}">${changes}</a></td>
<td>${shortHash(v.hash)}</td>
</tr>`;
  });
  return `<div class="table-scroll"><table class="wb-table">
<thead><tr><th scope="col">版本</th><th scope="col">作者</th><th scope="col">时间</th><th scope="col">说明</th><th scope="col">校验</th><th scope="col">与上一版相比</th><th scope="col">内容哈希</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}

function eventList(events: EventRow[]): string {
  if (events.length === 0) return "";
  const items = events.map(
    (e) =>
      `<li>${formatTime(e.created_at)} <strong>${escapeHtml(e.actor)}</strong> ${escapeHtml(ACTION_NAMES[e.action] ?? e.action)}（第 ${e.version_number} 版）${e.comment ? `：<span class="event-comment">${escapeHtml(e.comment)}</span>` : ""}</li>`,
  );
  return `<h3>审核记录</h3>\n<ol class="event-list" reversed>\n${items.join("\n")}\n</ol>`;
}

export function historySection(
  budgetId: number,
  versions: VersionRow[],
  events: EventRow[],
  publishedVersion: number | null,
): string {
  return `<section id="history" aria-labelledby="history-title">
<h2 id="history-title">版本历史</h2>
${versionTable(budgetId, versions, publishedVersion)}
${eventList(events)}
</section>`;
}
