/**
 * The language of a request. `?lang=en` or `?lang=zh` on any page chooses it and remembers it in a cookie; otherwise
 * the cookie; otherwise Chinese. Pages do not follow the browser's Accept-Language: the portal is Chinese unless its
 * reader asks. API clients are different — a script sends no cookie, and Accept-Language is how HTTP clients ask
 * for a language — so under /api/ a request that prefers English (and has no ?lang or cookie) gets English errors.
 */
import "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { isLang, type Lang } from "../i18n.ts";

export const LANG_COOKIE = "yusuan_lang";
const A_YEAR_IN_SECONDS = 365 * 24 * 3600;

declare module "fastify" {
  interface FastifyRequest {
    lang: Lang;
  }
}

const isApi = (request: FastifyRequest) => request.url.startsWith("/api/");

/** The language the client prefers most, when it is one of ours: `en-GB,en;q=0.9,zh;q=0.5` is English. */
export function preferredLang(header: string | undefined): Lang | undefined {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.split("-")[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked[0]?.lang;
  return isLang(first) ? first : undefined;
}

export function registerLanguage(app: FastifyInstance, options: { secureCookies: boolean }): void {
  app.decorateRequest("lang", "zh");
  app.addHook("onRequest", async (request, reply) => {
    const api = isApi(request);
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    const remembered = request.cookies[LANG_COOKIE];
    if (isLang(asked)) {
      request.lang = asked;
      // The API answers in the language asked without remembering it: a client's next call says again.
      if (!api && remembered !== asked) {
        reply.setCookie(LANG_COOKIE, asked, {
          path: "/",
          sameSite: "lax",
          secure: options.secureCookies,
          maxAge: A_YEAR_IN_SECONDS,
        });
      }
    } else if (isLang(remembered)) {
      request.lang = remembered;
    } else if (api) {
      request.lang = preferredLang(request.headers["accept-language"]) ?? "zh";
    }
    // The same address answers in either language, so caches must keep the two apart.
    reply.header("vary", api ? "Cookie, Accept-Language" : "Cookie");
  });
}

/**
 * The address the language switch should lead to: this page itself for a GET; after a form was posted (a refused
 * form re-rendered), the page the form was on, as the browser names it in Referer (same origin only), else home.
 */
export function pagePath(request: FastifyRequest): string {
  if (request.method === "GET" || request.method === "HEAD") return request.url;
  const referer = request.headers.referer;
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    // Compared as URLs, so that a default port written in one and not the other does not matter.
    const here = new URL(`${url.protocol}//${request.headers.host}`);
    return url.host === here.host ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

/** `path` with `?lang=` set to `lang` (and every other query parameter kept). */
export function withLang(path: string, lang: Lang): string {
  const url = new URL(path, "http://localhost");
  url.searchParams.set("lang", lang);
  // Never `//host…`: a browser would read that as another site.
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}`;
}

/** What a page's frame needs to know of its request: the language, and the address the switch keeps. */
export const localeOf = (request: FastifyRequest) => ({ lang: request.lang, path: pagePath(request) });
