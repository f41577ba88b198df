/**
 * The frame of every portal and workbench page: the site bar (portal, search, workbench, the signed-in user and
 * sign-out, the language switch), a main column, the base styles of the budget book. Text is escaped by the callers'
 * templates; this frame escapes what it is given as text.
 */
import { readFileSync } from "node:fs";
import { htmlLang, LANGS, type Lang } from "../../i18n.ts";
import { sourcePath } from "../../paths.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { documentHead } from "../../render/html/markup.ts";
import { FINDINGS_STYLE, STYLE } from "../../render/html/page.ts";
import type { User } from "../../store/schema.ts";
import { say, t } from "../i18n.ts";
import { withLang } from "../language.ts";

const SERVER_STYLE = readFileSync(sourcePath("server", "views", "server.css"), "utf8");

export interface PageSpec {
  title: string;
  /** Trusted HTML: built by the caller with escapeHtml around every piece of data. */
  body: string;
  user?: User;
  /** The session's CSRF token, for the sign-out form. */
  csrfToken?: string;
  lang: Lang;
  /** The page's own address, which the language switch keeps (language.ts pagePath). */
  path: string;
}

const SWITCH_NAMES: Record<Lang, string> = { zh: "switch.chinese", en: "switch.english" };

/** 中文 | English: each language named in itself, the other one a link to this page in it. */
function languageSwitch(lang: Lang, path: string): string {
  const items = LANGS.map((other) => {
    const name = escapeHtml(t(lang, SWITCH_NAMES[other]));
    const tag = htmlLang(other);
    if (other === lang) return `<span lang="${tag}" aria-current="true">${name}</span>`;
    return `<a href="${escapeHtml(withLang(path, other))}" lang="${tag}" hreflang="${tag}">${name}</a>`;
  });
  return `<span class="lang-switch" role="group" aria-label="${escapeHtml(t(lang, "site.language"))}">${items.join(" | ")}</span>`;
}

function siteBar({ user, csrfToken, lang, path }: PageSpec): string {
  const account = user
    ? `<span>${escapeHtml(t(lang, "site.account", { name: user.display_name, role: say(`role.${user.role}`) }))}</span>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken ?? "")}"><button type="submit">${escapeHtml(t(lang, "site.signOut"))}</button></form>`
    : `<a href="/login">${escapeHtml(t(lang, "site.signIn"))}</a>`;
  return `<nav class="site-bar" aria-label="${escapeHtml(t(lang, "site.nav"))}">
<a class="brand" href="/">${escapeHtml(t(lang, "site.name"))}</a>
<a href="/search">${escapeHtml(t(lang, "site.search"))}</a>
<a href="/compare">${escapeHtml(t(lang, "site.compare"))}</a>
<a href="/workbench">${escapeHtml(t(lang, "site.workbench"))}</a>
${account}
${languageSwitch(lang, path)}
</nav>`;
}

export function serverPage(spec: PageSpec): string {
  const { title, body, lang } = spec;
  return `${documentHead(t(lang, "site.title", { title }), [STYLE, FINDINGS_STYLE, SERVER_STYLE], htmlLang(lang))}
<body>
${siteBar(spec)}
<main class="site-main" id="main">
${body}
</main>
</body>
</html>
`;
}
