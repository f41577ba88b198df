import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupStore, restoreStore } from "../src/store/backup.ts";
import { addVersion, changeStatus, getBudget, listEvents, listVersions } from "../src/store/budgets.ts";
import { addComment, listComments } from "../src/store/comments.ts";
import type { Store } from "../src/store/connect.ts";
import { ConflictError } from "../src/store/errors.ts";
import { getPublishedFile, listPublished, publishVersion, searchPublished } from "../src/store/published.ts";
import { createSession, deleteSession, findSession } from "../src/store/sessions.ts";
import { createUser, ensureDepartment } from "../src/store/users.ts";
import { STORES } from "./support/stores.ts";

function first<T>(items: T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error("expected at least one");
  return item;
}

const content = (note: string, document = `{"note":"${note}"}`) => ({
  note,
  document,
  hash: `hash-${note}`,
  template: "gz-2021-14",
  errors: 1,
  warnings: 2,
  changes: "[]",
});

describe.each(STORES)("store on $dialect", ({ dialect, open }) => {
  let store: Store;
  let preparer: number;
  let reviewer: number;
  let admin: number;
  let departmentId: number;
  const key = () => ({ departmentId, year: 2021, phase: "预算" });

  beforeAll(async () => {
    store = await open();
    const department = await ensureDepartment(store.db, "广州市海珠区政务服务数据管理局");
    departmentId = department.id;
    expect((await ensureDepartment(store.db, department.name)).id).toBe(department.id);
    const user = (username: string, role: "admin" | "reviewer" | "preparer") =>
      createUser(store.db, { username, displayName: username, passwordHash: "x", role, departmentId });
    preparer = (await user("prep", "preparer")).id;
    reviewer = (await user("rev", "reviewer")).id;
    admin = (await user("adm", "admin")).id;
  });
  afterAll(async () => store?.close());

  it("migrates forward on a fresh database, with a trigram index for search on PostgreSQL", async () => {
    expect(store.dialect).toBe(dialect);
    const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(migrations.rows.map((r) => r.name)).toEqual(
      dialect === "postgres"
        ? ["001_initial", "002_search_index", "003_immutable_versions"]
        : ["001_initial", "003_immutable_versions"],
    );
    if (dialect === "postgres") {
      const indexes = await sql<{
        indexname: string;
      }>`select indexname from pg_indexes where tablename = 'search_entries'`.execute(store.db);
      expect(indexes.rows.map((r) => r.indexname)).toContain("search_entries_text_trgm");
    }
  });

  it("keeps sessions by the token's digest and forgets them on logout", async () => {
    const grant = await createSession(store.db, preparer, 60_000);
    const found = await findSession(store.db, grant.token);
    expect(found?.user.username).toBe("prep");
    expect(found?.csrfToken).toBe(grant.csrfToken);
    expect(await findSession(store.db, `${grant.token}x`)).toBeUndefined();
    const expired = await createSession(store.db, preparer, -1);
    expect(await findSession(store.db, expired.token)).toBeUndefined();
    await deleteSession(store.db, grant.token);
    expect(await findSession(store.db, grant.token)).toBeUndefined();
  });

  it("adds versions, refuses a stale one and loses nothing", async () => {
    const first = await addVersion(store.db, key(), "upload", undefined, preparer, content("v1"));
    expect(first.version.number).toBe(1);
    const second = await addVersion(store.db, key(), "edit", 1, preparer, content("v2"));
    expect(second.budget.head).toBe(2);
    const stale = addVersion(store.db, key(), "edit", 1, preparer, content("v2-stale"));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ head: 2 });
    const versions = await listVersions(store.db, first.budget.id);
    expect(versions.map((v) => v.note)).toEqual(["v2", "v1"]);
    // The database itself refuses to change or delete a version.
    await expect(store.db.updateTable("versions").set({ note: "forged" }).execute()).rejects.toThrow(/immutable/);
    await expect(store.db.deleteFrom("versions").execute()).rejects.toThrow(/immutable/);
  });

  it("follows the workflow and records who did what", async () => {
    const budget = (await addVersion(store.db, key(), "edit", 2, preparer, content("v3"))).budget;
    await expect(changeStatus(store.db, budget.id, "approve", reviewer, "")).rejects.toBeInstanceOf(ConflictError);
    await changeStatus(store.db, budget.id, "submit", preparer, "ready");
    await changeStatus(store.db, budget.id, "return", reviewer, "fix T06");
    await expect(addVersion(store.db, key(), "edit", 3, preparer, content("v4"))).resolves.toBeDefined();
    await changeStatus(store.db, budget.id, "submit", preparer, "fixed");
    await changeStatus(store.db, budget.id, "approve", reviewer, "ok");
    expect((await getBudget(store.db, budget.id))?.status).toBe("approved");
    const actions = (await listEvents(store.db, budget.id)).map((e) => e.action);
    expect(actions).toEqual(["approve", "submit", "edit", "return", "submit", "edit", "edit", "upload"]);
    await addComment(store.db, {
      budgetId: budget.id,
      versionNumber: 4,
      authorId: reviewer,
      tableId: "T06",
      text: "<b>",
    });
    expect((await listComments(store.db, budget.id)).map((c) => [c.table_id, c.text, c.author])).toEqual([
      ["T06", "<b>", "rev"],
    ]);
  });

  it("publishes the approved version with its files and search entries", async () => {
    const budget = first(await listVersions(store.db, 1));
    expect(budget.number).toBe(4);
    const files = [{ path: "index.html", content: new TextEncoder().encode("<h1>预算</h1>") }];
    const entries = [{ kind: "project", text: "政务服务 100%_专项", amount: 49305, path: "projects/1.html" }];
    await expect(publishVersion(store.db, 1, 3, admin, files, entries)).rejects.toBeInstanceOf(ConflictError);
    await publishVersion(store.db, 1, 4, admin, files, entries);
    const published = first(await listPublished(store.db));
    expect(published).toMatchObject({ department: "广州市海珠区政务服务数据管理局", year: 2021, versionNumber: 4 });
    const file = await getPublishedFile(store.db, published.versionId, "index.html");
    expect(new TextDecoder().decode(file)).toBe("<h1>预算</h1>");
    expect((await searchPublished(store.db, "政务")).map((h) => h.text)).toEqual(["政务服务 100%_专项"]);
    expect(await searchPublished(store.db, "100%_")).toHaveLength(1);
    expect(await searchPublished(store.db, "0%x")).toHaveLength(0);
    expect(await searchPublished(store.db, "zzz", [1, 49305])).toHaveLength(1);
    await expect(publishVersion(store.db, 1, 4, admin, files, entries)).rejects.toBeInstanceOf(ConflictError);
  });

  it("backs up and restores into a new store of either kind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-backup-"));
    try {
      const file = join(dir, "backup.jsonl.gz");
      const counts = await backupStore(store, file);
      expect(counts).toMatchObject({ departments: 1, users: 3, versions: 4, published_files: 1 });
      for (const target of STORES) {
        const restored = await target.open();
        try {
          expect(await restoreStore(restored, file)).toEqual(counts);
          const published = first(await listPublished(restored.db));
          expect(published.hash).toBe("hash-v4");
          const content = await getPublishedFile(restored.db, published.versionId, "index.html");
          expect(new TextDecoder().decode(content)).toBe("<h1>预算</h1>");
          // New rows get fresh ids after a restore.
          const dept = await ensureDepartment(restored.db, "另一个部门");
          expect(dept.id).toBeGreaterThan(departmentId);
          await expect(restoreStore(restored, file)).rejects.toThrow(/not empty/);
        } finally {
          await restored.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
