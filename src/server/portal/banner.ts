/**
 * The thin bar the portal puts on every page of a published budget book: back to the portal and the department,
 * which budget this is, its content hash and the downloads. The book itself stays byte for byte as published; the
 * bar is inserted as text, between markers, so that it can be recognised and removed again (tests, checks). The
 * book stays Chinese; the bar speaks the reader's language (and says so, for screen readers).
 */
import { htmlLang, type Lang, rawHtml } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { t, tHtml } from "../i18n.ts";
import { budgetName, downloadLinks, hashCode } from "./format.ts";
import type { PortalLinks } from "./links.ts";

/** Part of the ETag of injected pages: raise it when the bar changes, so that browsers fetch the new one. */
export const BANNER_REVISION = "b1";

export const BANNER_START = "<!-- portal-banner -->";
export const BANNER_END = "<!-- /portal-banner -->";

// Book pages do not carry the portal's style sheet, so the bar brings its own few rules (style-src allows inline).
const STYLE = `${BANNER_START}<style>
.portal-banner{display:flex;flex-wrap:wrap;gap:.2rem 1rem;align-items:baseline;padding:.4rem 1rem;background:#8c1d18;color:#fff;font-size:.9rem;line-height:1.6}
.portal-banner a{color:#fff}
.portal-banner .portal-home{font-weight:700}
.portal-banner code{font-family:ui-monospace,monospace;word-break:break-all}
@media print{.portal-banner{display:none}}
</style>${BANNER_END}`;

export function portalBanner(p: PublishedBudget, links: PortalLinks, lang: Lang = "zh"): string {
  const site = escapeHtml(t(lang, "site.name"));
  // The book is Chinese: a bar in another language says which, for screen readers.
  const langAttribute = lang === "zh" ? "" : ` lang="${htmlLang(lang)}"`;
  return `${BANNER_START}<nav class="portal-banner"${langAttribute} aria-label="${site}">
<a class="portal-home" href="${escapeHtml(links.home)}">${site}</a>
<span><a href="${escapeHtml(links.department(p.departmentId))}">${escapeHtml(p.department)}</a> · ${escapeHtml(budgetName(lang, p))}</span>
<span>${tHtml(lang, "portal.hash", { hash: rawHtml(hashCode(p.hash)) })}</span>
<span>${tHtml(lang, "portal.downloads", { links: rawHtml(downloadLinks(lang, links, p.budgetId)) })}</span>
</nav>${BANNER_END}`;
}

const BODY = /<body\b[^>]*>/i;
const SKIP_LINK = /^\s*<a class="skip-link"[^>]*>[^<]*<\/a>/;

/**
 * The page with the bar right after `<body…>` (after the book's skip link, which must stay the first thing a
 * keyboard reaches) and its style before `</head>`. Nothing else changes, not even a newline, so that taking the
 * marked blocks out gives the published page back. A page without a body is returned as it is.
 */
export function injectBanner(html: string, banner: string): string {
  const body = BODY.exec(html);
  if (!body) return html;
  let at = body.index + body[0].length;
  at += SKIP_LINK.exec(html.slice(at, at + 500))?.[0].length ?? 0;
  const head = html.lastIndexOf("</head>", body.index);
  if (head < 0) return html.slice(0, at) + STYLE + banner + html.slice(at);
  return html.slice(0, head) + STYLE + html.slice(head, at) + banner + html.slice(at);
}

/** The page as published: every marked block taken out again. */
export function stripBanner(html: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let start = html.indexOf(BANNER_START); start >= 0; start = html.indexOf(BANNER_START, from)) {
    const end = html.indexOf(BANNER_END, start);
    if (end < 0) break;
    parts.push(html.slice(from, start));
    from = end + BANNER_END.length;
  }
  parts.push(html.slice(from));
  return parts.join("");
}
