/**
 * The portal's own pages: the front page, a department's page, search and compare. Anyone may read them; they
 * show only published budgets. The pages themselves live one concept a file (home.ts, department.ts, search.ts,
 * compare-page.ts) and are written against PortalLinks, so that export.ts writes the same pages as static files.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listPublished, searchPublished } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { serverPage } from "../views/page.ts";
import { Comparisons, compareForm, latestPair } from "./compare-page.ts";
import { departmentBody } from "./department.ts";
import { PublishedDocuments } from "./documents.ts";
import { homeBody } from "./home.ts";
import { serverLinks } from "./links.ts";
import { MAX_HITS, normaliseQuery, searchBody } from "./search.ts";
import { queryAmounts } from "./search-entries.ts";

const send = (request: FastifyRequest, reply: FastifyReply, title: string, body: string) =>
  reply.type("text/html; charset=utf-8").send(serverPage({ title, body, user: request.viewer?.user }));

/** An id from the query string or path: digits only, else the page does not exist. */
function idOf(text: unknown, what: string): number | undefined {
  if (text === undefined || text === "") return undefined;
  if (typeof text !== "string" || !/^\d{1,12}$/.test(text)) throw notFound(what);
  return Number(text);
}

export function registerPortalPages(app: FastifyInstance, context: ServerContext): void {
  const { db } = context.store;
  const documents = new PublishedDocuments(db);
  const comparisons = new Comparisons(documents);

  app.get("/", async (request, reply) => send(request, reply, "首页", homeBody(await listPublished(db), serverLinks)));

  app.get<{ Params: { id: string } }>("/departments/:id", async (request, reply) => {
    const id = idOf(request.params.id, `部门 ${request.params.id}`);
    const budgets = (await listPublished(db)).filter((p) => p.departmentId === id);
    // A department with nothing published is not public: the same answer as one that does not exist.
    if (budgets.length === 0) throw notFound(`部门 ${request.params.id}`);
    const columns = await Promise.all(
      budgets.map(async (budget) => ({ budget, figures: await documents.keyFigures(budget) })),
    );
    return send(request, reply, budgets[0]?.department ?? "部门", departmentBody(columns, serverLinks));
  });

  app.get<{ Querystring: { q?: unknown } }>("/search", async (request, reply) => {
    const query = normaliseQuery(request.query.q);
    const amounts = queryAmounts(query);
    const hits = query ? await searchPublished(db, query, amounts, MAX_HITS) : [];
    return send(request, reply, query ? `搜索：${query}` : "搜索", searchBody(query, hits, amounts, serverLinks));
  });

  app.get<{ Querystring: { a?: unknown; b?: unknown; department?: unknown } }>("/compare", async (request, reply) => {
    const published = await listPublished(db);
    const find = (raw: unknown, what: string) => {
      const id = idOf(raw, what);
      if (id === undefined) return undefined;
      const found = published.find((p) => p.budgetId === id);
      if (!found) throw notFound(`已公开预算 ${id}`);
      return found;
    };
    let [a, b] = [find(request.query.a, "对比基准"), find(request.query.b, "对比对象")];
    const department = idOf(request.query.department, "部门");
    if (department !== undefined && !a && !b) {
      [a, b] = latestPair(published, department) ?? [];
      if (!a) throw notFound(`部门 ${department} 的已公开预算`);
    }
    const body =
      a && b
        ? await comparisons.body(a, b, serverLinks)
        : '<p class="portal-hint">选择两份已公开的预算进行对比：同一部门的两个年度，或两个部门。</p>';
    return send(request, reply, "预算对比", `<h1>预算对比</h1>\n${compareForm(published, a, b)}\n${body}`);
  });
}
