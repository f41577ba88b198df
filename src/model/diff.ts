/**
 * What a preparer changed between two versions of one department budget, for the reviewer: each changed field,
 * narrative text, table row and cell, located the way findings are (section, table, row key, column) and described
 * in Chinese and English (data/messages/diff.yaml). Amounts stay integers. Rows and keyed items are matched by their
 * stable key, never by position, so one inserted row does not make every row below it look changed.
 *
 * The parts are in src/model/diff/: the change's shape (changes.ts), matching and quoting (align.ts), the words
 * (messages.ts), how each field is compared (collector.ts), the narrative (narrative.ts, part3.ts) and the tables.
 */
import { loadTemplate, type Template } from "../templates/template.ts";
import { CHANGE_KINDS, type ChangeKind, type DocumentChange } from "./diff/changes.ts";
import { Collector } from "./diff/collector.ts";
import { meta, parts12 } from "./diff/narrative.ts";
import { part3 } from "./diff/part3.ts";
import { tables } from "./diff/tables.ts";
import type { BudgetDocument } from "./document.ts";

export { alignByKey, excerpt } from "./diff/align.ts";
export {
  CHANGE_KINDS,
  type ChangeKind,
  type ChangeLocation,
  type ChangeValue,
  type DocumentChange,
} from "./diff/changes.ts";

function templateOf(doc: BudgetDocument): Template | undefined {
  try {
    return loadTemplate(doc.template);
  } catch {
    // An unknown layout still diffs; its tables keep the documents' order and columns are named by key.
    return undefined;
  }
}

/** Every change from `before` to `after`: the document's fields, Parts 1–3, then the tables in template order. */
export function diffDocuments(before: BudgetDocument, after: BudgetDocument): DocumentChange[] {
  const c = new Collector();
  meta(c, before, after);
  parts12(c, before, after);
  part3(c, before, after);
  tables(c, before, after, templateOf(after) ?? templateOf(before));
  return c.changes;
}

/** How many changes of each kind, every kind listed. */
export function summarizeChanges(changes: readonly DocumentChange[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const change of changes) counts[change.kind]++;
  return counts;
}
