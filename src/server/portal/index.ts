/** The public portal: published budgets by department and year, their books and downloads, search, compare. */
import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import { registerPublishedFiles } from "./files.ts";
import { registerPortalPages } from "./pages.ts";

export function registerPortal(app: FastifyInstance, context: ServerContext): void {
  registerPublishedFiles(app, context);
  registerPortalPages(app, context);
}
