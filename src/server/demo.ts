/**
 * A demonstration store: one account of each role and the founding document taken through the whole workflow
 * (uploaded by its preparer, submitted, approved, published), so that the portal and workbench have something to
 * show. For local trials, benchmarks and browser tests only: the passwords are known.
 */

import { join } from "node:path";
import type { BudgetDocument } from "../model/document.ts";
import { openDocument } from "../model/load.ts";
import { ROOT } from "../paths.ts";
import { validate } from "../rules/index.ts";
import { changeStatus, findBudget } from "../store/budgets.ts";
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
  return publishDocument(store, doc, { preparer: "preparer", reviewer: "reviewer", admin: "admin" });
}

/**
 * Takes a document through the whole workflow — uploaded by `preparer`, submitted, approved by `reviewer`, published
 * by `admin` (usernames) — the way people would, without the HTTP layer; returns its budget id.
 */
export async function publishDocument(
  store: Store,
  doc: BudgetDocument,
  by: { preparer: string; reviewer: string; admin: string },
): Promise<number> {
  const account = async (name: string) => {
    const user = await findUser(store.db, name);
    if (!user) throw new Error(`no account ${name}`);
    return user;
  };
  const [preparer, reviewer, admin] = [await account(by.preparer), await account(by.reviewer), await account(by.admin)];
  const key = await budgetKey(store, doc);
  const existing = await findBudget(store.db, key);
  const { budget, version } = await saveVersion(
    store,
    key,
    "upload",
    existing?.head,
    preparer.id,
    doc,
    validate(doc),
    `上传 ${doc.department} ${doc.year}`,
  );
  await changeStatus(store.db, budget.id, "submit", preparer.id, "");
  await changeStatus(store.db, budget.id, "approve", reviewer.id, "");
  await publishBudget(store, budget.id, version, admin.id);
  return budget.id;
}
