/**
 * Comments on the budget page: under each table its own comments and a form to add one (on the whole table or on one
 * of its rows), and the comments on the budget as a whole at the end. A comment whose form was refused comes back
 * with its text, so nothing typed is lost.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { listComments } from "../../store/comments.ts";
import { t, tHtml } from "../i18n.ts";
import { formatTime, roleName } from "./labels.ts";
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

function commentItem(lang: Lang, comment: CommentRow, rowLabels: ReadonlyMap<string, string>): string {
  const row = comment.row_key ? (rowLabels.get(comment.row_key) ?? comment.row_key) : "";
  const meta = tHtml(lang, "comments.meta", {
    author: rawHtml(`<strong>${escapeHtml(comment.author)}</strong>`),
    role: roleName(lang, comment.authorRole),
    time: rawHtml(formatTime(comment.created_at)),
    number: comment.version_number,
  });
  return `<li class="comment">
<p class="comment-meta">${meta}${row ? escapeHtml(t(lang, "comments.row", { row })) : ""}</p>
<p class="comment-text">${escapeHtml(comment.text)}</p>
</li>`;
}

function commentForm(viewer: Viewer, budgetId: number, tableId: string, rows: RowChoice[], draft?: CommentDraft) {
  const { lang } = viewer;
  const mine = draft && draft.tableId === tableId ? draft : undefined;
  const options = rows.map(
    (r) =>
      `<option value="${escapeHtml(r.key)}"${mine?.rowKey === r.key ? " selected" : ""}>${escapeHtml(r.label)}</option>`,
  );
  const rowSelect =
    rows.length > 0
      ? `<label>${escapeHtml(t(lang, "comments.target"))} <select name="rowKey"><option value="">${escapeHtml(t(lang, "comments.wholeTable"))}</option>${options.join("")}</select></label>`
      : "";
  return `<form class="stack comment-form" method="post" action="/workbench/budgets/${budgetId}/comments">
${csrfField(viewer)}<input type="hidden" name="tableId" value="${escapeHtml(tableId)}">
${rowSelect}
<label>${escapeHtml(t(lang, "comments.text"))} <textarea name="text" rows="3" required maxlength="20000">\n${escapeHtml(mine?.text ?? "")}</textarea></label>
<button type="submit">${escapeHtml(t(lang, "comments.submit"))}</button>
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
  const heading = t(viewer.lang, tableId ? "comments.table" : "comments.general", { count: own.length });
  return `<div class="comments" id="${escapeHtml(commentsAnchor(tableId))}">
<h3>${escapeHtml(heading)}</h3>
${own.length > 0 ? `<ol class="comment-list">\n${own.map((c) => commentItem(viewer.lang, c, labels)).join("\n")}\n</ol>` : ""}
${commentForm(viewer, budgetId, tableId, rows, draft)}
</div>`;
}
