/**
 * What people do with budgets — upload, edit the narrative, submit, return, approve, publish, comment — each checked
 * against the workflow and the user's department, then stored. The API and the workbench both call these.
 */
import { validate } from "../rules/index.ts";
import { changeStatus, getVersion } from "../store/budgets.ts";
import { addComment } from "../store/comments.ts";
import type { User } from "../store/schema.ts";
import { getDepartment } from "../store/users.ts";
import { checkAction, visibleBudget } from "./access.ts";
import type { ServerContext } from "./context.ts";
import { forbidden, HttpError, notFound } from "./http-error.ts";
import { ingest } from "./ingest.ts";
import { applyEdits, MAX_TEXT, type NarrativeEdits } from "./narrative-edits.ts";
import { publishBudget } from "./publishing.ts";
import { budgetKey, parseDocument, saveVersion } from "./versions.ts";

export interface UploadOptions {
  baseVersion?: number;
  template?: string;
}

export async function uploadBudget(
  context: ServerContext,
  user: User,
  fileName: string,
  bytes: Uint8Array,
  options: UploadOptions = {},
) {
  checkAction(user, "upload");
  const ingested = await ingest(fileName, bytes, options.template);
  // Checked before the department is looked up, which would create it: a refused upload leaves nothing behind.
  const own = user.role === "preparer" ? await getDepartment(context.store.db, user.department_id ?? 0) : undefined;
  if (user.role === "preparer" && own?.name !== ingested.doc.department) {
    throw forbidden("error.ownDepartmentOnly", { department: ingested.doc.department });
  }
  const key = await budgetKey(context.store, ingested.doc);
  const saved = await saveVersion(
    context.store,
    key,
    "upload",
    options.baseVersion,
    user.id,
    ingested.doc,
    ingested.diagnostics,
    `上传 ${fileName}`,
  );
  return { ...saved, ingested };
}

export async function editNarrative(
  context: ServerContext,
  user: User,
  budgetId: number,
  baseVersion: number,
  edits: NarrativeEdits,
) {
  checkAction(user, "edit");
  const budget = await visibleBudget(context, user, budgetId);
  const current = await getVersion(context.store.db, budget.id, budget.head);
  if (!current) throw notFound("notFound.version", { id: budgetId, number: budget.head });
  const doc = applyEdits(parseDocument(current), edits);
  const key = { departmentId: budget.department_id, year: budget.year, phase: budget.phase };
  return saveVersion(context.store, key, "edit", baseVersion, user.id, doc, validate(doc), "修改说明文字");
}

export type { NarrativeEdits };

export type StatusAction = "submit" | "return" | "approve" | "publish";

export async function takeAction(
  context: ServerContext,
  user: User,
  budgetId: number,
  action: StatusAction,
  baseVersion: number,
  comment = "",
) {
  checkAction(user, action);
  const budget = await visibleBudget(context, user, budgetId);
  if (action === "return" && !comment.trim()) throw new HttpError(422, "error.returnNeedsReason");
  if (action !== "publish") {
    return changeStatus(context.store.db, budget.id, action, user.id, comment.slice(0, MAX_TEXT), baseVersion);
  }
  const version = await getVersion(context.store.db, budget.id, baseVersion);
  if (!version) throw notFound("notFound.version", { id: budgetId, number: baseVersion });
  await publishBudget(context.store, budget.id, version, user.id);
  context.published.forget(budget.id);
  return visibleBudget(context, user, budgetId);
}

export interface CommentInput {
  tableId?: string;
  rowKey?: string;
  text: string;
}

export async function commentOn(context: ServerContext, user: User, budgetId: number, input: CommentInput) {
  const budget = await visibleBudget(context, user, budgetId);
  const text = input.text.trim();
  if (!text) throw new HttpError(422, "error.emptyComment");
  if (text.length > MAX_TEXT) throw new HttpError(422, "error.commentTooLong", { max: MAX_TEXT });
  return addComment(context.store.db, {
    budgetId: budget.id,
    versionNumber: budget.head,
    authorId: user.id,
    tableId: input.tableId?.slice(0, 20),
    rowKey: input.rowKey?.slice(0, 200),
    text,
  });
}
