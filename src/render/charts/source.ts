/** Where a chart's figures come from, named as the reader finds the table in the book: 表3 支出总体情况表. */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";

export function tableSource(doc: BudgetDocument, template: Template, tableId: string): string {
  const spec = template.tables.find((t) => t.id === tableId);
  const title = doc.tables.find((t) => t.id === tableId)?.title || spec?.title || tableId;
  return spec ? `表${spec.number} ${title}` : title;
}
