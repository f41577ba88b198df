/** Accounts: an admin creates reviewers, preparers (bound to one department) and other admins. */
import type { Role, User } from "../store/schema.ts";
import { createUser, ensureDepartment, findUser } from "../store/users.ts";
import type { ServerContext } from "./context.ts";
import { forbidden, HttpError } from "./http-error.ts";
import { hashPassword, passwordProblem } from "./password.ts";

export interface AccountInput {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  /** The department's published name; required for a preparer. */
  department?: string;
}

const ROLES: Role[] = ["admin", "reviewer", "preparer"];

/** Creates an account; `by` must be an admin (undefined only for the command line, which has the store itself). */
export async function createAccount(context: Pick<ServerContext, "store">, by: User | undefined, input: AccountInput) {
  if (by && by.role !== "admin") throw forbidden();
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(username)) {
    throw new HttpError(422, "error.username");
  }
  if (!ROLES.includes(input.role)) throw new HttpError(422, "error.unknownRole", { role: String(input.role) });
  const problem = passwordProblem(input.password);
  if (problem) throw new HttpError(422, problem.key, problem.data);
  if (input.role === "preparer" && !input.department?.trim()) {
    throw new HttpError(422, "error.preparerNeedsDepartment");
  }
  if (await findUser(context.store.db, username)) throw new HttpError(409, "error.userExists", { username });
  const department =
    input.role === "preparer" && input.department
      ? await ensureDepartment(context.store.db, input.department.trim())
      : undefined;
  return createUser(context.store.db, {
    username,
    displayName: (input.displayName ?? "").trim().slice(0, 100) || username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    departmentId: department?.id ?? null,
  });
}

/** What may be shown of a user: never the password hash. */
export const publicUser = (user: User) => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  role: user.role,
  departmentId: user.department_id,
});
