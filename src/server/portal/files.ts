/**
 * A published budget's files at /budgets/:id/<path>: the budget book, PDF, workbook, CSV and open data exactly as
 * rendered when it was published, the book's pages with the portal's bar added (banner.ts). The content hash is the
 * ETag, so a browser revalidates for free; the pages with the bar are made once per version and kept in memory,
 * since a published version never changes. Only paths the version has reach the caches. The bar is in the reader's
 * language, so a page is kept per language and its ETag says which.
 */
import { extname } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Lang } from "../../i18n.ts";
import { getPublishedFile, type PublishedBudget } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { Memo } from "../memo.ts";
import { BANNER_REVISION, injectBanner, portalBanner } from "./banner.ts";
import { serverLinks } from "./links.ts";
import { PublishedPaths } from "./published-paths.ts";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".svg": "image/svg+xml",
};

/** `If-None-Match` may list several tags, weak or strong; any one equal to ours means the copy is current. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function registerPublishedFiles(app: FastifyInstance, context: ServerContext): void {
  const paths = new PublishedPaths(context.store.db);
  const pages = new Memo<Buffer>(64 * 1024 * 1024, (page) => page.length);

  /** A book page with the bar; read past the PublishedCache so that the page is not held in memory twice. */
  const bookPage = (published: PublishedBudget, path: string, lang: Lang) =>
    pages.getOrMake(`${lang}/${published.versionId}/${path}`, async () => {
      const raw = (await getPublishedFile(context.store.db, published.versionId, path)) ?? new Uint8Array();
      const html = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8");
      return Buffer.from(injectBanner(html, portalBanner(published, serverLinks, lang)));
    });

  app.get<{ Params: { id: string; "*": string } }>("/budgets/:id/*", async (request, reply) => {
    const path = request.params["*"] || "index.html";
    const { lang } = request;
    const missing = () => notFound("notFound.page", { url: request.url });
    if (!/^\d{1,12}$/.test(request.params.id) || path.includes("..")) throw missing();
    const published = await context.published.budget(Number(request.params.id));
    if (!published) throw notFound("notFound.published", { id: request.params.id });
    const html = extname(path) === ".html";
    // The Chinese bar keeps the tag it always had; another language's bar is another variant of the page.
    const variant = html ? `-${BANNER_REVISION}${lang === "zh" ? "" : `-${lang}`}` : "";
    const etag = `"${published.hash.slice(0, 32)}-${published.versionNumber}${variant}"`;
    const cached = { etag, "cache-control": "public, max-age=300" };
    if (!(await paths.has(published.versionId, path))) throw missing();
    if (matches(request.headers["if-none-match"], etag)) return reply.status(304).headers(cached).send();
    const content = html
      ? await bookPage(published, path, lang)
      : await context.published.get(published.versionId, path);
    if (!content) throw missing();
    return reply
      .headers(cached)
      .type(CONTENT_TYPES[extname(path)] ?? "application/octet-stream")
      .send(Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  });
  app.get<{ Params: { id: string } }>("/budgets/:id", async (request, reply) =>
    reply.redirect(`/budgets/${encodeURIComponent(request.params.id)}/`),
  );
}
