/** Budgets and their versions: upload, read, findings, changes, narrative edits. */
import type { FastifyInstance } from "fastify";
import { getVersion, listBudgets, listEvents, listVersions } from "../../store/budgets.ts";
import { listComments } from "../../store/comments.ts";
import { visibleBudget } from "../access.ts";
import { requireUser } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { editNarrative, type NarrativeEdits, uploadBudget } from "../operations.ts";
import { integerField, readUpload } from "../upload.ts";
import { idParams, narrativeBody, versionParams } from "./schemas.ts";

export function registerBudgetRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context.store;

  app.get(
    "/api/v1/budgets",
    { schema: { tags: ["budgets"], summary: "Budgets the user may see" } },
    async (request) => {
      const user = requireUser(request);
      const departmentId = user.role === "preparer" ? (user.department_id ?? -1) : undefined;
      return { budgets: await listBudgets(db, { departmentId }) };
    },
  );

  app.post(
    "/api/v1/budgets",
    {
      schema: {
        tags: ["budgets"],
        summary: "Upload a budget (PDF, XLSX, JSON or ledger workbook) as a new version",
        description:
          "multipart/form-data: `file`, optional `baseVersion` (required when the budget exists: the version it replaces) and `template` (auto or a layout id).",
        consumes: ["multipart/form-data"],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const upload = await readUpload(request);
      const result = await uploadBudget(context, user, upload.fileName, upload.bytes, {
        baseVersion: integerField(upload.fields.baseVersion, "baseVersion"),
        template: upload.fields.template || "auto",
      });
      reply.status(201);
      return {
        budget: result.budget,
        version: { number: result.version.number, hash: result.version.hash },
        read: { kind: result.ingested.kind, layout: result.ingested.layout },
        summary: { errors: result.version.errors, warnings: result.version.warnings },
        diagnostics: result.ingested.diagnostics,
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/budgets/:id",
    { schema: { tags: ["budgets"], summary: "A budget with its versions, events and comments", params: idParams } },
    async (request) => {
      const user = requireUser(request);
      const budget = await visibleBudget(context, user, request.params.id);
      const [versions, events, comments] = await Promise.all([
        listVersions(db, budget.id),
        listEvents(db, budget.id),
        listComments(db, budget.id),
      ]);
      return {
        budget,
        versions: versions.map(({ changes, ...v }) => ({ ...v, changes: JSON.parse(changes).length })),
        events,
        comments,
      };
    },
  );

  const version = async (user: Parameters<typeof visibleBudget>[1], id: number, number: number) => {
    const budget = await visibleBudget(context, user, id);
    const found = await getVersion(db, budget.id, number);
    if (!found) throw notFound("notFound.version", { id, number });
    return found;
  };

  app.get<{ Params: { id: number; number: number } }>(
    "/api/v1/budgets/:id/versions/:number",
    { schema: { tags: ["budgets"], summary: "A version's document", params: versionParams } },
    async (request) => {
      const found = await version(requireUser(request), request.params.id, request.params.number);
      const { document, changes: _changes, ...meta } = found;
      return { version: meta, document: JSON.parse(document) };
    },
  );

  app.get<{ Params: { id: number; number: number } }>(
    "/api/v1/budgets/:id/versions/:number/findings",
    { schema: { tags: ["budgets"], summary: "A version's validation findings", params: versionParams } },
    async (request) => {
      const found = await version(requireUser(request), request.params.id, request.params.number);
      const diagnostics = context.findings.of(found);
      return { summary: { errors: found.errors, warnings: found.warnings }, diagnostics };
    },
  );

  app.get<{ Params: { id: number; number: number } }>(
    "/api/v1/budgets/:id/versions/:number/changes",
    { schema: { tags: ["budgets"], summary: "What changed from the version before", params: versionParams } },
    async (request) => {
      const found = await version(requireUser(request), request.params.id, request.params.number);
      return { changes: JSON.parse(found.changes) };
    },
  );

  app.patch<{ Params: { id: number }; Body: NarrativeEdits & { baseVersion: number } }>(
    "/api/v1/budgets/:id/narrative",
    {
      schema: {
        tags: ["budgets"],
        summary: "Edit Part 3 texts and change reasons (a new version, based on baseVersion)",
        params: idParams,
        body: narrativeBody,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { baseVersion, ...edits } = request.body;
      const saved = await editNarrative(context, user, request.params.id, baseVersion, edits);
      return {
        budget: saved.budget,
        version: { number: saved.version.number, hash: saved.version.hash },
        summary: { errors: saved.version.errors, warnings: saved.version.warnings },
        changes: JSON.parse(saved.version.changes),
      };
    },
  );
}
