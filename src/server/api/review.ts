/** The review workflow: submit, return, approve, publish, and comments on a budget, table or row. */
import type { FastifyInstance } from "fastify";
import { listComments } from "../../store/comments.ts";
import { visibleBudget } from "../access.ts";
import { requireUser } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { type CommentInput, commentOn, type StatusAction, takeAction } from "../operations.ts";
import { actionBody, commentBody, idParams } from "./schemas.ts";

const ACTIONS: StatusAction[] = ["submit", "return", "approve", "publish"];

export function registerReviewRoutes(app: FastifyInstance, context: ServerContext): void {
  for (const action of ACTIONS) {
    app.post<{ Params: { id: number }; Body: { baseVersion: number; comment?: string } }>(
      `/api/v1/budgets/:id/${action}`,
      {
        schema: {
          tags: ["review"],
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} the budget's newest version`,
          params: idParams,
          body: actionBody,
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { baseVersion, comment } = request.body;
        return { budget: await takeAction(context, user, request.params.id, action, baseVersion, comment) };
      },
    );
  }

  app.get<{ Params: { id: number } }>(
    "/api/v1/budgets/:id/comments",
    { schema: { tags: ["review"], summary: "Comments on a budget", params: idParams } },
    async (request) => {
      const budget = await visibleBudget(context, requireUser(request), request.params.id);
      return { comments: await listComments(context.store.db, budget.id) };
    },
  );

  app.post<{ Params: { id: number }; Body: CommentInput }>(
    "/api/v1/budgets/:id/comments",
    {
      schema: {
        tags: ["review"],
        summary: "Comment on a budget, a table or a row",
        params: idParams,
        body: commentBody,
      },
    },
    async (request, reply) => {
      const comment = await commentOn(context, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { comment };
    },
  );
}
