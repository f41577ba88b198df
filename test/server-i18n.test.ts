/**
 * The portal and workbench in English, through app.inject on a real SQLite store seeded with the founding document:
 * Chinese unless asked (never from the browser's Accept-Language), `?lang=en` switching at once and remembered in a
 * cookie, the switch link keeping the page, the pages' own words in English (department names and budget content
 * stay as published), the book's bar in the reader's language, and API errors in the language asked.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/server/app.ts";
import { SESSION_COOKIE } from "../src/server/auth.ts";
import { DEMO_PASSWORD, FOUNDING_DEPARTMENT, seedDemo } from "../src/server/demo.ts";
import { LANG_COOKIE } from "../src/server/language.ts";
import type { Store } from "../src/store/connect.ts";
import { listPublished, type PublishedBudget } from "../src/store/published.ts";
import { decodeHtml } from "./support/html.ts";
import { sqliteStore } from "./support/stores.ts";

const HAN = /\p{Script=Han}/u;
const EN = `${LANG_COOKIE}=en`;

/** The page without the texts it may show in Chinese (data) and the switch's own 中文: what is left is the UI. */
const chrome = (html: string, ...data: string[]) =>
  data.reduce((rest, text) => rest.replaceAll(text, ""), decodeHtml(html)).replace(/>中文</g, "><");

describe("the portal and workbench in English", () => {
  let store: Store;
  let app: FastifyInstance;
  let founding: PublishedBudget;

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  async function signIn(username: string, cookie = EN): Promise<string> {
    const response = await app.inject({
      method: "POST",
      url: "/login",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      payload: new URLSearchParams({ username, password: DEMO_PASSWORD, next: "/workbench" }).toString(),
    });
    expect(response.statusCode).toBe(303);
    const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    return `${SESSION_COOKIE}=${token}; ${cookie}`;
  }

  beforeAll(async () => {
    store = await sqliteStore();
    await seedDemo(store);
    [founding] = (await listPublished(store.db)) as [PublishedBudget];
    app = await buildServer(store);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it("is Chinese by default, whatever the browser prefers, with a switch to English that keeps the page", async () => {
    const home = await get("/search?q=%E7%90%B6%E6%B4%B2", { "accept-language": "en-US,en;q=0.9" });
    expect(home.body).toContain('<html lang="zh-CN">');
    expect(home.body).toContain("<h1>搜索</h1>");
    expect(home.body).toContain('href="/search?q=%E7%90%B6%E6%B4%B2&amp;lang=en" lang="en" hreflang="en">English</a>');
    expect(home.body).toContain('<span lang="zh-CN" aria-current="true">中文</span>');
    expect(home.headers["set-cookie"]).toBeUndefined();
    expect(home.headers.vary).toBe("Cookie");
  });

  it("switches to English at once with ?lang=en, remembers it in a cookie, and back with ?lang=zh", async () => {
    const english = await get("/?lang=en");
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain("<h1>Department budgets</h1>");
    expect(english.body).toContain("<title>Home · Budget Disclosure Portal</title>");
    expect(english.body).toContain('<a href="/?lang=zh" lang="zh-CN" hreflang="zh-CN">中文</a>');
    expect(english.cookies.find((c) => c.name === LANG_COOKIE)).toMatchObject({
      value: "en",
      path: "/",
      sameSite: "Lax",
    });
    expect(chrome(english.body, FOUNDING_DEPARTMENT)).not.toMatch(HAN);

    const remembered = await get("/", { cookie: EN });
    expect(remembered.body).toContain("<h1>Department budgets</h1>");
    expect(remembered.body).toContain("2021 budget");
    const back = await get("/?lang=zh", { cookie: EN });
    expect(back.body).toContain("<h1>部门预算公开</h1>");
    expect(back.cookies.find((c) => c.name === LANG_COOKIE)?.value).toBe("zh");
    // Only ?lang=en or ?lang=zh counts.
    expect((await get("/?lang=fr")).body).toContain('<html lang="zh-CN">');
  });

  it("shows a department, search and comparison in English, with the budget's own names as published", async () => {
    const department = (await get(`/departments/${founding.departmentId}`, { cookie: EN })).body;
    expect(department).toContain('<h2 id="department-figures">Key figures by year</h2>');
    expect(department).toContain('<th scope="row">Official vehicle operation</th>');
    expect(department).toContain("(10,000 yuan)");
    expect(chrome(department, FOUNDING_DEPARTMENT)).not.toMatch(HAN);

    const search = (await get(`/search?q=${encodeURIComponent("琶洲政务分中心")}`, { cookie: EN })).body;
    expect(search).toMatch(/<caption>Projects \(<span class="portal-count">\d+<\/span>\)<\/caption>/);
    expect(search).toContain("493.05 × 10,000 yuan");
    expect(decodeHtml(search)).toMatch(/“琶洲政务分中心”: \d+ found\./);
    const none = (await get("/search?q=zzzz", { cookie: EN })).body;
    expect(chrome(none)).not.toMatch(HAN);

    const compare = (await get(`/compare?a=${founding.budgetId}&b=${founding.budgetId}`, { cookie: EN })).body;
    expect(compare).toContain("2021 budget (A)");
    expect(compare).toContain('<h2 id="compare-title">Comparison: 2021 budget (A) and 2021 budget (B)</h2>');
    expect(compare).toContain('<th scope="row">Total income</th>');
    expect(compare).toContain("Column compared: ");
    expect(compare).toContain(">Base (A)</label>");
  });

  it("puts the book's bar in the reader's language, keeping the book as published and each variant apart", async () => {
    const zh = await get(`/budgets/${founding.budgetId}/`);
    const en = await get(`/budgets/${founding.budgetId}/`, { cookie: EN });
    expect(zh.body).toContain("内容哈希 <code");
    expect(en.body).toContain('<nav class="portal-banner" lang="en" aria-label="Budget Disclosure Portal">');
    expect(en.body).toContain("Content hash <code");
    expect(en.body).toContain(">Open data</a>");
    expect(en.body).toContain('<html lang="zh-CN">');
    expect(zh.headers.etag).toMatch(/-b\d+"$/);
    expect(en.headers.etag).toBe(`${String(zh.headers.etag).slice(0, -1)}-en"`);
    expect(en.headers.vary).toBe("Cookie");
    const again = await get(`/budgets/${founding.budgetId}/`, { cookie: EN, "if-none-match": String(en.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect((await get(`/budgets/${founding.budgetId}/`, { "if-none-match": String(en.headers.etag) })).statusCode).toBe(
      200,
    );
  });

  it("answers errors in English: pages, the sign-in form and the API", async () => {
    const missing = await get("/departments/9999?lang=en");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("<h1>Error 404</h1>");
    expect(missing.body).toContain("There is no department 9999.");
    expect(chrome(missing.body)).not.toMatch(HAN);
    expect((await get("/no/such/page", { cookie: EN })).body).toContain("Not found: /no/such/page");

    const wrong = await app.inject({
      method: "POST",
      url: "/login",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: EN,
        referer: "http://localhost:80/login",
      },
      payload: "username=admin&password=not-the-password",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("Wrong username or password.");
    expect(wrong.body).toContain("<h1>Sign in to the workbench</h1>");

    const api = (headers: Record<string, string>, query = "") =>
      get(`/api/v1/published/9999${query}`, headers).then((r) => r.json().error.message);
    expect(await api({})).toBe("未找到已公开预算 9999");
    expect(await api({ "accept-language": "en-GB,en;q=0.9,zh;q=0.5" })).toBe("There is no published budget 9999.");
    expect(await api({ "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" })).toBe("未找到已公开预算 9999");
    expect(await api({}, "?lang=en")).toBe("There is no published budget 9999.");
    expect(await api({ cookie: EN, "accept-language": "zh" })).toBe("There is no published budget 9999.");
    expect((await get("/api/v1/session?lang=en")).json().error.message).toBe("Sign in first.");
    const invalid = await app.inject({ method: "POST", url: "/api/v1/budgets/1/submit?lang=en", payload: {} });
    expect(invalid.json().error.message).toMatch(/^Invalid request: /);
  });

  it("shows the workbench in English: dashboard, budget page with its findings, version and accounts", async () => {
    const reviewer = await signIn("reviewer");
    const dashboard = await get("/workbench?done=approved", { cookie: reviewer });
    expect(dashboard.body).toContain('<h2 id="queue-title">Review queue</h2>');
    expect(dashboard.body).toContain("Approved.");
    expect(dashboard.body).toContain('<th scope="col">Current version</th>');
    expect(dashboard.body).toContain('<span class="status status-published">Published</span>');
    expect(chrome(dashboard.body, FOUNDING_DEPARTMENT, "财政局审核员")).not.toMatch(HAN);

    const page = (await get(`/workbench/budgets/${founding.budgetId}`, { cookie: reviewer })).body;
    expect(page).toContain('<h2 id="findings-title">Findings</h2>');
    expect(page).toContain("Findings in this table");
    expect(page).toContain('<span class="severity severity-error">Error</span>');
    expect(page).toMatch(/title="Error: [^"]*[a-z]{3}/);
    expect(page).toContain('<a href="#history">Version history</a>');
    expect(page).toContain(">Post the comment</button>");
    expect(page).toContain("Validation");
    expect(page).not.toContain("本表审核发现");
    const findings = page.slice(page.indexOf('id="findings"'), page.indexOf('id="narrative"'));
    expect(chrome(findings, FOUNDING_DEPARTMENT).replace(/“[^”]*”|"[^"]*"/g, "")).not.toMatch(
      /审核|错误|警告|应为|实为/,
    );

    const version = (await get(`/workbench/budgets/${founding.budgetId}/versions/1`, { cookie: reviewer })).body;
    expect(version).toContain("This is the first version");
    expect(version).toContain("<dt>Content hash (SHA-256)</dt>");

    const admin = await signIn("admin");
    const users = await get("/workbench/users", { cookie: admin });
    expect(users.body).toContain("<h1>Accounts</h1>");
    expect(users.body).toContain('<option value="reviewer">Reviewer</option>');
    const weak = await app.inject({
      method: "POST",
      url: "/workbench/users",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: admin,
        referer: "http://localhost:80/workbench/users",
      },
      payload: new URLSearchParams({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(users.body)?.[1] ?? "",
        username: "someone",
        password: "short",
        role: "reviewer",
      }).toString(),
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain("A password needs at least 10 characters.");
    // A re-rendered form's switch leads back to the page the form was on, not to the address it was posted to.
    expect(weak.body).toContain('href="/workbench/users?lang=zh"');
  });
});
