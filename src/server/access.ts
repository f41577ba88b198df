/**
 * Who may see and change which budget: admins and reviewers every budget, a preparer only their own department's.
 * Every route that touches a budget goes through here, so the rule is written once.
 */
import { type BudgetRow, getBudget } from "../store/budgets.ts";
import type { User } from "../store/schema.ts";
import { type Action, mayTake } from "../store/workflow.ts";
import type { ServerContext } from "./context.ts";
import { forbidden, notFound } from "./http-error.ts";
import { say } from "./i18n.ts";

export const ownsDepartment = (user: User, departmentId: number) =>
  user.role !== "preparer" || user.department_id === departmentId;

/** The budget, if `user` may see it; a preparer asking for another department's gets 404, not a hint it exists. */
export async function visibleBudget(context: ServerContext, user: User, budgetId: number): Promise<BudgetRow> {
  const budget = await getBudget(context.store.db, budgetId);
  if (!budget || !ownsDepartment(user, budget.department_id)) throw notFound("notFound.budget", { id: budgetId });
  return budget;
}

export function checkAction(user: User, action: Action): void {
  if (!mayTake(user.role, action))
    throw forbidden("error.roleMayNot", { role: say(`role.${user.role}`), action: say(`verb.${action}`) });
}
