/** Signing in and out with a form; after signing in, on to the workbench (or the page that asked for it). */
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../../render/html/escape.ts";
import { logIn, logOut } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../http-error.ts";
import { serverPage } from "../views/page.ts";

const safeNext = (next: unknown) =>
  typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/workbench";

function loginForm(next: string, error?: string): string {
  return `<h1>登录工作台</h1>
${error ? `<p class="flash error" role="alert">${escapeHtml(error)}</p>` : ""}
<form class="stack" method="post" action="/login">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label>用户名 <input name="username" autocomplete="username" required maxlength="64"></label>
<label>密码 <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
<button class="primary" type="submit">登录</button>
</form>`;
}

export function registerLoginPages(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Querystring: { next?: string } }>("/login", async (request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .send(serverPage({ title: "登录", body: loginForm(safeNext(request.query.next)), user: request.viewer?.user })),
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
        return reply
          .type("text/html; charset=utf-8")
          .send(serverPage({ title: "登录", body: loginForm(safeNext(next), error.message) }));
      }
    },
  );
  app.post("/logout", async (request, reply) => {
    await logOut(context.store, request, reply);
    return reply.redirect("/", 303);
  });
}
