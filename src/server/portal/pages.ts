/**
 * The portal's own pages: the front page, a department's page, search and compare. Anyone may read them; they
 * show only published budgets. The pages themselves live one concept a file (home.ts, department.ts, search.ts,
 * compare-page.ts) and are written against PortalLinks, so that export.ts writes the same pages as static files.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { escapeHtml } from "../../render/html/escape.ts";
import { listPublished, searchPublished } from "../../store/published.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { t } from "../i18n.ts";
import { localeOf } from "../language.ts";
import { serverPage } from "../views/page.ts";
import { Comparisons, compareForm, latestPair } from "./compare-page.ts";
import { departmentBody } from "./department.ts";
import { PublishedDocuments } from "./documents.ts";
import { homeBody } from "./home.ts";
import { serverLinks } from "./links.ts";
import { MAX_HITS, normaliseQuery, searchBody } from "./search.ts";
import { queryAmounts } from "./search-entries.ts";

const send = (request: FastifyRequest, reply: FastifyReply, title: string, body: string) =>
  reply
    .type("text/html; charset=utf-8")
    .send(serverPage({ title, body, user: request.viewer?.user, ...localeOf(request) }));

/** An id from the query string or path: digits only, else the page does not exist (`missing` says what is not). */
function idOf(text: unknown, missing: string): number | undefined {
  if (text === undefined || text === "") return undefined;
  if (typeof text !== "string" || !/^\d{1,12}$/.test(text)) throw notFound(missing, { id: String(text) });
  return Number(text);
}

export function registerPortalPages(app: FastifyInstance, context: ServerContext): void {
  const { db } = context.store;
  const documents = new PublishedDocuments(db);
  const comparisons = new Comparisons(documents);

  app.get("/", async (request, reply) => {
    const body = homeBody(request.lang, await listPublished(db), serverLinks);
    return send(request, reply, t(request.lang, "site.home"), body);
  });

  app.get<{ Params: { id: string } }>("/departments/:id", async (request, reply) => {
    const id = idOf(request.params.id, "notFound.department");
    const budgets = (await listPublished(db)).filter((p) => p.departmentId === id);
    // A department with nothing published is not public: the same answer as one that does not exist.
    if (budgets.length === 0) throw notFound("notFound.department", { id: request.params.id });
    const columns = await Promise.all(
      budgets.map(async (budget) => ({ budget, figures: await documents.keyFigures(budget) })),
    );
    const title = budgets[0]?.department ?? "";
    return send(request, reply, title, departmentBody(request.lang, columns, serverLinks));
  });

  app.get<{ Querystring: { q?: unknown } }>("/search", async (request, reply) => {
    const { lang } = request;
    const query = normaliseQuery(request.query.q);
    const amounts = queryAmounts(query);
    const hits = query ? await searchPublished(db, query, amounts, MAX_HITS) : [];
    const title = query ? t(lang, "search.pageTitle", { query }) : t(lang, "site.search");
    return send(request, reply, title, searchBody(lang, query, hits, amounts, serverLinks));
  });

  app.get<{ Querystring: { a?: unknown; b?: unknown; department?: unknown } }>("/compare", async (request, reply) => {
    const { lang } = request;
    const published = await listPublished(db);
    const find = (raw: unknown) => {
      const id = idOf(raw, "notFound.published");
      if (id === undefined) return undefined;
      const found = published.find((p) => p.budgetId === id);
      if (!found) throw notFound("notFound.published", { id });
      return found;
    };
    let [a, b] = [find(request.query.a), find(request.query.b)];
    const department = idOf(request.query.department, "notFound.department");
    if (department !== undefined && !a && !b) {
      [a, b] = latestPair(published, department) ?? [];
      if (!a) throw notFound("notFound.departmentPublished", { id: department });
    }
    const body =
      a && b
        ? await comparisons.body(lang, a, b, serverLinks)
        : `<p class="portal-hint">${escapeHtml(t(lang, "comparePage.hint"))}</p>`;
    const title = t(lang, "comparePage.title");
    return send(request, reply, title, `<h1>${escapeHtml(title)}</h1>\n${compareForm(lang, published, a, b)}\n${body}`);
  });
}
