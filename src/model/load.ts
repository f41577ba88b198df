/**
 * Opens a document from a path: a source folder (docs/source-format.md) or a BudgetDocument JSON file. Problems
 * that make the input unusable raise an InputError naming the file; problems inside a readable document are left to
 * the validator, which reports them as findings.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Compile } from "typebox/compile";
import { functionCatalog, NoCatalogError } from "../catalog/catalog.ts";
import { loadTemplate } from "../templates/template.ts";
import { type BudgetDocument, BudgetDocumentSchema } from "./document.ts";
import { normaliseLabel } from "./rows.ts";
import { readSource, SourceError } from "./source.ts";

export class InputError extends Error {}

const checkDocument = Compile(BudgetDocumentSchema);

export interface SchemaProblem {
  path: string;
  problem: string;
}

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (checkDocument.Check(value)) return [];
  return [...checkDocument.Errors(value)]
    .slice(0, 50)
    .map((e) => ({ path: e.instancePath || "/", problem: e.message }));
}

/**
 * Balance-table expenditure lines print a class name without its code (六、科学技术支出); the code is the function
 * class of that name in the year's catalog, so the lines can be compared with the coded tables.
 */
export function resolveBalanceCodes(doc: BudgetDocument): void {
  let template: ReturnType<typeof loadTemplate>;
  try {
    template = loadTemplate(doc.template);
  } catch {
    return;
  }
  let catalog: ReturnType<typeof functionCatalog>;
  try {
    catalog = functionCatalog(doc.year);
  } catch (error) {
    // Without a catalog for the year the lines keep no code; the catalog rule says the codes went unchecked.
    if (error instanceof NoCatalogError) return;
    throw error;
  }
  for (const table of doc.tables) {
    if (template.tables.find((t) => t.id === table.id)?.shape !== "balance") continue;
    for (const row of table.rows) {
      if (row.side !== "expenditure" || row.code !== undefined) continue;
      const name = normaliseLabel(row.label).replace(/^[一二三四五六七八九十]+、/, "");
      const entry = catalog.findByName(name, "class");
      if (entry) row.code = entry.code;
    }
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads the document at `path`; its schema problems are returned, not thrown. */
export function openDocument(path: string): { doc: BudgetDocument; problems: SchemaProblem[] } {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  let value: unknown;
  try {
    if (statSync(path).isDirectory()) {
      value = existsSync(join(path, "document.yaml")) ? readSource(path) : readJson(join(path, "document.json"));
    } else if (/\.json$/i.test(path)) value = readJson(path);
    else throw new InputError(`${path}: expected a source folder or a .json document`);
  } catch (error) {
    if (error instanceof SourceError) throw new InputError(error.message);
    throw error;
  }
  const problems = schemaProblems(value);
  const doc = value as BudgetDocument;
  if (problems.length === 0) resolveBalanceCodes(doc);
  return { doc, problems };
}
