/**
 * The frame of every portal and workbench page: the site bar (portal, search, workbench, the signed-in user and
 * sign-out), a main column, the base styles of the budget book. Text is escaped by the callers' templates; this
 * frame escapes what it is given as text.
 */
import { readFileSync } from "node:fs";
import { sourcePath } from "../../paths.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { documentHead } from "../../render/html/markup.ts";
import { STYLE } from "../../render/html/page.ts";
import type { User } from "../../store/schema.ts";

const SERVER_STYLE = readFileSync(sourcePath("server", "views", "server.css"), "utf8");

const ROLE_NAMES = { admin: "管理员", reviewer: "审核人员", preparer: "编制人员" } as const;

export interface PageSpec {
  title: string;
  /** Trusted HTML: built by the caller with escapeHtml around every piece of data. */
  body: string;
  user?: User;
  /** The session's CSRF token, for the sign-out form. */
  csrfToken?: string;
}

function siteBar(user: User | undefined, csrfToken: string | undefined): string {
  const account = user
    ? `<span>${escapeHtml(user.display_name)}（${ROLE_NAMES[user.role]}）</span>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken ?? "")}"><button type="submit">退出</button></form>`
    : '<a href="/login">登录</a>';
  return `<nav class="site-bar" aria-label="站点">
<a class="brand" href="/">预算公开平台</a>
<a href="/search">搜索</a>
<a href="/compare">对比</a>
<a href="/workbench">工作台</a>
${account}
</nav>`;
}

export function serverPage({ title, body, user, csrfToken }: PageSpec): string {
  return `${documentHead(`${title} · 预算公开平台`, [STYLE, SERVER_STYLE])}
<body>
${siteBar(user, csrfToken)}
<main class="site-main" id="main">
${body}
</main>
</body>
</html>
`;
}
