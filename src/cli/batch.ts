/**
 * Many inputs at once, the way a reviewer checks a whole district: each is opened (and handed to `each`, which may
 * write it somewhere) and validated, with a progress line; one summary row per input, unreadable ones included.
 */
import { displayName, type Opened, openInput } from "../import/open.ts";
import { InputError } from "../model/load.ts";
import { summarise } from "../rules/diagnostic.ts";
import { validate } from "../rules/index.ts";
import { Progress } from "./progress.ts";
import { type SummaryRow, summaryRow, summaryTable } from "./summary.ts";

/** Prints the summary and returns the exit status: 2 if an input was unusable, 1 if one has errors, else 0. */
export async function runBatch(
  paths: string[],
  options: { template: string; format: string },
  each: (opened: Opened) => void = () => {},
): Promise<number> {
  const rows: SummaryRow[] = [];
  const progress = new Progress(paths.length);
  for (const [i, path] of paths.entries()) {
    progress.step(i, displayName(path));
    try {
      const opened = await openInput(path, options.template);
      each(opened);
      const summary = summarise(validate(opened.doc, opened.problems));
      const tables = opened.tables ? `${opened.tables.found}/${opened.tables.of}` : String(opened.doc.tables.length);
      rows.push(summaryRow(displayName(path), opened.doc.template, tables, opened.tables?.cells ?? 0, summary));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const failure = error.message;
      rows.push({ document: displayName(path), layout: "", tables: "", cells: 0, errors: 0, warnings: 0, failure });
    }
  }
  progress.end();
  process.stdout.write(`${options.format === "json" ? JSON.stringify({ documents: rows }) : summaryTable(rows)}\n`);
  if (rows.some((r) => r.failure)) return 2;
  return rows.some((r) => r.errors > 0) ? 1 : 0;
}
