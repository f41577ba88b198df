/** An error as a page: the status and a message that says what went wrong, never a stack trace. */
import { escapeHtml } from "../../render/html/escape.ts";
import type { User } from "../../store/schema.ts";
import { serverPage } from "./page.ts";

export function errorPage(status: number, message: string, user?: User): string {
  const hint = status === 401 ? '<p><a href="/login">登录</a></p>' : '<p><a href="/">返回首页</a></p>';
  return serverPage({
    title: `错误 ${status}`,
    body: `<h1>错误 ${status}</h1>\n<p class="flash error" role="alert">${escapeHtml(message)}</p>\n${hint}`,
    user,
  });
}
