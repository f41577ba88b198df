/** Reviewers' and preparers' comments on a budget, a table or a row of a table. */
import type { Kysely } from "kysely";
import { now } from "./clock.ts";
import type { Database } from "./schema.ts";

export interface NewComment {
  budgetId: number;
  versionNumber: number;
  authorId: number;
  tableId?: string;
  rowKey?: string;
  text: string;
}

export const addComment = (db: Kysely<Database>, c: NewComment) =>
  db
    .insertInto("comments")
    .values({
      budget_id: c.budgetId,
      version_number: c.versionNumber,
      author_id: c.authorId,
      table_id: c.tableId ?? "",
      row_key: c.rowKey ?? "",
      text: c.text,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const listComments = (db: Kysely<Database>, budgetId: number) =>
  db
    .selectFrom("comments")
    .innerJoin("users", "users.id", "comments.author_id")
    .selectAll("comments")
    .select(["users.display_name as author", "users.role as authorRole"])
    .where("comments.budget_id", "=", budgetId)
    .orderBy("comments.id")
    .execute();
