/**
 * The workbench's HTML pages through app.inject on a real SQLite store with the demo accounts: signing in with the
 * form, the dashboards by role, uploads and their refusals, the whole review of a budget (upload, findings beside
 * the tables, narrative edits as new versions with diffs, submit, comment, return, resubmit, approve, publish), a
 * stale edit that keeps what was typed, CSRF, and hostile text that must never reach a page unescaped.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetDocument } from "../src/model/document.ts";
import { buildServer } from "../src/server/app.ts";
import { SESSION_COOKIE } from "../src/server/auth.ts";
import { DEMO_PASSWORD, FOUNDING_DEPARTMENT, seedDemo } from "../src/server/demo.ts";
import { getVersion, listVersions } from "../src/store/budgets.ts";
import type { Store } from "../src/store/connect.ts";
import { foundingDocument, multipart } from "./support/api-client.ts";
import { decodeHtml } from "./support/html.ts";
import { sqliteStore } from "./support/stores.ts";

const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];
const UNESCAPED = ["<script>alert(1)", "<img src=x onerror"];

interface FormSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the login form, and reads the CSRF token the way a page's forms carry it. */
async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<FormSession> {
  const response = await app.inject({
    method: "POST",
    url: "/login",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ username, password, next: "/workbench" }).toString(),
  });
  expect(response.statusCode, `sign-in as ${username}`).toBe(303);
  expect(response.headers.location).toBe("/workbench");
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
  const cookie = `${SESSION_COOKIE}=${token}`;
  const page = await app.inject({ method: "GET", url: "/workbench", headers: { cookie } });
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  expect(csrfToken).not.toBe("");
  return { cookie, csrfToken };
}

const get = (app: FastifyInstance, s: FormSession | undefined, url: string) =>
  app.inject({ method: "GET", url, headers: s ? { cookie: s.cookie } : {} });

/** Posts a form as a browser would: urlencoded, with the session's CSRF token unless `csrf` is false. */
const post = (app: FastifyInstance, s: FormSession, url: string, fields: Record<string, string>, csrf = true) =>
  app.inject({
    method: "POST",
    url,
    headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(csrf ? { _csrf: s.csrfToken, ...fields } : fields).toString(),
  });

function uploadFile(app: FastifyInstance, s: FormSession, name: string, content: string, fields = {}, csrf = true) {
  const body = multipart(name, content, fields);
  const query = csrf ? `?_csrf=${encodeURIComponent(s.csrfToken)}` : "";
  return app.inject({
    method: "POST",
    url: `/workbench/upload${query}`,
    headers: { ...body.headers, cookie: s.cookie },
    payload: body.payload,
  });
}

/** A document of the founding department, as a JSON upload, changed by `change`. */
function documentJson(change: (doc: BudgetDocument) => void): string {
  const doc = foundingDocument();
  change(doc);
  return JSON.stringify(doc);
}

/** The stretch of a page from an element's id to the end of its section. */
function around(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} on the page`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

const budgetIdOf = (response: LightMyRequestResponse) => {
  const match = /^\/workbench\/budgets\/(\d+)\?done=uploaded$/.exec(String(response.headers.location));
  expect(
    match,
    `redirect ${response.headers.location}: ${/class="flash error"[^>]*>([^<]*)/.exec(response.body)?.[1]}`,
  ).not.toBeNull();
  return Number(match?.[1]);
};

describe("workbench pages", () => {
  let store: Store;
  let app: FastifyInstance;
  let small: FastifyInstance;
  let founding: number;
  let preparer: FormSession;
  let reviewer: FormSession;
  let admin: FormSession;

  // seedDemo publishes the founding document (book, PDF, workbook): seconds, more on a loaded machine.
  beforeAll(async () => {
    store = await sqliteStore();
    founding = await seedDemo(store);
    app = await buildServer(store);
    small = await buildServer(store, { maxUploadBytes: 10_000 });
    preparer = await signIn(app, "preparer");
    reviewer = await signIn(app, "reviewer");
    admin = await signIn(app, "admin");
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await small?.close();
    await store?.close();
  });

  it("sends an anonymous visitor to sign in and back, and refuses anonymous writes", async () => {
    for (const url of ["/workbench", `/workbench/budgets/${founding}`, "/workbench/users"]) {
      const response = await get(app, undefined, url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const login = await get(app, undefined, `/login?next=${encodeURIComponent(`/workbench/budgets/${founding}`)}`);
    expect(login.body).toContain(`value="/workbench/budgets/${founding}"`);
    const write = await app.inject({ method: "POST", url: `/workbench/budgets/${founding}/comments`, payload: {} });
    expect(write.statusCode).toBe(401);
  });

  it("refuses every POST without the session's CSRF token", async () => {
    const forms = [
      `/workbench/budgets/${founding}/comments`,
      `/workbench/budgets/${founding}/narrative`,
      `/workbench/budgets/${founding}/return`,
      "/workbench/users",
    ];
    for (const url of forms) {
      const response = await post(app, admin, url, { text: "x", baseVersion: "1", comment: "x" }, false);
      expect(response.statusCode, url).toBe(403);
      const forged = await post(app, admin, url, { _csrf: "forged", text: "x" }, false);
      expect(forged.statusCode, url).toBe(403);
    }
    const upload = await uploadFile(app, preparer, "x.json", "{}", {}, false);
    expect(upload.statusCode).toBe(403);
  });

  it("shows each role its own dashboard", async () => {
    const own = (await get(app, preparer, "/workbench")).body;
    expect(decodeHtml(own)).toContain(`本部门预算：${FOUNDING_DEPARTMENT}`);
    expect(own).toContain('accept=".pdf,.xlsx,.json"');
    expect(own).toContain('enctype="multipart/form-data"');
    // The published founding budget may get a new version: its form names the version it replaces.
    expect(own).toContain('<input type="hidden" name="baseVersion" value="1">');
    expect(own).not.toContain("/workbench/users");

    const queue = (await get(app, reviewer, "/workbench")).body;
    expect(queue).toContain("审核队列");
    expect(queue).toContain(`href="/workbench/budgets/${founding}"`);
    expect(queue).not.toContain("multipart/form-data");

    const all = (await get(app, admin, "/workbench")).body;
    expect(all).toContain('href="/workbench/users"');
    expect(all).toContain("待公开");
    expect(all).toContain("没有待公开的预算");
  });

  it("re-renders the dashboard with the status and a clear message when an upload is refused", async () => {
    const unreadable = await uploadFile(app, preparer, "notes.json", "{ not json");
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.body).toContain("本部门预算");
    expect(unreadable.body).toContain('class="flash error"');
    expect(decodeHtml(unreadable.body)).toContain("notes.json");

    const wrongType = await uploadFile(app, preparer, "budget.txt", "hello");
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain("只接受 PDF、XLSX 或 JSON 文件");

    const other = documentJson((doc) => {
      doc.department = "广州市海珠区财政局";
    });
    const foreign = await uploadFile(app, preparer, "other.json", other);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).toContain("只能上传本部门的预算");

    const again = await uploadFile(app, preparer, "haizhu-2021.json", JSON.stringify(foundingDocument()));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("该预算已有第 1 版");

    const large = await uploadFile(small, preparer, "large.json", JSON.stringify(foundingDocument()));
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain("文件太大");
    expect((await listVersions(store.db, founding)).length).toBe(1);
  });

  it("takes a budget through upload, edits, review and publication", async () => {
    // The preparer uploads next year's budget: a new budget, opened on its page with its findings.
    const json = documentJson((doc) => {
      doc.year = 2022;
    });
    const uploaded = await uploadFile(app, preparer, "haizhu-2022.json", json);
    expect(uploaded.statusCode).toBe(303);
    const id = budgetIdOf(uploaded);
    const url = `/workbench/budgets/${id}`;
    let page = (await get(app, preparer, `${url}?done=uploaded`)).body;
    expect(page).toContain("已上传，生成了新版本");
    expect(page).toContain('<span class="status status-draft">草稿</span>');
    expect(page).toContain("审核发现");
    expect((page.match(/<table class="budget-table">/g) ?? []).length).toBe(14);
    // T04's general-budget income does not tie to T06: marked on its cell, listed beside the table.
    const t04 = around(page, "table-T04");
    expect(t04).toMatch(/class="[^"]*finding finding-error[^"]*"[^>]*data-row="income\/一、一般公共预算"/);
    expect(t04).toContain("本表审核发现");
    expect(page).toContain('id="comments-T04"');
    expect(page).toContain(`action="${url}/submit"`);
    expect(page).not.toContain(`action="${url}/approve"`);
    expect(page).not.toContain(`action="${url}/publish"`);

    // A narrative edit: a new reason and a new sentence make version 2, with its diff.
    const reason = "因数字政府建设任务调整，公务用车运行维护费按实际需要安排。";
    const edited = await post(app, preparer, `${url}/narrative`, {
      baseVersion: "1",
      "reason:threePublic:0": reason,
    });
    expect(edited.statusCode).toBe(303);
    expect(edited.headers.location).toBe(`${url}?done=edited#narrative`);
    const v2 = await getVersion(store.db, id, 2);
    expect(
      JSON.parse(v2?.document ?? "{}").part3.find((s: { id: string }) => s.id === "threePublic").facts[0].reason,
    ).toBe(reason);
    const diff = (await get(app, preparer, `${url}/versions/2`)).body;
    expect(diff).toContain("与第 1 版相比共 1 处变更");
    expect(diff).toContain("数据局编制员");
    expect(diff).toContain(v2?.hash);
    expect(decodeHtml(diff)).toContain("因数字政府建设任务调整");
    page = (await get(app, preparer, url)).body;
    expect(page).toContain(`href="${url}/versions/2"`);
    expect(page).toContain("1 处变更");

    // The same form again changes nothing and makes no version.
    const same = await post(app, preparer, `${url}/narrative`, { baseVersion: "2", "reason:threePublic:0": reason });
    expect(same.headers.location).toBe(`${url}?done=unchanged#narrative`);

    // An edit based on version 1, now stale: 409, and what was typed comes back in a form based on version 2.
    const typed = "这是一段尚未保存的说明文字，不能丢失。";
    const stale = await post(app, preparer, `${url}/narrative`, { baseVersion: "1", "text:transfer": typed });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(typed);
    expect(stale.body).toContain("这里是你尚未保存的修改");
    expect(around(stale.body, "narrative")).toContain('<input type="hidden" name="baseVersion" value="2">');
    expect((await listVersions(store.db, id)).length).toBe(2);

    // Submitted: the preparer may no longer edit, and the reviewer's queue puts it first.
    const submitted = await post(app, preparer, `${url}/submit`, { baseVersion: "2" });
    expect(submitted.headers.location).toBe(`${url}?done=submitted`);
    page = (await get(app, preparer, url)).body;
    expect(page).toContain("待审核");
    expect(page).not.toContain(`action="${url}/narrative"`);
    const queue = (await get(app, reviewer, "/workbench")).body;
    expect(queue.indexOf(`href="${url}"`)).toBeLessThan(queue.indexOf(`href="/workbench/budgets/${founding}"`));

    // The reviewer comments on a row of T04, then returns it (a return needs a reason).
    const commented = await post(app, reviewer, `${url}/comments`, {
      tableId: "T04",
      rowKey: "income/一、一般公共预算",
      text: "一般公共预算收入与表6合计不一致，请核对。",
    });
    expect(commented.headers.location).toBe(`${url}?done=commented#comments-T04`);
    page = (await get(app, reviewer, url)).body;
    const comments = around(page, "comments-T04");
    expect(comments).toContain("一般公共预算收入与表6合计不一致");
    expect(comments).toContain("财政局审核员");
    expect(decodeHtml(comments)).toContain("行：一、一般公共预算");
    expect(page).toContain(`action="${url}/approve"`);
    expect(page).not.toContain(`action="${url}/narrative"`);
    const noReason = await post(app, reviewer, `${url}/return`, { baseVersion: "2", comment: " " });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("退回时请说明原因");
    const returned = await post(app, reviewer, `${url}/return`, { baseVersion: "2", comment: "请修改表4。" });
    expect(returned.headers.location).toBe(`${url}?done=returned`);

    // The preparer sees why, edits (version 3) and submits again.
    page = (await get(app, preparer, url)).body;
    expect(page).toContain("已退回");
    expect(page).toContain("请修改表4。");
    const fixed = await post(app, preparer, `${url}/narrative`, {
      baseVersion: "2",
      "text:transfer": "本部门2022年无转移支付预算。",
    });
    expect(fixed.headers.location).toBe(`${url}?done=edited#narrative`);
    expect((await post(app, preparer, `${url}/submit`, { baseVersion: "3" })).statusCode).toBe(303);

    // Approving the version before the newest is refused; the newest is approved.
    const staleApproval = await post(app, reviewer, `${url}/approve`, { baseVersion: "2", comment: "同意" });
    expect(staleApproval.statusCode).toBe(409);
    expect(staleApproval.body).toContain("同意");
    expect((await post(app, reviewer, `${url}/approve`, { baseVersion: "3" })).headers.location).toBe(
      `${url}?done=approved`,
    );
    expect((await post(app, reviewer, `${url}/publish`, { baseVersion: "3" })).statusCode).toBe(403);

    // The admin finds it ready to publish and publishes it; the page shows the published hash and the public link.
    const dashboard = (await get(app, admin, "/workbench")).body;
    expect(around(dashboard, "publish-title")).toContain(`action="${url}/publish"`);
    const published = await post(app, admin, `${url}/publish`, { baseVersion: "3" });
    expect(published.headers.location).toBe(`${url}?done=published`);
    const v3 = await getVersion(store.db, id, 3);
    page = (await get(app, admin, url)).body;
    expect(page).toContain("已公开第 3 版");
    expect(page).toContain(`<code class="hash">${v3?.hash}</code>`);
    expect(page).toContain(`href="/budgets/${id}/"`);
    const book = await get(app, undefined, `/budgets/${id}/`);
    expect(book.statusCode).toBe(200);
    expect(decodeHtml(book.body)).toContain(FOUNDING_DEPARTMENT);
    const downloaded = await get(app, undefined, `/budgets/${id}/budget.json`);
    expect(downloaded.body).toBe(v3?.document);
  });

  it("lets only admins manage accounts, keeping what was typed when refused", async () => {
    expect((await get(app, reviewer, "/workbench/users")).statusCode).toBe(403);
    expect((await post(app, preparer, "/workbench/users", { username: "x" })).statusCode).toBe(403);
    const weak = await post(app, admin, "/workbench/users", {
      username: "newreviewer",
      displayName: "新审核员",
      password: "short",
      role: "reviewer",
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('value="newreviewer"');
    expect(weak.body).not.toContain('value="short"');
    const made = await post(app, admin, "/workbench/users", {
      username: "newreviewer",
      displayName: "新审核员",
      password: "a-long-enough-password-2021",
      role: "reviewer",
    });
    expect(made.headers.location).toBe("/workbench/users?done=created");
    const list = (await get(app, admin, "/workbench/users?done=created")).body;
    expect(list).toContain("已创建账户");
    expect(list).toContain("新审核员");
    await signIn(app, "newreviewer", "a-long-enough-password-2021");
  });

  it("never puts hostile text on a page unescaped", async () => {
    const [script, attribute] = HOSTILE as [string, string];
    const department = `${script}局${attribute}`;
    const created = await post(app, admin, "/workbench/users", {
      username: "hostile",
      displayName: `${attribute}${script}`,
      password: "a-long-enough-password-2021",
      role: "preparer",
      department,
    });
    expect(created.statusCode).toBe(303);
    const hostile = await signIn(app, "hostile", "a-long-enough-password-2021");
    const uploaded = await uploadFile(
      app,
      hostile,
      // A browser escapes a file name's quotes (%22), so only the script goes in the name (and the version's note).
      `${script}.json`,
      documentJson((doc) => {
        doc.department = department;
        const first = doc.part3[0];
        if (first) first.text = `${script}${attribute}`;
      }),
    );
    const id = budgetIdOf(uploaded);
    const url = `/workbench/budgets/${id}`;
    const edit = await post(app, hostile, `${url}/narrative`, {
      baseVersion: "1",
      "text:transfer": `${attribute}\n${script}`,
      "reason:threePublic:0": script,
    });
    expect(edit.statusCode).toBe(303);
    for (const text of HOSTILE) {
      expect((await post(app, hostile, `${url}/comments`, { tableId: "T02", text })).statusCode).toBe(303);
      expect((await post(app, hostile, `${url}/comments`, { tableId: "", text })).statusCode).toBe(303);
    }
    // Refused forms echo what was typed: escaped too.
    const refused = await post(app, hostile, `${url}/return`, { baseVersion: "2", comment: script });
    expect(refused.statusCode).toBe(403);
    const stale = await post(app, hostile, `${url}/narrative`, { baseVersion: "1", "text:transfer": attribute });
    expect(stale.statusCode).toBe(409);
    const pages = [
      stale,
      refused,
      await get(app, hostile, "/workbench"),
      await get(app, hostile, url),
      await get(app, hostile, `${url}/versions/1`),
      await get(app, hostile, `${url}/versions/2`),
      await get(app, reviewer, "/workbench"),
      await get(app, reviewer, url),
      await get(app, admin, "/workbench"),
      await get(app, admin, "/workbench/users"),
      await uploadFile(app, hostile, `${script}.txt`, "x"),
    ];
    for (const response of pages) {
      for (const raw of UNESCAPED) expect(response.body).not.toContain(raw);
      expect(response.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    // Another department's preparer does not even learn the budget exists.
    expect((await get(app, preparer, url)).statusCode).toBe(404);
  });
});
