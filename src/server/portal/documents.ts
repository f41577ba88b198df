/**
 * The published documents behind the portal's department and compare pages, read from the published budget.json
 * (the very bytes whose hash the portal shows) and kept parsed for a while: parsing and comparing cost
 * milliseconds, and a published version never changes.
 */
import type { Kysely } from "kysely";
import type { BudgetDocument } from "../../model/document.ts";
import { type AmountScale, compareFigures } from "../../render/html/compare.ts";
import { getPublishedFile, type PublishedBudget } from "../../store/published.ts";
import type { Database } from "../../store/schema.ts";
import { loadTemplate, type Template } from "../../templates/template.ts";
import { Memo } from "../memo.ts";

export interface KeyFigures {
  scale: AmountScale;
  /** In `scale`'s counted unit, by figure id (收入总计, 支出总计 … as compare.ts names them). */
  values: Map<string, { name: string; value: number }>;
}

/** The layout of a document, or none when this installation does not know it (its figures are then left out). */
export function templateOf(doc: BudgetDocument): Template | undefined {
  try {
    return loadTemplate(doc.template);
  } catch {
    return undefined;
  }
}

export class PublishedDocuments {
  private readonly docs = new Memo<BudgetDocument>(16);
  private readonly figures = new Memo<KeyFigures>(1024);

  constructor(private readonly db: Kysely<Database>) {}

  document(p: PublishedBudget): Promise<BudgetDocument> {
    return this.docs.getOrMake(String(p.versionId), async () => {
      const json = await getPublishedFile(this.db, p.versionId, "budget.json");
      if (!json) throw new Error(`published version ${p.versionId} has no budget.json`);
      return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8"));
    });
  }

  /** The key figures of one budget: compare.ts's, taken from a comparison of the budget with itself. */
  keyFigures(p: PublishedBudget): Promise<KeyFigures> {
    return this.figures.getOrMake(String(p.versionId), async () => {
      const doc = await this.document(p);
      const template = templateOf(doc);
      const scale = { amountUnit: doc.amountUnit, decimals: doc.decimals };
      if (!template) return { scale, values: new Map() };
      const side = { label: "", doc };
      const compared = compareFigures(side, side, template);
      const values = compared.figures.flatMap((f) =>
        f.a === undefined ? [] : [[f.id, { name: f.name, value: f.a }] as const],
      );
      return { scale: compared.scale, values: new Map(values) };
    });
  }
}
