/** Signing in and out with a form; after signing in, on to the workbench (or the page that asked for it). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { logIn, logOut } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../http-error.ts";
import { t } from "../i18n.ts";
import { localeOf } from "../language.ts";
import { serverPage } from "../views/page.ts";

const safeNext = (next: unknown) =>
  typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/workbench";

function loginForm(lang: Lang, next: string, error?: string): string {
  const word = (key: string) => escapeHtml(t(lang, key));
  return `<h1>${word("login.title")}</h1>
${error ? `<p class="flash error" role="alert">${escapeHtml(error)}</p>` : ""}
<form class="stack" method="post" action="/login">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label>${word("login.username")} <input name="username" autocomplete="username" required maxlength="64"></label>
<label>${word("login.password")} <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
<button class="primary" type="submit">${word("site.signIn")}</button>
</form>`;
}

function sendLogin(request: FastifyRequest, reply: FastifyReply, next: string, error?: string) {
  const title = t(request.lang, "site.signIn");
  const body = loginForm(request.lang, next, error);
  return reply
    .type("text/html; charset=utf-8")
    .send(serverPage({ title, body, user: request.viewer?.user, ...localeOf(request) }));
}

export function registerLoginPages(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Querystring: { next?: string } }>("/login", async (request, reply) =>
    sendLogin(request, reply, safeNext(request.query.next)),
  );
  app.post<{ Body: { username?: string; password?: string; next?: string } }>(
    "/login",
    { config: { login: true } },
    async (request, reply) => {
      const { username = "", password = "", next } = request.body ?? {};
      try {
        await logIn(context.store, context, request, reply, String(username), String(password));
        return reply.redirect(safeNext(next), 303);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        reply.status(error.status);
        return sendLogin(request, reply, safeNext(next), error.text(request.lang));
      }
    },
  );
  app.post("/logout", async (request, reply) => {
    await logOut(context.store, request, reply);
    return reply.redirect("/", 303);
  });
}
