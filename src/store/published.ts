/**
 * Published budgets: the files of the budget book, PDF, workbook, CSV and open data, rendered once when an admin
 * publishes and kept with the version. A published version never changes, so its files can be cached forever.
 */
import { type Kysely, sql } from "kysely";
import { checkTransition, recordEvent } from "./budgets.ts";
import { now } from "./clock.ts";
import { ConflictError, NotFoundError } from "./errors.ts";
import type { Database } from "./schema.ts";

export interface PublishedFile {
  path: string;
  content: Uint8Array;
}

export interface SearchEntry {
  kind: string;
  text: string;
  amount: number | null;
  path: string;
}

/** Publishes the budget's newest version (which must be the approved one the admin saw). */
export async function publishVersion(
  db: Kysely<Database>,
  budgetId: number,
  versionNumber: number,
  actorId: number,
  files: PublishedFile[],
  entries: SearchEntry[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const budget = await trx.selectFrom("budgets").selectAll().where("id", "=", budgetId).executeTakeFirst();
    if (!budget) throw new NotFoundError(`no budget ${budgetId}`);
    checkTransition(budget, "publish");
    if (budget.head !== versionNumber) {
      throw new ConflictError(`the approved version is ${budget.head}, not ${versionNumber}`, budget.head);
    }
    const version = await trx
      .selectFrom("versions")
      .select("id")
      .where("budget_id", "=", budgetId)
      .where("number", "=", versionNumber)
      .executeTakeFirstOrThrow();
    // Insert in slices: PostgreSQL allows 65,535 parameters in one statement.
    for (let i = 0; i < files.length; i += 500) {
      const slice = files.slice(i, i + 500);
      await trx
        .insertInto("published_files")
        .values(slice.map((f) => ({ version_id: version.id, path: f.path, content: Buffer.from(f.content) })))
        .execute();
    }
    await trx.deleteFrom("search_entries").where("budget_id", "=", budgetId).execute();
    for (let i = 0; i < entries.length; i += 1000) {
      await trx
        .insertInto("search_entries")
        .values(entries.slice(i, i + 1000).map((e) => ({ ...e, budget_id: budgetId, version_id: version.id })))
        .execute();
    }
    await trx
      .updateTable("budgets")
      .set({ status: "published", published_version: versionNumber, updated_at: now() })
      .where("id", "=", budgetId)
      .execute();
    await recordEvent(trx, budget, "publish", actorId, "");
  });
}

export interface PublishedBudget {
  budgetId: number;
  department: string;
  departmentId: number;
  year: number;
  phase: string;
  versionId: number;
  versionNumber: number;
  hash: string;
  publishedAt: string;
}

/** Every budget that has a published version (or only `budgetId`'s), by department and year. */
export async function listPublished(db: Kysely<Database>, budgetId?: number): Promise<PublishedBudget[]> {
  let query = db
    .selectFrom("budgets")
    .innerJoin("departments", "departments.id", "budgets.department_id")
    .innerJoin("versions", (join) =>
      join.onRef("versions.budget_id", "=", "budgets.id").onRef("versions.number", "=", "budgets.published_version"),
    )
    .select([
      "budgets.id as budgetId",
      "departments.name as department",
      "departments.id as departmentId",
      "budgets.year",
      "budgets.phase",
      "versions.id as versionId",
      "versions.number as versionNumber",
      "versions.hash",
      "versions.created_at as publishedAt",
    ]);
  if (budgetId !== undefined) query = query.where("budgets.id", "=", budgetId);
  return query.orderBy("departments.name").orderBy("budgets.year", "desc").execute();
}

export const getPublishedFile = async (db: Kysely<Database>, versionId: number, path: string) =>
  (
    await db
      .selectFrom("published_files")
      .select("content")
      .where("version_id", "=", versionId)
      .where("path", "=", path)
      .executeTakeFirst()
  )?.content;

/** The paths of a published version's files. */
export async function publishedPaths(db: Kysely<Database>, versionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("published_files")
    .select("path")
    .where("version_id", "=", versionId)
    .orderBy("path")
    .execute();
  return rows.map((r) => r.path);
}

/** `text LIKE '%query%'`, the query's own % and _ taken literally, ignoring ASCII case on both databases. */
function contains(query: string) {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(search_entries.text) like ${pattern} escape '\\'`;
}

export interface SearchHit extends SearchEntry {
  department: string;
  year: number;
  phase: string;
  budgetId: number;
}

/** Finds published entries whose text contains the query, or whose amount is one of `amounts`. */
export async function searchPublished(
  db: Kysely<Database>,
  query: string,
  amounts: number[] = [],
  limit = 100,
): Promise<SearchHit[]> {
  const rows = await db
    .selectFrom("search_entries")
    .innerJoin("budgets", "budgets.id", "search_entries.budget_id")
    .innerJoin("departments", "departments.id", "budgets.department_id")
    .select([
      "search_entries.kind",
      "search_entries.text",
      "search_entries.amount",
      "search_entries.path",
      "departments.name as department",
      "budgets.year",
      "budgets.phase",
      "budgets.id as budgetId",
    ])
    .where((eb) =>
      amounts.length === 0 ? contains(query) : eb.or([contains(query), eb("search_entries.amount", "in", amounts)]),
    )
    .orderBy("departments.name")
    .orderBy("budgets.year", "desc")
    .orderBy("search_entries.id")
    .limit(limit)
    .execute();
  return rows;
}
