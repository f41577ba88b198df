/**
 * The forms of the budget page, handled: workflow actions, comments, narrative edits. Each calls the operation in
 * operations.ts (where every permission is checked) and redirects back with a flash code; a refusal re-renders the
 * page with the status, the message and what the user typed. A stale baseVersion is a 409: the narrative form then
 * comes back based on the newest version, holding only the fields this user changed, so saving again re-applies
 * exactly their edits.
 */
import type { FastifyInstance } from "fastify";
import { getVersion } from "../../store/budgets.ts";
import { visibleBudget } from "../access.ts";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../http-error.ts";
import { commentOn, editNarrative, takeAction } from "../operations.ts";
import { integerField } from "../upload.ts";
import { parseDocument } from "../versions.ts";
import { sendBudgetPage } from "./budget-page.ts";
import { commentsAnchor } from "./comments.ts";
import { editsFromFields } from "./narrative-form.ts";
import { formFields, idParam, userError, viewerOf } from "./respond.ts";
import { STATUS_ACTIONS } from "./workflow-forms.ts";

const DONE = { submit: "submitted", return: "returned", approve: "approved", publish: "published" } as const;

function baseVersionOf(fields: Record<string, string>): number {
  const base = integerField(fields.baseVersion, "baseVersion");
  if (base === undefined) throw new HttpError(422, "error.missingBaseVersion");
  return base;
}

type Params = { Params: { id: string } };

export function registerBudgetForms(app: FastifyInstance, context: ServerContext): void {
  for (const action of STATUS_ACTIONS) {
    app.post<Params>(`/workbench/budgets/:id/${action}`, async (request, reply) => {
      const viewer = viewerOf(request);
      const id = idParam(request.params.id);
      const fields = formFields(request.body);
      try {
        await takeAction(context, viewer.user, id, action, baseVersionOf(fields), fields.comment ?? "");
        return reply.redirect(`/workbench/budgets/${id}?done=${DONE[action]}`, 303);
      } catch (error) {
        const problem = userError(error, viewer.lang);
        const state = { error: problem, action: { action, comment: fields.comment ?? "" } };
        return sendBudgetPage(reply, context, viewer, id, state, problem.status);
      }
    });
  }

  app.post<Params>("/workbench/budgets/:id/comments", async (request, reply) => {
    const viewer = viewerOf(request);
    const id = idParam(request.params.id);
    const fields = formFields(request.body);
    const draft = { tableId: fields.tableId ?? "", rowKey: fields.rowKey ?? "", text: fields.text ?? "" };
    try {
      await commentOn(context, viewer.user, id, {
        tableId: draft.tableId || undefined,
        rowKey: draft.rowKey || undefined,
        text: draft.text,
      });
      const anchor = encodeURIComponent(commentsAnchor(draft.tableId));
      return reply.redirect(`/workbench/budgets/${id}?done=commented#${anchor}`, 303);
    } catch (error) {
      const problem = userError(error, viewer.lang);
      return sendBudgetPage(reply, context, viewer, id, { error: problem, comment: draft }, problem.status);
    }
  });

  app.post<Params>("/workbench/budgets/:id/narrative", async (request, reply) => {
    const viewer = viewerOf(request);
    const id = idParam(request.params.id);
    const fields = formFields(request.body);
    const base = baseVersionOf(fields);
    const budget = await visibleBudget(context, viewer.user, id);
    const baseVersion = await getVersion(context.store.db, budget.id, base);
    if (!baseVersion) throw new HttpError(422, "error.noVersion", { number: base });
    // Only what differs from the version the form showed is an edit; the rest is what the user saw, not typed.
    const { edits, changed } = editsFromFields(parseDocument(baseVersion), fields);
    if (edits.sections.length === 0 && edits.reasons.length === 0) {
      return reply.redirect(`/workbench/budgets/${id}?done=unchanged#narrative`, 303);
    }
    try {
      await editNarrative(context, viewer.user, id, base, edits);
      return reply.redirect(`/workbench/budgets/${id}?done=edited#narrative`, 303);
    } catch (error) {
      const problem = userError(error, viewer.lang);
      const rebased = problem.status === 409 ? (problem.head ?? budget.head) : base;
      const state = { error: problem, narrative: { fields: changed, baseVersion: rebased } };
      return sendBudgetPage(reply, context, viewer, id, state, problem.status);
    }
  });
}
