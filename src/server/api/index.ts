/** The REST API under /api/v1: JSON in and out, sessions by cookie, CSRF token in the `x-csrf-token` header. */
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { registerBudgetRoutes } from "./budgets.ts";
import { registerPublicRoutes } from "./public.ts";
import { registerReviewRoutes } from "./review.ts";
import { registerSessionRoutes } from "./session.ts";
import { registerUserRoutes } from "./users.ts";

export function registerApi(app: FastifyInstance, context: ServerContext): void {
  registerSessionRoutes(app, context);
  registerUserRoutes(app, context);
  registerBudgetRoutes(app, context);
  registerReviewRoutes(app, context);
  registerPublicRoutes(app, context);
}
