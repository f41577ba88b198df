/**
 * The workbench: sign-in, then the pages where preparers upload and edit, reviewers comment, return and approve, and
 * admins publish and manage accounts. Everything but sign-in lives in one scope whose hook sends an anonymous
 * visitor to the sign-in page (the CSRF check on every POST is the app-wide hook in auth.ts).
 */
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { registerBudgetForms } from "./budget-forms.ts";
import { registerBudgetPage } from "./budget-page.ts";
import { registerDashboard } from "./dashboard.ts";
import { registerLoginPages } from "./login.ts";
import { redirectAnonymous } from "./respond.ts";
import { registerUpload } from "./upload.ts";
import { registerUserPages } from "./users.ts";
import { registerVersionPages } from "./versions.ts";

export function registerWorkbench(app: FastifyInstance, context: ServerContext): void {
  registerLoginPages(app, context);
  app.register(async (scope) => {
    scope.addHook("onRequest", redirectAnonymous);
    registerDashboard(scope, context);
    registerUpload(scope, context);
    registerBudgetPage(scope, context);
    registerBudgetForms(scope, context);
    registerVersionPages(scope, context);
    registerUserPages(scope, context);
  });
}
