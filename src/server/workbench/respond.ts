/**
 * How every workbench page answers: only to a signed-in user, never cached (it shows unpublished drafts), with the
 * session's CSRF token in its forms. After a POST the browser is redirected with a flash code from a fixed list, so
 * no text from the query string ever reaches the page; errors are turned into a status and a message to re-render,
 * in the viewer's language.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { ConflictError, NotFoundError } from "../../store/errors.ts";
import type { User } from "../../store/schema.ts";
import { HttpError, notFound, unauthorized } from "../http-error.ts";
import { t } from "../i18n.ts";
import { localeOf } from "../language.ts";
import { serverPage } from "../views/page.ts";

/** Who is looking, and in which language they read. */
export interface Viewer {
  user: User;
  csrfToken: string;
  lang: Lang;
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthorized();
  return { ...request.viewer, lang: request.lang };
}

/** An anonymous visitor asking for a workbench page is sent to sign in, then back to the page asked for. */
export async function redirectAnonymous(request: FastifyRequest, reply: FastifyReply) {
  if (request.viewer || (request.method !== "GET" && request.method !== "HEAD")) return;
  return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
}

export const csrfField = (viewer: Viewer) =>
  `<input type="hidden" name="_csrf" value="${escapeHtml(viewer.csrfToken)}">`;

export function sendPage(reply: FastifyReply, viewer: Viewer, title: string, body: string, status = 200) {
  return reply
    .status(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(serverPage({ title, body, user: viewer.user, csrfToken: viewer.csrfToken, ...localeOf(reply.request) }));
}

/** The flash codes a redirect may carry: each is `done.<code>` in data/messages/server.yaml. */
export const DONE_CODES = [
  "uploaded",
  "edited",
  "unchanged",
  "submitted",
  "returned",
  "approved",
  "published",
  "commented",
  "created",
] as const;

/** The message of a `?done=` code; an unknown code shows nothing. */
export function doneFlash(query: unknown, lang: Lang): string {
  const code = (query as { done?: unknown } | undefined)?.done;
  if (!(DONE_CODES as readonly unknown[]).includes(code)) return "";
  return `<p class="flash ok" role="status">${escapeHtml(t(lang, `done.${code}`))}</p>`;
}

export const errorFlash = (message: string) => `<p class="flash error" role="alert">${escapeHtml(message)}</p>`;

export interface UserError {
  status: number;
  message: string;
  /** On a conflict, the budget's newest version. */
  head?: number;
}

/** What the user is told when an operation is refused; anything else (a bug) is rethrown for the error handler. */
export function userError(error: unknown, lang: Lang): UserError {
  if (error instanceof HttpError) return { status: error.status, message: error.text(lang) };
  if (error instanceof ConflictError) {
    const message =
      error.head === undefined ? t(lang, "error.conflict") : t(lang, "error.conflictAt", { head: error.head });
    return { status: 409, message, head: error.head };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, message: t(lang, "notFound.store", { detail: error.message }) };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.code === "FST_REQ_FILE_TOO_LARGE" || fastifyError?.statusCode === 413) {
    return { status: 413, message: t(lang, "upload.tooLargeUnsaved") };
  }
  throw error;
}

/** A urlencoded form's fields as strings (a repeated field keeps its first value). */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!body || typeof body !== "object") return fields;
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") fields[name] = first;
  }
  return fields;
}

/** A numeric id from the path; anything else is a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id < 1) throw notFound("notFound.id", { id: value ?? "" });
  return id;
}
