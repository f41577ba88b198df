/**
 * Opening the store: an SQLite file by default (embedded, nothing to run), PostgreSQL when given a postgres:// URL.
 * Both get the same Kysely schema and migrations.
 */
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { type Dialect, migrateToLatest } from "./migrations.ts";
import type { Database } from "./schema.ts";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it is, with any password removed, for messages. */
  location: string;
  close(): Promise<void>;
}

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** PostgreSQL returns bigint as text (it may exceed 2^53); budget amounts never do, and a larger one is an error. */
function bigintAsNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`integer ${text} exceeds the safe range`);
  return value;
}

async function postgres(url: string): Promise<Kysely<Database>> {
  const pg = (await import("pg")).default;
  pg.types.setTypeParser(pg.types.builtins.INT8, bigintAsNumber);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, an administrator) is an event, not a crash: the pool
  // replaces it on the next query, and a query in flight fails with its own error.
  pool.on("error", (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function sqlite(file: string): Promise<Kysely<Database>> {
  const SqliteDatabase = (await import("better-sqlite3")).default;
  const database = new SqliteDatabase(file);
  // WAL lets readers (the portal) go on while a writer (an upload) commits; foreign keys are off by default in SQLite.
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/** Opens (creating if need be) and migrates the store at `location`: a file path or a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  const dialect: Dialect = isPostgresUrl(location) ? "postgres" : "sqlite";
  const db = dialect === "postgres" ? await postgres(location) : await sqlite(location);
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, location: location.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"), close: () => db.destroy() };
}
