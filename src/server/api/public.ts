/** What anyone may read: published budgets, their documents, and search across them. */
import type { FastifyInstance } from "fastify";
import { listPublished, searchPublished } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { queryAmounts } from "../portal/search-entries.ts";
import { idParams } from "./schemas.ts";

export function registerPublicRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context.store;

  app.get("/api/v1/published", { schema: { tags: ["public"], summary: "Published budgets" } }, async () => ({
    budgets: await listPublished(db),
  }));

  app.get<{ Params: { id: number } }>(
    "/api/v1/published/:id",
    { schema: { tags: ["public"], summary: "A published budget's document and content hash", params: idParams } },
    async (request) => {
      const published = await context.published.budget(request.params.id);
      if (!published) throw notFound("notFound.published", { id: request.params.id });
      const json = await context.published.get(published.versionId, "budget.json");
      return { ...published, document: json ? JSON.parse(new TextDecoder().decode(json)) : null };
    },
  );

  app.get<{ Querystring: { q: string } }>(
    "/api/v1/search",
    {
      schema: {
        tags: ["public"],
        summary: "Search published budgets: departments, units, projects, procurement items, amounts (万元 or 元)",
        querystring: {
          type: "object",
          required: ["q"],
          properties: { q: { type: "string", minLength: 1, maxLength: 100 } },
        },
      },
    },
    async (request) => {
      const q = request.query.q.trim();
      return { query: q, hits: await searchPublished(db, q, queryAmounts(q)) };
    },
  );
}
