/**
 * The server's commands as a user runs them: `serve` answers on its port and stops on SIGTERM; `user add` creates
 * an account that can sign in; `backup` then `restore` copies a store (SQLite into PostgreSQL) with its published
 * budget intact; bad input is a clear message and exit status 2.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/connect.ts";
import { listPublished } from "../src/store/published.ts";
import { findUser } from "../src/store/users.ts";
import { postgresDatabase } from "./support/stores.ts";

const dir = mkdtempSync(join(tmpdir(), "yusuan-server-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function yusuan(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["bin/yusuan.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `yusuan serve` and resolves with its address once it says where it listens. */
function serve(args: string[]): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ["bin/yusuan.mjs", "serve", "--port", "0", ...args], { stdio: "pipe" });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const match = /serving .* at (http:\/\/[\d.:]+)/.exec(err);
      if (match?.[1]) {
        resolve({
          url: match[1],
          stop: () =>
            new Promise((done) => {
              child.once("exit", (code) => done(code));
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe("yusuan serve, user, backup, restore", () => {
  const db = join(dir, "yusuan.db");

  it("serves the demo portal and stops cleanly", async () => {
    const server = await serve(["--db", db, "--demo"]);
    try {
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("广州市海珠区政务服务数据管理局");
      const book = await fetch(`${server.url}/budgets/1/`);
      expect(book.status).toBe(200);
      const docs = await fetch(`${server.url}/docs/json`);
      expect((await docs.json()).openapi).toMatch(/^3\./);
      const ui = await fetch(`${server.url}/docs`);
      expect(await ui.text()).toMatch(/swagger-ui/i);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it("adds an account from the command line, refusing a weak password", async () => {
    const weak = yusuan(["user", "add", "chief", "--role", "admin", "--db", db], { YUSUAN_PASSWORD: "short" });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/至少 10 个字符/);
    const ok = yusuan(["user", "add", "chief", "--role", "admin", "--db", db], {
      YUSUAN_PASSWORD: "a long passphrase",
    });
    expect(ok.status, ok.stderr).toBe(0);
    const store = await openStore(db);
    try {
      expect((await findUser(store.db, "chief"))?.password_hash).toMatch(/^scrypt\$/);
    } finally {
      await store.close();
    }
  });

  it("backs up an SQLite store and restores it into PostgreSQL", async () => {
    const backup = join(dir, "backup.jsonl.gz");
    const out = yusuan(["backup", "--db", db, "--out", backup]);
    expect(out.status, out.stderr).toBe(0);
    const database = await postgresDatabase();
    try {
      const restored = yusuan(["restore", backup, "--db", database.url]);
      expect(restored.status, restored.stderr).toBe(0);
      const again = yusuan(["restore", backup, "--db", database.url]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/not empty/);
      const store = await openStore(database.url);
      try {
        const [published] = await listPublished(store.db);
        expect(published?.department).toBe("广州市海珠区政务服务数据管理局");
        expect(published?.hash).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it("says clearly when the store cannot be opened", () => {
    const r = yusuan(["serve", "--port", "0", "--db", "postgres://postgres@127.0.0.1:5432/yusuan_no_such_database"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot open the store .*yusuan_no_such_database.*does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("says clearly when a backup file is not one", () => {
    const bogus = join(dir, "bogus.gz");
    writeFileSync(bogus, "not gzip");
    const r = yusuan(["restore", bogus, "--db", join(dir, "fresh.db")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bogus\.gz/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
