/** Signing in and out; the response gives the CSRF token that later writes must send. */
import type { FastifyInstance } from "fastify";
import { publicUser } from "../accounts.ts";
import { logIn, logOut, requireUser } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { loginBody } from "./schemas.ts";

export function registerSessionRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    "/api/v1/session",
    { schema: { tags: ["session"], summary: "Sign in", body: loginBody }, config: { login: true } },
    async (request, reply) => {
      const { username, password } = request.body;
      const session = await logIn(context.store, context, request, reply, username, password);
      return { user: publicUser(session.user), csrfToken: session.csrfToken };
    },
  );
  app.get("/api/v1/session", { schema: { tags: ["session"], summary: "Who is signed in" } }, async (request) => {
    const user = requireUser(request);
    return { user: publicUser(user), csrfToken: request.viewer?.csrfToken };
  });
  app.delete("/api/v1/session", { schema: { tags: ["session"], summary: "Sign out" } }, async (request, reply) => {
    await logOut(context.store, request, reply);
    return { ok: true };
  });
}
