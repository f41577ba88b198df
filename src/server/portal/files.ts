/**
 * A published budget's files at /budgets/:id/<path>: the budget book, PDF, workbook, CSV and open data exactly as
 * rendered when it was published. The content hash is the ETag, so a browser revalidates for free.
 */
import { extname } from "node:path";
import type { FastifyInstance } from "fastify";
import { listPublished } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".svg": "image/svg+xml",
};

export function registerPublishedFiles(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string; "*": string } }>("/budgets/:id/*", async (request, reply) => {
    const id = Number(request.params.id);
    const path = request.params["*"] || "index.html";
    if (!Number.isSafeInteger(id) || path.includes("..")) throw notFound(request.url);
    const [published] = await listPublished(context.store.db, id);
    if (!published) throw notFound(`已公开预算 ${request.params.id}`);
    const etag = `"${published.hash.slice(0, 32)}-${published.versionNumber}"`;
    if (request.headers["if-none-match"] === etag) return reply.status(304).send();
    const content = await context.published.get(published.versionId, path);
    if (!content) throw notFound(request.url);
    return reply
      .header("etag", etag)
      .header("cache-control", "public, max-age=300")
      .type(CONTENT_TYPES[extname(path)] ?? "application/octet-stream")
      .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  });
  app.get<{ Params: { id: string } }>("/budgets/:id", async (request, reply) =>
    reply.redirect(`/budgets/${encodeURIComponent(request.params.id)}/`),
  );
}
