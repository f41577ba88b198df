/** The portal's own pages (placeholder until the portal pages land): the list of published budgets. */
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../../render/html/escape.ts";
import { listPublished } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { serverPage } from "../views/page.ts";

export function registerPortalPages(app: FastifyInstance, context: ServerContext): void {
  app.get("/", async (request, reply) => {
    const published = await listPublished(context.store.db);
    const items = published.map(
      (p) =>
        `<li><a href="/budgets/${p.budgetId}/">${escapeHtml(p.department)} ${p.year} 年${escapeHtml(p.phase)}</a></li>`,
    );
    const body = `<h1>部门预算公开</h1>\n<ul>${items.join("\n")}</ul>`;
    return reply.type("text/html; charset=utf-8").send(serverPage({ title: "首页", body, user: request.viewer?.user }));
  });
}
