/**
 * Budgets and their versions. A version is only ever inserted: every upload or edit makes a new one, based on the
 * version the author saw; if another version arrived meanwhile the change is refused (ConflictError) and nothing is
 * lost. Status changes follow data/workflow.yaml and are recorded as events, in the same transaction.
 */
import type { Kysely, Transaction } from "kysely";
import { now } from "./clock.ts";
import { ConflictError, NotFoundError } from "./errors.ts";
import type { Budget, BudgetStatus, Database, NewVersion, Version } from "./schema.ts";
import { type Action, allowedFrom, WORKFLOW } from "./workflow.ts";

export interface BudgetKey {
  departmentId: number;
  year: number;
  phase: string;
}

/** What a new version holds besides where it belongs and who made it when. */
export type VersionContent = Omit<NewVersion, "id" | "budget_id" | "number" | "author_id" | "created_at">;

export interface BudgetRow extends Budget {
  department: string;
  /** The findings of the newest version, for queues and lists. */
  errors: number;
  warnings: number;
}

const budgetsWithDepartment = (db: Kysely<Database>) =>
  db
    .selectFrom("budgets")
    .innerJoin("departments", "departments.id", "budgets.department_id")
    .innerJoin("versions", (join) =>
      join.onRef("versions.budget_id", "=", "budgets.id").onRef("versions.number", "=", "budgets.head"),
    )
    .selectAll("budgets")
    .select(["departments.name as department", "versions.errors", "versions.warnings"]);

export const getBudget = (db: Kysely<Database>, id: number): Promise<BudgetRow | undefined> =>
  budgetsWithDepartment(db).where("budgets.id", "=", id).executeTakeFirst();

export const findBudget = (db: Kysely<Database>, key: BudgetKey) =>
  db
    .selectFrom("budgets")
    .selectAll()
    .where("department_id", "=", key.departmentId)
    .where("year", "=", key.year)
    .where("phase", "=", key.phase)
    .executeTakeFirst();

export interface BudgetFilter {
  departmentId?: number;
  statuses?: BudgetStatus[];
}

export function listBudgets(db: Kysely<Database>, filter: BudgetFilter = {}): Promise<BudgetRow[]> {
  let query = budgetsWithDepartment(db);
  if (filter.departmentId !== undefined) query = query.where("budgets.department_id", "=", filter.departmentId);
  if (filter.statuses) query = query.where("budgets.status", "in", filter.statuses);
  return query.orderBy("budgets.updated_at", "desc").execute();
}

async function record(
  trx: Transaction<Database>,
  budget: Budget,
  action: Action,
  actorId: number,
  comment: string,
  versionNumber = budget.head,
) {
  await trx
    .insertInto("events")
    .values({
      budget_id: budget.id,
      version_number: versionNumber,
      actor_id: actorId,
      action,
      comment,
      created_at: now(),
    })
    .execute();
}

function checkTransition(budget: Budget | undefined, action: Action) {
  const status = budget?.status ?? "new";
  if (!allowedFrom(action, status)) {
    throw new ConflictError(`cannot ${action} a budget that is ${status}`, budget?.head);
  }
}

/**
 * Adds a version (creating the budget on its first upload). `baseVersion` is the version the author started from;
 * it must still be the newest, or the change is refused with the newest version number.
 */
export async function addVersion(
  db: Kysely<Database>,
  key: BudgetKey,
  action: "upload" | "edit",
  baseVersion: number | undefined,
  authorId: number,
  content: VersionContent,
): Promise<{ budget: Budget; version: Version }> {
  return db.transaction().execute(async (trx) => {
    let budget = await findBudget(trx, key);
    checkTransition(budget, action);
    if (budget && baseVersion !== budget.head) {
      throw new ConflictError(
        `the budget is at version ${budget.head}, not ${baseVersion ?? "(none given)"}: reload and apply the change again`,
        budget.head,
      );
    }
    const time = now();
    if (!budget) {
      budget = await trx
        .insertInto("budgets")
        .values({
          department_id: key.departmentId,
          year: key.year,
          phase: key.phase,
          status: WORKFLOW[action].to,
          head: 1,
          published_version: null,
          updated_at: time,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      // The WHERE on head makes the check and the increment one step, even with concurrent writers.
      const updated = await trx
        .updateTable("budgets")
        .set({ head: budget.head + 1, status: WORKFLOW[action].to, updated_at: time })
        .where("id", "=", budget.id)
        .where("head", "=", budget.head)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new ConflictError("the budget changed meanwhile: reload and apply the change again");
      budget = updated;
    }
    const version = await trx
      .insertInto("versions")
      .values({ budget_id: budget.id, number: budget.head, author_id: authorId, created_at: time, ...content })
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(trx, budget, action, authorId, content.note);
    return { budget, version };
  });
}

/** Moves a budget along the workflow (submit, return, approve), recording who did it and why. */
export async function changeStatus(
  db: Kysely<Database>,
  budgetId: number,
  action: "submit" | "return" | "approve",
  actorId: number,
  comment: string,
  baseVersion?: number,
): Promise<Budget> {
  return db.transaction().execute(async (trx) => {
    const budget = await trx.selectFrom("budgets").selectAll().where("id", "=", budgetId).executeTakeFirst();
    if (!budget) throw new NotFoundError(`no budget ${budgetId}`);
    checkTransition(budget, action);
    if (baseVersion !== undefined && baseVersion !== budget.head) {
      throw new ConflictError(`the budget is at version ${budget.head}, not ${baseVersion}`, budget.head);
    }
    const updated = await trx
      .updateTable("budgets")
      .set({ status: WORKFLOW[action].to, updated_at: now() })
      .where("id", "=", budget.id)
      .where("status", "=", budget.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new ConflictError("the budget changed meanwhile: reload and try again", budget.head);
    await record(trx, budget, action, actorId, comment);
    return updated;
  });
}

export const getVersion = (db: Kysely<Database>, budgetId: number, number: number) =>
  db
    .selectFrom("versions")
    .selectAll()
    .where("budget_id", "=", budgetId)
    .where("number", "=", number)
    .executeTakeFirst();

/** Every version of a budget without its document, newest first, with the author's name. */
export const listVersions = (db: Kysely<Database>, budgetId: number) =>
  db
    .selectFrom("versions")
    .innerJoin("users", "users.id", "versions.author_id")
    .select([
      "versions.id",
      "versions.number",
      "versions.created_at",
      "versions.note",
      "versions.hash",
      "versions.template",
      "versions.errors",
      "versions.warnings",
      "versions.changes",
      "users.display_name as author",
    ])
    .where("versions.budget_id", "=", budgetId)
    .orderBy("versions.number", "desc")
    .execute();

export const listEvents = (db: Kysely<Database>, budgetId: number) =>
  db
    .selectFrom("events")
    .innerJoin("users", "users.id", "events.actor_id")
    .selectAll("events")
    .select("users.display_name as actor")
    .where("events.budget_id", "=", budgetId)
    .orderBy("events.id", "desc")
    .execute();

export { record as recordEvent, checkTransition };
