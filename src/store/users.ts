/** Departments and the people who work on their budgets. Passwords arrive already hashed (see server/password.ts). */
import type { Kysely } from "kysely";
import { now } from "./clock.ts";
import type { Database, Department, Role, User } from "./schema.ts";

export async function ensureDepartment(db: Kysely<Database>, name: string): Promise<Department> {
  const found = await db.selectFrom("departments").selectAll().where("name", "=", name).executeTakeFirst();
  if (found) return found;
  return db.insertInto("departments").values({ name, created_at: now() }).returningAll().executeTakeFirstOrThrow();
}

export const listDepartments = (db: Kysely<Database>) =>
  db.selectFrom("departments").selectAll().orderBy("name").execute();

export const getDepartment = (db: Kysely<Database>, id: number) =>
  db.selectFrom("departments").selectAll().where("id", "=", id).executeTakeFirst();

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  departmentId?: number | null;
}

export async function createUser(db: Kysely<Database>, user: NewUser): Promise<User> {
  if (user.role === "preparer" && !user.departmentId) throw new Error("a preparer must belong to a department");
  return db
    .insertInto("users")
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      department_id: user.role === "preparer" ? (user.departmentId ?? null) : null,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findUser = (db: Kysely<Database>, username: string) =>
  db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();

export const listUsers = (db: Kysely<Database>) => db.selectFrom("users").selectAll().orderBy("username").execute();
