/**
 * Who may do what through the API (the matrix below, checked against the app's routes so that a new route must be
 * declared), CSRF, cross-site sign-in, cookie flags, the sign-in rate limit, password storage, security headers,
 * the upload size limit, and hostile text coming back escaped in every HTML page. The whole matrix runs on SQLite;
 * the refusals, CSRF and password storage also on PostgreSQL.
 */
import { isDeepStrictEqual } from "node:util";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../src/render/html/escape.ts";
import { createAccount } from "../src/server/accounts.ts";
import { buildServer } from "../src/server/app.ts";
import { DEMO_PASSWORD, seedDemo } from "../src/server/demo.ts";
import { getBudget } from "../src/store/budgets.ts";
import type { Store } from "../src/store/connect.ts";
import { type BudgetStatus, TABLE_ORDER } from "../src/store/schema.ts";
import { createSession } from "../src/store/sessions.ts";
import { findUser } from "../src/store/users.ts";
import {
  call,
  foundingDocument,
  multipart,
  routesOf,
  type Session,
  sessionOf,
  signIn,
  upload,
} from "./support/api-client.ts";
import { postgresStore, sqliteStore } from "./support/stores.ts";

/**
 * Expected status of every /api/v1 route for each role, on the demo budget of department A (published, then put in
 * the status of the last column before each request). preparerB prepares for another department: A's budget does
 * not exist for them (404), and what their role may never do is 403. Anonymous sign-in uses a wrong password.
 */
const MATRIX = `
route                                                  anonymous preparerA preparerB reviewer admin  status-first
POST   /api/v1/session                                 401       200       200       200      200    -
GET    /api/v1/session                                 401       200       200       200      200    -
DELETE /api/v1/session                                 401       200       200       200      200    -
GET    /api/v1/users                                   401       403       403       403      200    -
POST   /api/v1/users                                   401       403       403       403      201    -
GET    /api/v1/budgets                                 401       200       200       200      200    -
POST   /api/v1/budgets                                 401       201       403       403      201    draft
GET    /api/v1/budgets/:id                             401       200       404       200      200    -
GET    /api/v1/budgets/:id/versions/:number            401       200       404       200      200    -
GET    /api/v1/budgets/:id/versions/:number/findings   401       200       404       200      200    -
GET    /api/v1/budgets/:id/versions/:number/changes    401       200       404       200      200    -
PATCH  /api/v1/budgets/:id/narrative                   401       200       404       403      200    draft
POST   /api/v1/budgets/:id/submit                      401       200       404       403      200    draft
POST   /api/v1/budgets/:id/return                      401       403       403       200      200    submitted
POST   /api/v1/budgets/:id/approve                     401       403       403       200      200    submitted
POST   /api/v1/budgets/:id/publish                     401       403       403       403      200    approved
GET    /api/v1/budgets/:id/comments                    401       200       404       200      200    -
POST   /api/v1/budgets/:id/comments                    401       201       404       201      201    -
GET    /api/v1/published                               200       200       200       200      200    -
GET    /api/v1/published/:id                           200       200       200       200      200    -
GET    /api/v1/search                                  200       200       200       200      200    -
`;

const ROLES = ["anonymous", "preparerA", "preparerB", "reviewer", "admin"] as const;
type Who = (typeof ROLES)[number];
const USERNAMES = { preparerA: "preparer", preparerB: "preparer-b", reviewer: "reviewer", admin: "admin" };

interface Cell {
  route: string;
  who: Who;
  status: number;
  statusFirst?: string;
}

const CELLS: Cell[] = MATRIX.trim()
  .split("\n")
  .slice(1)
  .flatMap((line) => {
    const [method, path, ...columns] = line.trim().split(/\s+/);
    const statusFirst = columns[ROLES.length];
    return ROLES.map((who, i) => ({
      route: `${method} ${path}`,
      who,
      status: Number(columns[i]),
      statusFirst: statusFirst === "-" ? undefined : statusFirst,
    }));
  });
const refused = (cell: Cell) => [401, 403, 404].includes(cell.status);

const DOC_JSON = JSON.stringify(foundingDocument());
/** Markup in a stored field, tagged with the field so that a page can be shown to print that field escaped. */
const hostile = (field: string) => `<script>alert("${field}")</script><img src=x onerror=alert(1)>'"`;
/** What would show that hostile text reached a page as markup. */
const INJECTED = /<script>alert|<img src=x/i;

/** Seeding publishes the founding document, which takes seconds (more while other test files run). */
const SETUP_MS = 120_000;

interface Fixture {
  store: Store;
  app: FastifyInstance;
  /** Department A's budget (the founding document, published by the demo seed). */
  budgetId: number;
}

async function fixture(store: Store): Promise<Fixture> {
  const budgetId = await seedDemo(store);
  await createAccount({ store }, undefined, {
    username: USERNAMES.preparerB,
    displayName: "乙部门编制员",
    password: DEMO_PASSWORD,
    role: "preparer",
    department: "广州市海珠区另一个局",
  });
  return { store, app: await buildServer(store), budgetId };
}

/** A fresh session for each request, so that signing out in one cell does not sign out the next. */
async function sessionFor({ store }: Fixture, who: Who): Promise<Session | undefined> {
  if (who === "anonymous") return undefined;
  const user = await findUser(store.db, USERNAMES[who]);
  if (!user) throw new Error(`no user ${who}`);
  const grant = await createSession(store.db, user.id, 60_000);
  return sessionOf(grant.token, grant.csrfToken);
}

let serial = 0;

async function requestFor(f: Fixture, cell: Cell): Promise<InjectOptions> {
  const [method = "GET", pattern = ""] = cell.route.split(" ");
  const head = (await getBudget(f.store.db, f.budgetId))?.head ?? 1;
  const url = pattern.replace(":id", String(f.budgetId)).replace(":number", "1");
  const json = (payload: object) => ({ method, url, payload }) as InjectOptions;
  switch (cell.route) {
    case "POST /api/v1/session":
      return cell.who === "anonymous"
        ? json({ username: "nobody", password: "wrong-password" })
        : json({ username: USERNAMES[cell.who], password: DEMO_PASSWORD });
    case "POST /api/v1/users":
      return json({ username: `account-${++serial}`, password: DEMO_PASSWORD, role: "reviewer" });
    case "POST /api/v1/budgets": {
      const body = multipart("haizhu-2021.json", DOC_JSON, { baseVersion: String(head) });
      return { method, url, payload: body.payload, headers: body.headers };
    }
    case "PATCH /api/v1/budgets/:id/narrative":
      return json({ baseVersion: head, sections: [{ id: "transfer", text: `第 ${++serial} 次修改` }] });
    case "POST /api/v1/budgets/:id/return":
      return json({ baseVersion: head, comment: "请补充说明" });
    case "POST /api/v1/budgets/:id/comments":
      return json({ tableId: "T06", text: "请核对本表" });
    case "GET /api/v1/search":
      return { method, url: `${url}?q=${encodeURIComponent("政务")}` };
  }
  return method === "POST" ? json({ baseVersion: head }) : { method, url };
}

/** Runs the cells and returns those answered otherwise than the matrix says, or refused yet changing the budget. */
async function runCells(f: Fixture, cells: Cell[]): Promise<string[]> {
  const wrong: string[] = [];
  const budget = () => getBudget(f.store.db, f.budgetId);
  for (const cell of cells) {
    if (cell.statusFirst) {
      const status = cell.statusFirst as BudgetStatus;
      await f.store.db.updateTable("budgets").set({ status }).where("id", "=", f.budgetId).execute();
    }
    const before = await budget();
    const response = await call(f.app, await sessionFor(f, cell.who), await requestFor(f, cell));
    const said = `${cell.route} as ${cell.who}: ${response.statusCode}`;
    if (response.statusCode !== cell.status) {
      wrong.push(`${said}, not ${cell.status}: ${response.body.slice(0, 150)}`);
    } else if (refused(cell) && !isDeepStrictEqual(await budget(), before)) {
      wrong.push(`${said}, yet the budget changed`);
    }
  }
  return wrong;
}

/** Row counts of every table but sessions (each cell signs in afresh). */
async function counts(f: Fixture) {
  const counted: Record<string, unknown> = {};
  for (const table of TABLE_ORDER.filter((t) => t !== "sessions")) {
    const row = await f.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    counted[table] = Number(row?.n);
  }
  return counted;
}

/** The counts and the budget's row. */
const snapshot = async (f: Fixture) => ({ counts: await counts(f), budget: await getBudget(f.store.db, f.budgetId) });

async function expectRefusalsChangeNothing(f: Fixture) {
  const before = await counts(f);
  expect(await runCells(f, CELLS.filter(refused))).toEqual([]);
  expect(await counts(f)).toEqual(before);
}

async function expectCsrfChecked(f: Fixture) {
  const preparer = await sessionFor(f, "preparerA");
  const reviewer = await sessionFor(f, "reviewer");
  if (!preparer || !reviewer) throw new Error("sessions");
  const before = await snapshot(f);
  const patch = { method: "PATCH" as const, url: `/api/v1/budgets/${f.budgetId}/narrative` };
  const payload = { baseVersion: before.budget?.head, sections: [{ id: "transfer", text: "伪造的修改" }] };
  const cookieOnly = { cookie: preparer.headers.cookie ?? "" };
  for (const token of [undefined, "wrong-token", reviewer.csrfToken]) {
    const headers = token === undefined ? cookieOnly : { ...cookieOnly, "x-csrf-token": token };
    const response = await f.app.inject({ ...patch, payload, headers });
    expect(response.statusCode, `token ${token}`).toBe(403);
    expect(response.json().error.message).toContain("CSRF");
  }
  const body = multipart("haizhu-2021.json", DOC_JSON, { baseVersion: String(before.budget?.head) });
  const uploaded = await f.app.inject({
    method: "POST",
    url: "/api/v1/budgets",
    payload: body.payload,
    headers: { ...cookieOnly, ...body.headers },
  });
  expect(uploaded.statusCode).toBe(403);
  expect(await snapshot(f)).toEqual(before);
}

async function expectScryptPasswords(f: Fixture) {
  const rows = await f.store.db.selectFrom("users").select(["username", "password_hash"]).execute();
  expect(rows.length).toBeGreaterThanOrEqual(4);
  for (const row of rows) {
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  }
  const admin = await signIn(f.app, "admin", DEMO_PASSWORD);
  const users = await call(f.app, admin, { method: "GET", url: "/api/v1/users" });
  expect(users.body).not.toMatch(/password|scrypt/);
}

describe("security on sqlite", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture(await sqliteStore());
  }, SETUP_MS);
  afterAll(async () => {
    await f?.app.close();
    await f?.store.close();
  });

  it("declares every /api/v1 route of the app in the matrix, and no other", () => {
    const declared = [...new Set(CELLS.map((c) => c.route))].sort();
    const routes = routesOf(f.app).filter((r) => r.includes(" /api/v1/"));
    expect(
      routes.filter((r) => !declared.includes(r)),
      "routes missing from MATRIX",
    ).toEqual([]);
    expect(
      declared.filter((r) => !routes.includes(r)),
      "MATRIX routes the app lacks",
    ).toEqual([]);
  });

  it("refuses what the matrix refuses, and a refused request changes nothing", () => expectRefusalsChangeNothing(f));

  it("allows what the matrix allows", async () => {
    expect(
      await runCells(
        f,
        CELLS.filter((c) => !refused(c)),
      ),
    ).toEqual([]);
  });

  it("shows a preparer only their own department's budgets", async () => {
    const list = async (who: Who) =>
      (await call(f.app, await sessionFor(f, who), { method: "GET", url: "/api/v1/budgets" })).json().budgets;
    expect((await list("preparerA")).map((b: { id: number }) => b.id)).toEqual([f.budgetId]);
    expect(await list("preparerB")).toEqual([]);
  });

  it("refuses a write whose CSRF token is missing, wrong or another session's", () => expectCsrfChecked(f));

  it("refuses a preparer's upload for another department, storing nothing, not even that department", async () => {
    const doc = foundingDocument();
    doc.department = "广州市海珠区未登记的局";
    const before = await counts(f);
    const response = await upload(f.app, await sessionFor(f, "preparerA"), "other.json", JSON.stringify(doc));
    expect(response.statusCode).toBe(403);
    expect(await counts(f)).toEqual(before);
  });

  it("refuses a sign-in from another site", async () => {
    const payload = { username: "admin", password: DEMO_PASSWORD };
    const signInFrom = (headers: Record<string, string>) =>
      f.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload,
        headers: { host: "yusuan.example", ...headers },
      });
    expect((await signInFrom({ origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await signInFrom({ origin: "null" })).statusCode).toBe(403);
    expect((await signInFrom({ "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect((await signInFrom({ origin: "http://yusuan.example" })).statusCode).toBe(200);
    const form = await f.app.inject({
      method: "POST",
      url: "/login",
      payload: "username=admin&password=yusuan-demo-2021",
      headers: {
        host: "yusuan.example",
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(form.statusCode).toBe(403);
  });

  it("sets the session cookie HttpOnly and SameSite=Strict (and Secure when asked)", async () => {
    const payload = { username: "reviewer", password: DEMO_PASSWORD };
    const plain = await f.app.inject({ method: "POST", url: "/api/v1/session", payload });
    expect(plain.cookies[0]).toMatchObject({ name: "yusuan_session", httpOnly: true, sameSite: "Strict", path: "/" });
    const secureApp = await buildServer(f.store, { secureCookies: true });
    const secure = await secureApp.inject({ method: "POST", url: "/api/v1/session", payload });
    await secureApp.close();
    expect(secure.cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: true });
  });

  it("refuses the sixth failed sign-in for an account from one address with 429, the 51st from anywhere; a success resets", async () => {
    const app = await buildServer(f.store);
    const attempt = (username: string, password: string, remoteAddress: string) =>
      app.inject({ method: "POST", url: "/api/v1/session", payload: { username, password }, remoteAddress });
    try {
      for (let i = 0; i < 5; i++)
        expect((await attempt("reviewer", "wrong-password", "10.0.0.1")).statusCode).toBe(401);
      const sixth = await attempt("reviewer", DEMO_PASSWORD, "10.0.0.1");
      expect(sixth.statusCode).toBe(429);
      expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
      // A stranger's wrong guesses do not lock the reviewer out at their own address.
      expect((await attempt("reviewer", DEMO_PASSWORD, "10.0.0.3")).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt("admin", "wrong-password", "10.0.0.2")).statusCode).toBe(401);
      expect((await attempt("admin", DEMO_PASSWORD, "10.0.0.2")).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await attempt("admin", "wrong-password", "10.0.0.2")).statusCode).toBe(401);
      expect((await attempt("admin", "wrong-password", "10.0.0.2")).statusCode).toBe(429);
      // Guesses spread over many addresses still stop, per account, after 50.
      for (let i = 0; i < 50; i++) await attempt("preparer", "wrong-password", `10.1.${i >> 2}.${i}`);
      expect((await attempt("preparer", DEMO_PASSWORD, "10.2.0.1")).statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });

  it("stores passwords as scrypt hashes, never in plain, and never returns them", () => expectScryptPasswords(f));

  it("sends the security headers with HTML pages, published files and API answers", async () => {
    const urls = ["/", "/login", "/nowhere", `/budgets/${f.budgetId}/`, `/budgets/${f.budgetId}/table-T01.html`];
    for (const url of [...urls, "/api/v1/published", "/api/v1/session", "/api/v1/nowhere"]) {
      const response = await f.app.inject({ method: "GET", url });
      expect(response.headers["content-security-policy"], url).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["x-frame-options"], url).toBe("DENY");
    }
  });

  it("refuses an upload over the size limit with 413, storing nothing", async () => {
    const small = await buildServer(f.store, { maxUploadBytes: 10_000 });
    const before = await snapshot(f);
    const response = await upload(small, await signIn(small, "preparer", DEMO_PASSWORD), "big.json", DOC_JSON, {
      baseVersion: String(before.budget?.head),
    });
    await small.close();
    expect(response.statusCode).toBe(413);
    expect(await snapshot(f)).toEqual(before);
  });

  it("escapes hostile text from every stored field in every HTML page", async () => {
    const admin = await signIn(f.app, "admin", DEMO_PASSWORD);
    const post = (url: string, payload: object, method: "POST" | "PATCH" = "POST") =>
      call(f.app, admin, { method, url, payload });
    const account = { password: DEMO_PASSWORD, role: "reviewer", displayName: hostile("display") };
    expect((await post("/api/v1/users", { ...account, username: "<img src=x>" })).statusCode).toBe(422);
    expect((await post("/api/v1/users", { ...account, username: "hostile" })).statusCode).toBe(201);
    const department = `${hostile("department")}局`;
    const preparer = { username: "hostile-prep", password: DEMO_PASSWORD, role: "preparer", department };
    expect((await post("/api/v1/users", preparer)).statusCode).toBe(201);

    const doc = foundingDocument();
    doc.department = department;
    doc.title = `${hostile("title")}部门预算`;
    if (doc.units[0]) doc.units[0].name = hostile("unit");
    // A browser sends a quote in a file name as %22, so the name carries markup without quotes.
    const uploaded = await upload(f.app, admin, "<img src=x onerror=alert(1)>.json", JSON.stringify(doc));
    expect(uploaded.statusCode).toBe(201);
    const id = uploaded.json().budget.id;
    const edits = {
      baseVersion: 1,
      sections: [{ id: "transfer", text: hostile("narrative") }],
      reasons: [{ section: "overview", fact: 0, reason: hostile("reason") }],
    };
    expect((await post(`/api/v1/budgets/${id}/narrative`, edits, "PATCH")).statusCode).toBe(200);
    expect(
      (await post(`/api/v1/budgets/${id}/comments`, { text: hostile("comment"), tableId: "T06" })).statusCode,
    ).toBe(201);
    for (const action of ["submit", "approve", "publish"]) {
      expect(
        (await post(`/api/v1/budgets/${id}/${action}`, { baseVersion: 2, comment: hostile("event") })).statusCode,
      ).toBe(200);
    }

    const files = await f.store.db
      .selectFrom("published_files")
      .innerJoin("versions", "versions.id", "published_files.version_id")
      .select("published_files.path")
      .where("versions.budget_id", "=", id)
      .execute();
    const shown = files.map((file) => file.path).filter((path) => /\.(html|svg)$/.test(path));
    // Each route's parameters filled in with the hostile budget's and department's ids, every published page for `*`.
    const ids = [String(id), String(uploaded.json().budget.department_id)];
    const fixed: Record<string, string> = { number: "2", version: "2", year: "2021", table: "T06" };
    const expand = (path: string): string[] => {
      const param = /:(\w+)/.exec(path);
      if (!param) return path.endsWith("*") ? shown.map((file) => path.replace("*", file)) : [path];
      const value = fixed[param[1] ?? ""];
      return (value ? [value] : ids).flatMap((v) => expand(path.replace(param[0], v)));
    };
    const pages = routesOf(f.app)
      .filter((r) => r.startsWith("GET ") && !r.includes(" /api/") && !r.includes(" /docs"))
      .flatMap((r) => expand(r.slice(4)));
    const query = `?q=${encodeURIComponent(hostile("query"))}&next=${encodeURIComponent(hostile("next"))}`;
    const hostileUser = await signIn(f.app, "hostile", DEMO_PASSWORD);
    let checked = 0;
    for (const page of pages) {
      for (const session of [undefined, hostileUser, admin]) {
        const response = await call(f.app, session, { method: "GET", url: `${page}${query}` });
        if (!String(response.headers["content-type"]).startsWith("text/html")) continue;
        checked++;
        expect(response.body, `${page} as ${session ? "signed in" : "anonymous"}`).not.toMatch(INJECTED);
      }
    }
    expect(checked).toBeGreaterThan(shown.length);
    const home = await call(f.app, hostileUser, { method: "GET", url: "/" });
    expect(home.body).toContain(escapeHtml(hostile("department")));
    expect(home.body).toContain(escapeHtml(hostile("display")));
    const part3 = await f.app.inject({ method: "GET", url: `/budgets/${id}/part3.html` });
    expect(part3.body).toContain(escapeHtml(hostile("narrative")));
    const overview = await f.app.inject({ method: "GET", url: `/budgets/${id}/` });
    expect(overview.body).toContain(escapeHtml(hostile("reason")));
    expect(overview.body).toContain(escapeHtml(hostile("title")));
    if (routesOf(f.app).includes("GET /workbench/budgets/:id")) {
      const workbench = await call(f.app, admin, { method: "GET", url: `/workbench/budgets/${id}` });
      expect(workbench.body).toContain(escapeHtml(hostile("comment")));
    }
    const form = await f.app.inject({
      method: "POST",
      url: "/login",
      payload: `username=${encodeURIComponent(hostile("username"))}&password=x&next=${encodeURIComponent(hostile("next"))}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.body).not.toMatch(INJECTED);
  });
});

describe("security on postgres: refusals, CSRF, password storage", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture(await postgresStore());
  }, SETUP_MS);
  afterAll(async () => {
    await f?.app.close();
    await f?.store.close();
  });

  it("refuses what the matrix refuses, and a refused request changes nothing", () => expectRefusalsChangeNothing(f));
  it("refuses a write whose CSRF token is missing, wrong or another session's", () => expectCsrfChecked(f));
  it("stores passwords as scrypt hashes, never in plain, and never returns them", () => expectScryptPasswords(f));
});
