/**
 * The REST API on both databases, through app.inject: sessions, uploads (JSON and a corpus PDF), narrative edits
 * with optimistic concurrency, the review workflow, published budgets and search, the OpenAPI document — and uploads
 * that fail half-way (unreadable, not a document, too large, the store failing mid-transaction) losing nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../src/rules/index.ts";
import { createAccount } from "../src/server/accounts.ts";
import { buildServer } from "../src/server/app.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, FOUNDING_DEPARTMENT } from "../src/server/demo.ts";
import type { Store } from "../src/store/connect.ts";
import { call, foundingDocument, routesOf, type Session, signIn, upload } from "./support/api-client.ts";
import { STORES } from "./support/stores.ts";

const CORPUS_PDF = "../shared/corpus/gz_2026_xfj.pdf";
const hasCorpus = existsSync(CORPUS_PDF);
if (!hasCorpus) console.warn(`server API: the PDF upload test is skipped: ${CORPUS_PDF} is absent`);

const doc = foundingDocument();
const docJson = JSON.stringify(doc);
const expected = validate(doc);
const count = (severity: string) => expected.filter((d) => d.severity === severity).length;

/** Makes every insert into `events` fail, so that a version write fails inside its transaction, after the rest. */
async function breakEventInserts(store: Store, broken: boolean) {
  const statements =
    store.dialect === "sqlite"
      ? broken
        ? ["create trigger test_fail before insert on events begin select raise(abort, 'simulated failure'); end"]
        : ["drop trigger test_fail"]
      : broken
        ? [
            "create function test_fail() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$",
            "create trigger test_fail before insert on events for each row execute function test_fail()",
          ]
        : ["drop trigger test_fail on events", "drop function test_fail()"];
  for (const statement of statements) await sql.raw(statement).execute(store.db);
}

describe.each(STORES)("REST API on $dialect", ({ open }) => {
  let store: Store;
  let app: FastifyInstance;
  /** The same store behind an app that accepts uploads of at most 10 kB. */
  let small: FastifyInstance;
  let preparer: Session;
  let reviewer: Session;
  let admin: Session;
  let budgetId: number;

  beforeAll(async () => {
    store = await open();
    for (const account of DEMO_ACCOUNTS)
      await createAccount({ store }, undefined, { ...account, password: DEMO_PASSWORD });
    app = await buildServer(store);
    small = await buildServer(store, { maxUploadBytes: 10_000 });
    preparer = await signIn(app, "preparer", DEMO_PASSWORD);
    reviewer = await signIn(app, "reviewer", DEMO_PASSWORD);
    admin = await signIn(app, "admin", DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await small?.close();
    await store?.close();
  });

  const budget = async () => (await call(app, admin, { method: "GET", url: `/api/v1/budgets/${budgetId}` })).json();

  it("signs in, says who is signed in, and signs out", async () => {
    const session = await signIn(app, "reviewer", DEMO_PASSWORD);
    const who = await call(app, session, { method: "GET", url: "/api/v1/session" });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      user: { username: "reviewer", role: "reviewer" },
      csrfToken: session.csrfToken,
    });
    expect(who.json().user).not.toHaveProperty("password_hash");
    expect((await call(app, session, { method: "DELETE", url: "/api/v1/session" })).statusCode).toBe(200);
    expect((await call(app, session, { method: "GET", url: "/api/v1/session" })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "reviewer", password: "not-the-password" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("uploads the founding document as JSON: version 1, with the validator's error and warning counts", async () => {
    const response = await upload(app, preparer, "haizhu-2021.json", docJson);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.version.number).toBe(1);
    expect(body.read.kind).toBe("json");
    expect(body.summary).toEqual({ errors: count("error"), warnings: count("warning") });
    expect(body.diagnostics).toHaveLength(expected.length);
    budgetId = body.budget.id;
    expect((await budget()).budget).toMatchObject({ department: FOUNDING_DEPARTMENT, status: "draft", head: 1 });
  });

  it.skipIf(!hasCorpus)("imports an uploaded PDF from the corpus", async () => {
    const response = await upload(app, admin, "gz_2026_xfj.pdf", readFileSync(CORPUS_PDF));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.read.kind).toBe("pdf");
    expect(body.read.layout).toMatch(/^gd-2026-12/);
    expect(body.version.number).toBe(1);
    const created = await call(app, admin, { method: "GET", url: `/api/v1/budgets/${body.budget.id}` });
    expect(created.json().budget).toMatchObject({ department: "广州市信访局", year: 2026 });
  });

  it("makes version 2 from a narrative edit, with readable changes", async () => {
    const response = await call(app, preparer, {
      method: "PATCH",
      url: `/api/v1/budgets/${budgetId}/narrative`,
      payload: {
        baseVersion: 1,
        sections: [{ id: "transfer", text: "2021年本部门无转移支付预算。" }],
        reasons: [{ section: "income", fact: 0, reason: "数字政府建设投入增加" }],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.version.number).toBe(2);
    const transfer = body.changes.find((c: { location: { section?: string } }) => c.location.section === "transfer");
    expect(transfer).toMatchObject({ kind: "text", after: "2021年本部门无转移支付预算。" });
    expect(transfer.message).toContain("四、部门转移支付预算情况");
    // The new reason is restated in the section's text, which is the change a reviewer reads.
    const income = body.changes.filter((c: { location: { section?: string } }) => c.location.section === "income");
    expect(income.map((c: { message: string }) => c.message).join("\n")).toContain("数字政府建设投入增加");
    for (const change of body.changes) expect(change.message).toMatch(/\p{Script=Han}/u);
    const stored = await call(app, reviewer, { method: "GET", url: `/api/v1/budgets/${budgetId}/versions/2/changes` });
    expect(stored.json().changes).toEqual(body.changes);
  });

  it("refuses a stale edit with 409 and the head, and loses nothing", async () => {
    const stale = await call(app, preparer, {
      method: "PATCH",
      url: `/api/v1/budgets/${budgetId}/narrative`,
      payload: { baseVersion: 1, sections: [{ id: "transfer", text: "过时的修改" }] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.head).toBe(2);
    const after = await budget();
    expect(after.budget.head).toBe(2);
    expect(after.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const v2 = await call(app, preparer, { method: "GET", url: `/api/v1/budgets/${budgetId}/versions/2` });
    const transfer = v2.json().document.part3.find((s: { id: string }) => s.id === "transfer");
    expect(transfer.text).toBe("2021年本部门无转移支付预算。");
  });

  describe("an upload failing half-way leaves version 2 and the head as they were", () => {
    const otherLayout = { ...doc, template: "no-such-layout" };
    const failures: [string, () => Promise<{ statusCode: number; body: string }>, number][] = [
      [
        "an unreadable PDF",
        () => upload(app, preparer, "broken.pdf", "%PDF-1.7 not really", { baseVersion: "2" }),
        422,
      ],
      [
        "a JSON that is not a BudgetDocument",
        () => upload(app, preparer, "x.json", '{"a":1}', { baseVersion: "2" }),
        422,
      ],
      ["a JSON that is not JSON", () => upload(app, preparer, "x.json", "{oops", { baseVersion: "2" }), 422],
      [
        "a document in an unknown layout",
        () => upload(app, preparer, "layout.json", JSON.stringify(otherLayout), { baseVersion: "2" }),
        422,
      ],
      ["a file over the size limit", () => upload(small, preparer, "big.json", docJson, { baseVersion: "2" }), 413],
      [
        "the store failing mid-transaction",
        async () => {
          await breakEventInserts(store, true);
          try {
            return await upload(app, preparer, "again.json", docJson, { baseVersion: "2" });
          } finally {
            await breakEventInserts(store, false);
          }
        },
        500,
      ],
    ];
    it.each(failures)("%s", async (_name, attempt, status) => {
      const before = await budget();
      const response = await attempt();
      expect(response.statusCode).toBe(status);
      expect(response.body).not.toMatch(/simulated|at .*\.ts/);
      const after = await budget();
      expect(after.budget).toEqual(before.budget);
      expect(after.versions).toEqual(before.versions);
      expect(after.events).toEqual(before.events);
    });
  });

  it("answers 422 naming the file for an unknown template or a wrong extension", async () => {
    const layout = readFileSync(hasCorpus ? CORPUS_PDF : "test/fixtures/encrypted.pdf");
    const unknown = await upload(app, admin, "信访局.pdf", layout, { template: "no-such-layout" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.message).toContain("信访局.pdf");
    const wrong = await upload(app, preparer, "预算.docx", docJson, { baseVersion: "2" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain("预算.docx");
    const unreadable = await upload(app, preparer, "扫描件.pdf", "not a pdf", { baseVersion: "2" });
    expect(unreadable.json().error.message).toContain("扫描件.pdf");
  });

  it("takes the budget through submit, return (with a reason), approve and publish", async () => {
    const act = (session: Session, action: string, payload: object) =>
      call(app, session, { method: "POST", url: `/api/v1/budgets/${budgetId}/${action}`, payload });
    expect((await act(preparer, "submit", { baseVersion: 2 })).json().budget.status).toBe("submitted");
    expect((await act(reviewer, "return", { baseVersion: 2 })).statusCode).toBe(422);
    expect((await act(reviewer, "return", { baseVersion: 2, comment: "  " })).statusCode).toBe(422);
    expect((await act(reviewer, "return", { baseVersion: 2, comment: "请补充三公经费说明" })).statusCode).toBe(200);
    expect((await act(preparer, "submit", { baseVersion: 2 })).statusCode).toBe(200);
    expect((await act(reviewer, "approve", { baseVersion: 2 })).json().budget.status).toBe("approved");
    const published = await act(admin, "publish", { baseVersion: 2 });
    expect(published.statusCode).toBe(200);
    expect(published.json().budget).toMatchObject({ status: "published", published_version: 2 });
    const { events } = await budget();
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      "publish",
      "approve",
      "submit",
      "return",
      "submit",
      "edit",
      "upload",
    ]);
    expect(events.find((e: { action: string }) => e.action === "return").comment).toBe("请补充三公经费说明");
  });

  it("lists published budgets and finds them by search, for anyone", async () => {
    const list = await app.inject({ method: "GET", url: "/api/v1/published" });
    expect(list.statusCode).toBe(200);
    const entry = list.json().budgets.find((b: { budgetId: number }) => b.budgetId === budgetId);
    expect(entry).toMatchObject({ department: FOUNDING_DEPARTMENT, year: 2021, versionNumber: 2 });
    const one = await app.inject({ method: "GET", url: `/api/v1/published/${budgetId}` });
    expect(one.json()).toMatchObject({ hash: entry.hash, document: { department: FOUNDING_DEPARTMENT } });
    const search = await app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("政务服务")}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().hits.length).toBeGreaterThan(0);
    expect(search.json().hits.every((h: { budgetId: number }) => h.budgetId === budgetId)).toBe(true);
    expect((await app.inject({ method: "GET", url: "/api/v1/search?q=" })).statusCode).toBe(400);
  });

  it("lists every /api/v1 route in the OpenAPI document at /docs/json", async () => {
    const spec = (await app.inject({ method: "GET", url: "/docs/json" })).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const routes = routesOf(app).filter((r) => r.includes(" /api/v1/"));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
  });
});
