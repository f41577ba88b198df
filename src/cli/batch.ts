/**
 * Many inputs at once, the way a reviewer checks a whole district: each is opened (and handed to `each`, which may
 * write it somewhere) and validated, with a progress line; one summary row per input, unreadable ones included. The
 * two files of a publication printed in two parts count as one input (src/import/inputs.ts).
 */
import { type Outcome, openInputs } from "../import/inputs.ts";
import type { Opened } from "../import/open.ts";
import { summarise } from "../rules/diagnostic.ts";
import { validate } from "../rules/index.ts";
import { Progress } from "./progress.ts";
import { type SummaryRow, summaryRow, summaryTable } from "./summary.ts";

export interface BatchOptions {
  template: string;
  format: string;
  /** Each file on its own, also the two parts of one publication. */
  separate?: boolean;
}

/** Opens the inputs with a progress line. */
export async function openAll(paths: string[], options: BatchOptions): Promise<Outcome[]> {
  const progress = new Progress(paths.length);
  const outcomes = await openInputs(paths, options.template, {
    separate: options.separate,
    step: (done, name) => progress.step(done, name),
  });
  progress.end();
  return outcomes;
}

/** Prints the summary and returns the exit status: 2 if an input was unusable, 1 if one has errors, else 0. */
export async function runBatch(
  outcomes: Outcome[],
  options: BatchOptions,
  each: (opened: Opened) => void = () => {},
): Promise<number> {
  const rows: SummaryRow[] = [];
  for (const { name, opened, failure } of outcomes) {
    if (!opened) {
      rows.push({ document: name, layout: "", tables: "", cells: 0, errors: 0, warnings: 0, failure });
      continue;
    }
    each(opened);
    const summary = summarise(validate(opened.doc, opened.problems));
    const tables = opened.tables ? `${opened.tables.found}/${opened.tables.of}` : String(opened.doc.tables.length);
    rows.push(summaryRow(name, opened.doc.template, tables, opened.tables?.cells ?? 0, summary));
  }
  process.stdout.write(`${options.format === "json" ? JSON.stringify({ documents: rows }) : summaryTable(rows)}\n`);
  if (rows.some((r) => r.failure)) return 2;
  return rows.some((r) => r.errors > 0) ? 1 : 0;
}
