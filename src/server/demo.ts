/**
 * A demonstration store: one account of each role and the founding document taken through the whole workflow
 * (uploaded by its preparer, submitted, approved, published), so that the portal and workbench have something to
 * show. For local trials, benchmarks and browser tests only: the passwords are known.
 */

import { join } from "node:path";
import { openDocument } from "../model/load.ts";
import { ROOT } from "../paths.ts";
import { validate } from "../rules/index.ts";
import { changeStatus, findBudget, getVersion } from "../store/budgets.ts";
import type { Store } from "../store/connect.ts";
import { findUser } from "../store/users.ts";
import { createAccount } from "./accounts.ts";
import { publishBudget } from "./publishing.ts";
import { budgetKey, saveVersion } from "./versions.ts";

export const DEMO_PASSWORD = "yusuan-demo-2021";
export const FOUNDING_DEPARTMENT = "广州市海珠区政务服务数据管理局";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "系统管理员", role: "admin" },
  { username: "reviewer", displayName: "财政局审核员", role: "reviewer" },
  { username: "preparer", displayName: "数据局编制员", role: "preparer", department: FOUNDING_DEPARTMENT },
] as const;

/** Adds the demo accounts and publishes the founding document, unless already there; returns its budget id. */
export async function seedDemo(store: Store): Promise<number> {
  for (const account of DEMO_ACCOUNTS) {
    if (!(await findUser(store.db, account.username))) {
      await createAccount({ store }, undefined, { ...account, password: DEMO_PASSWORD });
    }
  }
  const { doc } = openDocument(join(ROOT, "examples", "haizhu-2021"));
  const key = await budgetKey(store, doc);
  const existing = await findBudget(store.db, key);
  if (existing) return existing.id;
  const preparer = await findUser(store.db, "preparer");
  const reviewer = await findUser(store.db, "reviewer");
  const admin = await findUser(store.db, "admin");
  if (!preparer || !reviewer || !admin) throw new Error("demo accounts missing");
  const { budget, version } = await saveVersion(
    store,
    key,
    "upload",
    undefined,
    preparer.id,
    doc,
    validate(doc),
    "上传 haizhu-2021",
  );
  await changeStatus(store.db, budget.id, "submit", preparer.id, "");
  await changeStatus(store.db, budget.id, "approve", reviewer.id, "");
  const approved = await getVersion(store.db, budget.id, version.number);
  if (!approved) throw new Error("demo version missing");
  await publishBudget(store, budget.id, approved, admin.id);
  return budget.id;
}
