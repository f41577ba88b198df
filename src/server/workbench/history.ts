/**
 * A budget's history on its page: every version (who, when, why, what validation found, its hash, and a link to
 * what changed from the one before) and every step of the review with its comment.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { listEvents, listVersions } from "../../store/budgets.ts";
import { t, tHtml } from "../i18n.ts";
import { actionName, findingCounts, formatTime, shortHash, statusName, versionName } from "./labels.ts";

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export const versionPath = (budgetId: number, number: number) => `/workbench/budgets/${budgetId}/versions/${number}`;

const COLUMNS = [
  "history.version",
  "history.author",
  "history.time",
  "history.note",
  "history.check",
  "history.diff",
  "history.hash",
];

function changeCount(changes: string): number {
  try {
    const list = JSON.parse(changes);
    return Array.isArray(list) ? list.length : 0;
  } catch {
    return 0;
  }
}

function changesText(lang: Lang, v: VersionRow): string {
  const count = changeCount(v.changes);
  if (v.number === 1) return t(lang, "history.first");
  return count === 0 ? t(lang, "history.unchanged") : t(lang, "history.changes", { count });
}

function versionTable(lang: Lang, budgetId: number, versions: VersionRow[], publishedVersion: number | null): string {
  const badge = ` <span class="status status-published">${escapeHtml(statusName(lang, "published"))}</span>`;
  const rows = versions.map((v) => {
    const path = versionPath(budgetId, v.number);
    return `<tr>
<td><a href="${path}">${escapeHtml(versionName(lang, v.number))}</a>${v.number === publishedVersion ? badge : ""}</td>
<td>${escapeHtml(v.author)}</td>
<td>${formatTime(v.created_at)}</td>
<td>${escapeHtml(v.note)}</td>
<td>${findingCounts(lang, v.errors, v.warnings)}</td>
<td><a href="${path}">${escapeHtml(changesText(lang, v))}</a></td>
<td>${shortHash(v.hash)}</td>
</tr>`;
  });
  const head = COLUMNS.map((key) => `<th scope="col">${escapeHtml(t(lang, key))}</th>`).join("");
  return `<div class="table-scroll"><table class="wb-table">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}

function eventList(lang: Lang, events: EventRow[]): string {
  if (events.length === 0) return "";
  const items = events.map((e) => {
    const step = tHtml(lang, "history.event", {
      time: rawHtml(formatTime(e.created_at)),
      actor: rawHtml(`<strong>${escapeHtml(e.actor)}</strong>`),
      action: actionName(lang, e.action),
      number: e.version_number,
    });
    const comment = e.comment
      ? tHtml(lang, "history.comment", {
          comment: rawHtml(`<span class="event-comment">${escapeHtml(e.comment)}</span>`),
        })
      : "";
    return `<li>${step}${comment}</li>`;
  });
  return `<h3>${escapeHtml(t(lang, "history.events"))}</h3>\n<ol class="event-list" reversed>\n${items.join("\n")}\n</ol>`;
}

export function historySection(
  lang: Lang,
  budgetId: number,
  versions: VersionRow[],
  events: EventRow[],
  publishedVersion: number | null,
): string {
  return `<section id="history" aria-labelledby="history-title">
<h2 id="history-title">${escapeHtml(t(lang, "budgetPage.history"))}</h2>
${versionTable(lang, budgetId, versions, publishedVersion)}
${eventList(lang, events)}
</section>`;
}
