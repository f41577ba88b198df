/**
 * Publishing: one document and its findings in, every output out — the web budget book, the PDF, the workbook,
 * the CSVs and the open data — all from the same model, so they cannot disagree. Each output is timed.
 */
import { performance } from "node:perf_hooks";
import type { BudgetDocument } from "../model/document.ts";
import type { Diagnostic } from "../rules/diagnostic.ts";
import type { Template } from "../templates/template.ts";

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string | Uint8Array;
}

export interface Publication {
  files: OutputFile[];
  /** Milliseconds per output. */
  timings: Record<string, number>;
}

type Output = (doc: BudgetDocument, template: Template, diagnostics: Diagnostic[]) => Promise<OutputFile[]>;

/** The outputs, loaded on demand so that a command that needs none of them does not pay for them. */
const OUTPUTS: Record<string, Output> = {
  html: async (doc, template, diagnostics) => {
    const { renderBook } = await import("../render/html/book.ts");
    const downloads = { xlsx: "budget.xlsx", pdf: "budget.pdf", csvDir: "csv", dataPackage: "datapackage.json" };
    return renderBook(doc, template, { diagnostics, downloads }).map((p) => ({ path: p.path, content: p.html }));
  },
  pdf: async (doc, template) => {
    const { renderPdf } = await import("../render/pdf/document.ts");
    return [{ path: "budget.pdf", content: await renderPdf(doc, template) }];
  },
  xlsx: async (doc, template) => {
    const { renderXlsx } = await import("../render/xlsx/workbook.ts");
    return [{ path: "budget.xlsx", content: await renderXlsx(doc, template) }];
  },
  csv: async (doc, template) => {
    const { renderCsvTables } = await import("../render/csv/tables.ts");
    return renderCsvTables(doc, template).map((f) => ({ path: `csv/${f.name}`, content: f.content }));
  },
  opendata: async (doc, template) => {
    const { renderOpenData } = await import("../render/opendata/package.ts");
    const { datapackage, files } = renderOpenData(doc, template);
    return [
      { path: "datapackage.json", content: `${JSON.stringify(datapackage, null, 2)}\n` },
      ...files.map((f) => ({ path: f.name, content: f.content })),
    ];
  },
  json: async (doc) => [{ path: "budget.json", content: `${JSON.stringify(doc, null, 1)}\n` }],
};

export const OUTPUT_NAMES = Object.keys(OUTPUTS);

export async function publish(
  doc: BudgetDocument,
  template: Template,
  diagnostics: Diagnostic[],
  only: string[] = OUTPUT_NAMES,
): Promise<Publication> {
  const files: OutputFile[] = [];
  const timings: Record<string, number> = {};
  for (const name of only) {
    const output = OUTPUTS[name];
    if (!output) throw new Error(`unknown output "${name}"`);
    const start = performance.now();
    files.push(...(await output(doc, template, diagnostics)));
    timings[name] = performance.now() - start;
  }
  return { files, timings };
}
