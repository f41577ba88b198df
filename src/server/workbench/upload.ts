/**
 * Uploading a file from the workbench: on success, on to the budget's page to see what validation found; when the
 * file is refused (unreadable 422, another department 403, stale version 409, too large 413) the dashboard again,
 * with that status and a message saying why, so the user can pick another file.
 */
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { t } from "../i18n.ts";
import { uploadBudget } from "../operations.ts";
import { integerField, readUpload } from "../upload.ts";
import { dashboardBody } from "./dashboard.ts";
import { errorFlash, sendPage, userError, viewerOf } from "./respond.ts";

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export function registerUpload(app: FastifyInstance, context: ServerContext): void {
  app.post("/workbench/upload", async (request, reply) => {
    const viewer = viewerOf(request);
    try {
      const upload = await readUpload(request);
      const { budget } = await uploadBudget(context, viewer.user, upload.fileName, upload.bytes, {
        baseVersion: integerField(upload.fields.baseVersion, "baseVersion"),
        template: upload.fields.template || "auto",
      });
      return reply.redirect(`/workbench/budgets/${budget.id}?done=uploaded`, 303);
    } catch (error) {
      const { lang } = viewer;
      const problem = userError(error, lang);
      const message =
        problem.status === 409 && problem.head !== undefined
          ? t(lang, "upload.exists", { head: problem.head })
          : problem.status === 413
            ? t(lang, "upload.tooLarge", { size: sizeText(context.maxUploadBytes) })
            : problem.message;
      const body = await dashboardBody(context, viewer, errorFlash(message));
      return sendPage(reply, viewer, t(lang, "site.workbench"), body, problem.status);
    }
  });
}
