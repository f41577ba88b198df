/**
 * Comments on the budget page: under each table its own comments and a form to add one (on the whole table or on one
 * of its rows), and the comments on the budget as a whole at the end. A comment whose form was refused comes back
 * with its text, so nothing typed is lost.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import type { listComments } from "../../store/comments.ts";
import { formatTime, ROLE_NAMES } from "./labels.ts";
import { csrfField, type Viewer } from "./respond.ts";

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export interface CommentDraft {
  tableId: string;
  rowKey: string;
  text: string;
}

export interface RowChoice {
  key: string;
  label: string;
}

/** Where a comment's anchor is: `comments-T02`, or `comments-general` for the budget as a whole. */
export const commentsAnchor = (tableId: string) => `comments-${tableId || "general"}`;

function commentItem(comment: CommentRow, rowLabels: ReadonlyMap<string, string>): string {
  const row = comment.row_key ? (rowLabels.get(comment.row_key) ?? comment.row_key) : "";
  return `<li class="comment">
<p class="comment-meta"><strong>${escapeHtml(comment.author)}</strong>（${ROLE_NAMES[comment.authorRole] ?? ""}）${formatTime(comment.created_at)} · 第 ${comment.version_number} 版${row ? ` · 行：${escapeHtml(row)}` : ""}</p>
<p class="comment-text">${escapeHtml(comment.text)}</p>
</li>`;
}

function commentForm(viewer: Viewer, budgetId: number, tableId: string, rows: RowChoice[], draft?: CommentDraft) {
  const mine = draft && draft.tableId === tableId ? draft : undefined;
  const options = rows.map(
    (r) =>
      `<option value="${escapeHtml(r.key)}"${mine?.rowKey === r.key ? " selected" : ""}>${escapeHtml(r.label)}</option>`,
  );
  const rowSelect =
    rows.length > 0
      ? `<label>针对 <select name="rowKey"><option value="">整张表</option>${options.join("")}</select></label>`
      : "";
  return `<form class="stack comment-form" method="post" action="/workbench/budgets/${budgetId}/comments">
${csrfField(viewer)}<input type="hidden" name="tableId" value="${escapeHtml(tableId)}">
${rowSelect}
<label>意见 <textarea name="text" rows="3" required maxlength="20000">\n${escapeHtml(mine?.text ?? "")}</textarea></label>
<button type="submit">发表意见</button>
</form>`;
}

/** A table's comments (or, with tableId "", the budget's) and the form to add one. */
export function commentBlock(
  viewer: Viewer,
  budgetId: number,
  tableId: string,
  comments: CommentRow[],
  rows: RowChoice[],
  draft?: CommentDraft,
): string {
  const own = comments.filter((c) => c.table_id === tableId);
  const labels = new Map(rows.map((r) => [r.key, r.label]));
  const heading = tableId ? `对本表的意见（${own.length}）` : `总体意见（${own.length}）`;
  return `<div class="comments" id="${escapeHtml(commentsAnchor(tableId))}">
<h3>${escapeHtml(heading)}</h3>
${own.length > 0 ? `<ol class="comment-list">\n${own.map((c) => commentItem(c, labels)).join("\n")}\n</ol>` : ""}
${commentForm(viewer, budgetId, tableId, rows, draft)}
</div>`;
}
