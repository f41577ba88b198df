/**
 * The frame of the exported portal's pages: the server's frame (views/page.ts) without what needs a server — no
 * sign-in, no workbench, no compare form, no language switch — and with links relative to the page, so the folder
 * works anywhere.
 */
import { readFileSync } from "node:fs";
import { htmlLang, type Lang } from "../../i18n.ts";
import { sourcePath } from "../../paths.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { documentHead } from "../../render/html/markup.ts";
import { STYLE } from "../../render/html/page.ts";
import { t } from "../i18n.ts";
import { staticLinks } from "./links.ts";

const SERVER_STYLE = readFileSync(sourcePath("server", "views", "server.css"), "utf8");

/** `body` is trusted HTML built with escapeHtml; `script` a file of the site, loaded from it (no inline script). */
export function staticPage(lang: Lang, title: string, body: string, pagePath: string, script?: string): string {
  const links = staticLinks(pagePath);
  const up = "../".repeat(pagePath.split("/").length - 1);
  return `${documentHead(t(lang, "site.title", { title }), [STYLE, SERVER_STYLE], htmlLang(lang))}
<body>
<nav class="site-bar" aria-label="${escapeHtml(t(lang, "site.nav"))}">
<a class="brand" href="${escapeHtml(links.home)}">${escapeHtml(t(lang, "site.name"))}</a>
<a href="${escapeHtml(links.search())}">${escapeHtml(t(lang, "site.search"))}</a>
</nav>
<main class="site-main" id="main">
${body}
</main>
${script ? `<script src="${escapeHtml(up + script)}" defer></script>\n` : ""}</body>
</html>
`;
}
