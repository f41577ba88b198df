/**
 * Migrations as code, run forward on SQLite and PostgreSQL alike. The few types the two spell differently
 * (auto-increment keys, binary content) are chosen by dialect; everything else is the same statement.
 */
import { type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

export type Dialect = "sqlite" | "postgres";

// Kysely migrations must accept any database type: they run before the typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

function migrations(dialect: Dialect): Record<string, Migration> {
  const withId = (table: CreateTableBuilder<string>) =>
    dialect === "postgres"
      ? table.addColumn("id", "serial", (c) => c.primaryKey())
      : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  const binary = dialect === "postgres" ? sql`bytea` : sql`blob`;
  return {
    "001_initial": {
      async up(db: AnyDb) {
        await withId(db.schema.createTable("departments"))
          .addColumn("name", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await withId(db.schema.createTable("users"))
          .addColumn("username", "text", (c) => c.notNull().unique())
          .addColumn("display_name", "text", (c) => c.notNull())
          .addColumn("password_hash", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("department_id", "integer", (c) => c.references("departments.id"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("sessions")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("csrf_token", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await withId(db.schema.createTable("budgets"))
          .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("phase", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("head", "integer", (c) => c.notNull())
          .addColumn("published_version", "integer")
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addUniqueConstraint("budgets_department_year_phase", ["department_id", "year", "phase"])
          .execute();
        await withId(db.schema.createTable("versions"))
          .addColumn("budget_id", "integer", (c) => c.notNull().references("budgets.id"))
          .addColumn("number", "integer", (c) => c.notNull())
          .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("note", "text", (c) => c.notNull())
          .addColumn("document", "text", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull())
          .addColumn("template", "text", (c) => c.notNull())
          .addColumn("errors", "integer", (c) => c.notNull())
          .addColumn("warnings", "integer", (c) => c.notNull())
          .addColumn("changes", "text", (c) => c.notNull())
          .addUniqueConstraint("versions_budget_number", ["budget_id", "number"])
          .execute();
        await withId(db.schema.createTable("events"))
          .addColumn("budget_id", "integer", (c) => c.notNull().references("budgets.id"))
          .addColumn("version_number", "integer", (c) => c.notNull())
          .addColumn("actor_id", "integer", (c) => c.notNull().references("users.id"))
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("comment", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("events_budget").on("events").column("budget_id").execute();
        await withId(db.schema.createTable("comments"))
          .addColumn("budget_id", "integer", (c) => c.notNull().references("budgets.id"))
          .addColumn("version_number", "integer", (c) => c.notNull())
          .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
          .addColumn("table_id", "text", (c) => c.notNull())
          .addColumn("row_key", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("comments_budget").on("comments").column("budget_id").execute();
        await db.schema
          .createTable("published_files")
          .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("content", binary, (c) => c.notNull())
          .addPrimaryKeyConstraint("published_files_pk", ["version_id", "path"])
          .execute();
        await withId(db.schema.createTable("search_entries"))
          .addColumn("budget_id", "integer", (c) => c.notNull().references("budgets.id"))
          .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("amount", "bigint")
          .addColumn("path", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("search_entries_budget").on("search_entries").column("budget_id").execute();
        await db.schema.createIndex("search_entries_amount").on("search_entries").column("amount").execute();
      },
    },
    ...(dialect === "postgres" ? { "002_search_index": searchIndex } : {}),
    "003_immutable_versions": immutableVersions(dialect),
  };
}

/**
 * Search at a province's scale (millions of entries) needs an index that serves `lower(text) LIKE '%…%'`: on
 * PostgreSQL a trigram index, where the pg_trgm extension is available and may be created (a trusted extension
 * since PostgreSQL 13: CREATE on the database suffices). SQLite stores serve one machine and scan.
 */
const searchIndex: Migration = {
  async up(db: AnyDb) {
    const { rows } = await sql<{
      ok: boolean;
    }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
      and has_database_privilege(current_database(), 'CREATE') as ok`.execute(db);
    if (!rows[0]?.ok) return;
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_entries_text_trgm on search_entries using gin (lower(text) gin_trgm_ops)`.execute(db);
  },
};

/**
 * Versions and published files are only ever inserted; the database itself refuses to change or delete them, so
 * that no code path — nor a hand-typed statement — can alter what was submitted or published.
 */
function immutableVersions(dialect: Dialect): Migration {
  const tables = ["versions", "published_files"];
  return {
    async up(db: AnyDb) {
      if (dialect === "sqlite") {
        for (const table of tables) {
          for (const event of ["update", "delete"]) {
            await sql
              .raw(
                `create trigger ${table}_no_${event} before ${event} on ${table} begin select raise(abort, '${table} are immutable'); end`,
              )
              .execute(db);
          }
        }
        return;
      }
      await sql
        .raw(
          `create function yusuan_immutable() returns trigger language plpgsql as $$ begin raise exception '% are immutable', tg_table_name; end $$`,
        )
        .execute(db);
      for (const table of tables) {
        await sql
          .raw(
            `create trigger ${table}_immutable before update or delete on ${table} for each row execute function yusuan_immutable()`,
          )
          .execute(db);
      }
    },
  };
}

class Provider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations() {
    return migrations(this.dialect);
  }
}

/** Brings the database up to the newest schema; says which migrations ran. */
export async function migrateToLatest(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new Provider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
