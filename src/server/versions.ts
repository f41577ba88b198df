/**
 * Saving a document as a new version of its department's budget: its findings counted, its content hash taken, and
 * the readable diff from the version before it kept with it. The stored JSON is byte for byte the published
 * `budget.json`, so the hash a published version shows can be checked against the download.
 */
import { createHash } from "node:crypto";
import { diffDocuments } from "../model/diff.ts";
import type { BudgetDocument } from "../model/document.ts";
import type { Diagnostic } from "../rules/diagnostic.ts";
import { addVersion, type BudgetKey, findBudget, getVersion } from "../store/budgets.ts";
import type { Store } from "../store/connect.ts";
import type { Budget, Version } from "../store/schema.ts";
import { ensureDepartment } from "../store/users.ts";
import { loadTemplate } from "../templates/template.ts";
import { countFindings } from "./ingest.ts";

export const documentJson = (doc: BudgetDocument) => `${JSON.stringify(doc, null, 1)}\n`;
export const contentHash = (json: string) => createHash("sha256").update(json).digest("hex");

/** 预算 or 决算, from the template the document is laid out in. */
export const phaseOf = (doc: BudgetDocument) => loadTemplate(doc.template).phase ?? "预算";

export async function budgetKey(store: Store, doc: BudgetDocument): Promise<BudgetKey> {
  const department = await ensureDepartment(store.db, doc.department);
  return { departmentId: department.id, year: doc.year, phase: phaseOf(doc) };
}

export const parseDocument = (version: Version) => JSON.parse(version.document) as BudgetDocument;

export async function saveVersion(
  store: Store,
  key: BudgetKey,
  action: "upload" | "edit",
  baseVersion: number | undefined,
  authorId: number,
  doc: BudgetDocument,
  diagnostics: Diagnostic[],
  note: string,
): Promise<{ budget: Budget; version: Version }> {
  const json = documentJson(doc);
  const existing = await findBudget(store.db, key);
  const previous = existing ? await getVersion(store.db, existing.id, existing.head) : undefined;
  const changes = previous ? diffDocuments(parseDocument(previous), doc) : [];
  return addVersion(store.db, key, action, baseVersion, authorId, {
    note,
    document: json,
    hash: contentHash(json),
    template: doc.template,
    ...countFindings(diagnostics),
    changes: JSON.stringify(changes),
  });
}
