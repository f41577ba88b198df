/**
 * Real databases for the store's tests: a fresh SQLite file, and a fresh database on the local PostgreSQL server
 * (127.0.0.1:5432, user postgres; `.ci/run` starts it if it is down), dropped again when the test closes it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/connect.ts";

export const POSTGRES_SERVER = process.env.YUSUAN_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432";

export async function sqliteStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-store-"));
  const store = await openStore(join(dir, "yusuan.db"));
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

export async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `yusuan_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await admin.connect();
  // From template0, which nobody connects to: concurrent test files creating databases from template1 can fail
  // with "source database is being accessed by other users".
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  return {
    url: `${POSTGRES_SERVER}/${name}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function postgresStore(): Promise<Store> {
  const database = await postgresDatabase();
  const store = await openStore(database.url);
  return {
    ...store,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** Both kinds, for `describe.each`. */
export const STORES = [
  { dialect: "sqlite", open: sqliteStore },
  { dialect: "postgres", open: postgresStore },
] as const;
