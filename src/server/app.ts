/**
 * The yusuan server: the REST API under /api/v1 (OpenAPI at /docs/json, interactive at /docs), the public portal at
 * /, and the workbench where departments prepare and reviewers check. One Fastify app over one store.
 */
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { Lang } from "../i18n.ts";
import { MAX_INPUT_BYTES } from "../import/open.ts";
import type { Store } from "../store/connect.ts";
import { ConflictError, NotFoundError } from "../store/errors.ts";
import { registerApi } from "./api/index.ts";
import { registerAuth } from "./auth.ts";
import type { ServerContext } from "./context.ts";
import { FindingsCache } from "./findings.ts";
import { HttpError } from "./http-error.ts";
import { t } from "./i18n.ts";
import { localeOf, registerLanguage } from "./language.ts";
import { registerPortal } from "./portal/index.ts";
import { PublishedCache } from "./publishing.ts";
import { LoginLimiter } from "./rate-limit.ts";
import { errorPage } from "./views/error-page.ts";
import { registerWorkbench } from "./workbench/index.ts";

export interface ServerOptions {
  secureCookies?: boolean;
  maxUploadBytes?: number;
  logger?: boolean;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  // Pages carry their own styles inline and need no script but the workbench's own; nothing from elsewhere.
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** The status and the message to answer an error with, in the request's language. */
function statusOf(error: unknown, lang: Lang): { status: number; message: string; details?: Record<string, unknown> } {
  if (error instanceof HttpError) return { status: error.status, message: error.text(lang), details: error.details };
  if (error instanceof ConflictError) {
    const message =
      error.head === undefined ? t(lang, "error.conflict") : t(lang, "error.conflictAt", { head: error.head });
    return { status: 409, message, details: { head: error.head } };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, message: t(lang, "notFound.store", { detail: error.message }) };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_REQ_FILE_TOO_LARGE" || fastifyError.statusCode === 413) {
    return { status: 413, message: t(lang, "error.fileTooLarge") };
  }
  // Fastify's own words (a schema violation, malformed JSON) say what was wrong with the request.
  if (fastifyError.validation || (fastifyError.statusCode && fastifyError.statusCode < 500)) {
    const status = fastifyError.validation ? 400 : (fastifyError.statusCode ?? 400);
    return { status, message: t(lang, "error.invalidRequest", { detail: fastifyError.message }) };
  }
  return { status: 500, message: t(lang, "error.internal") };
}

export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const context: ServerContext = {
    store,
    published: new PublishedCache(store),
    findings: new FindingsCache(),
    limiter: new LoginLimiter(),
    secureCookies: options.secureCookies ?? false,
    maxUploadBytes: options.maxUploadBytes ?? MAX_INPUT_BYTES,
  };
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 2 * 1024 * 1024, trustProxy: false });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: context.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "yusuan API", version: "1", description: "部门预算：上传、校验、审核、发布与查询" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "yusuan_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  registerLanguage(app, { secureCookies: context.secureCookies });
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/docs")) reply.headers(SECURITY_HEADERS);
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, message, details } = statusOf(error, request.lang);
    if (status >= 500) request.log.error(error);
    reply.status(status);
    if (request.url.startsWith("/api/")) return reply.send({ error: { status, message, ...details } });
    return reply
      .type("text/html; charset=utf-8")
      .send(errorPage(status, message, { user: request.viewer?.user, ...localeOf(request) }));
  });
  app.setNotFoundHandler((request, reply) => {
    const message = t(request.lang, "notFound.page", { url: request.url });
    reply.status(404);
    if (request.url.startsWith("/api/")) return reply.send({ error: { status: 404, message } });
    return reply
      .type("text/html; charset=utf-8")
      .send(errorPage(404, message, { user: request.viewer?.user, ...localeOf(request) }));
  });

  registerAuth(app, store);
  registerApi(app, context);
  registerPortal(app, context);
  registerWorkbench(app, context);
  return app;
}

export type { Store };
