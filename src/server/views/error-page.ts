/** An error as a page: the status and a message that says what went wrong, never a stack trace. */
import { escapeHtml } from "../../render/html/escape.ts";
import { t } from "../i18n.ts";
import { type PageSpec, serverPage } from "./page.ts";

export function errorPage(status: number, message: string, frame: Omit<PageSpec, "title" | "body">): string {
  const { lang } = frame;
  const hint =
    status === 401
      ? `<p><a href="/login">${escapeHtml(t(lang, "site.signIn"))}</a></p>`
      : `<p><a href="/">${escapeHtml(t(lang, "errorPage.home"))}</a></p>`;
  const title = t(lang, "errorPage.title", { status });
  return serverPage({
    ...frame,
    title,
    body: `<h1>${escapeHtml(title)}</h1>\n<p class="flash error" role="alert">${escapeHtml(message)}</p>\n${hint}`,
  });
}
