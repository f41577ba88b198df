/** The review workflow (`data/workflow.yaml`): which role may take which action from which status. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";
import type { BudgetStatus, Role } from "./schema.ts";

export type Action = "upload" | "edit" | "submit" | "return" | "approve" | "publish";

export interface Transition {
  roles: Role[];
  from: (BudgetStatus | "new")[];
  to: BudgetStatus;
}

export const WORKFLOW: Record<Action, Transition> = parse(readFileSync(dataPath("workflow.yaml"), "utf8")).actions;

export const ACTIONS = Object.keys(WORKFLOW) as Action[];

export const mayTake = (role: Role, action: Action) => WORKFLOW[action].roles.includes(role);

export const allowedFrom = (action: Action, status: BudgetStatus | "new") => WORKFLOW[action].from.includes(status);
