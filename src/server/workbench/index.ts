/** The workbench: sign-in, the preparer's and reviewer's pages. */
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { registerLoginPages } from "./login.ts";

export function registerWorkbench(app: FastifyInstance, context: ServerContext): void {
  registerLoginPages(app, context);
}
