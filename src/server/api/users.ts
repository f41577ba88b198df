/** Accounts (admins only). */
import type { FastifyInstance } from "fastify";
import { listUsers } from "../../store/users.ts";
import { type AccountInput, createAccount, publicUser } from "../accounts.ts";
import { requireUser } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { accountBody } from "./schemas.ts";

export function registerUserRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get("/api/v1/users", { schema: { tags: ["users"], summary: "List accounts (admin)" } }, async (request) => {
    requireUser(request, "admin");
    return { users: (await listUsers(context.store.db)).map(publicUser) };
  });
  app.post<{ Body: AccountInput }>(
    "/api/v1/users",
    { schema: { tags: ["users"], summary: "Create an account (admin)", body: accountBody } },
    async (request, reply) => {
      const admin = requireUser(request, "admin");
      const user = await createAccount(context, admin, request.body);
      reply.status(201);
      return { user: publicUser(user) };
    },
  );
}
