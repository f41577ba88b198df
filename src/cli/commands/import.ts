/** `yusuan import <inputs…> --out <file.json | dir>`: published files into BudgetDocument JSON, with a summary. */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { type Command, Option } from "commander";
import { displayName, expandInputs, openInput } from "../../import/open.ts";
import { InputError } from "../../model/load.ts";
import { summarise } from "../../rules/diagnostic.ts";
import { validate } from "../../rules/index.ts";
import { Progress } from "../progress.ts";
import { type SummaryRow, summaryRow, summaryTable } from "../summary.ts";

interface Options {
  out: string;
  template: string;
  format: string;
}

/** One input to a .json file; several to a folder of them, named after their inputs. */
function target(out: string, path: string, many: boolean): string {
  const folder = many || (existsSync(out) && statSync(out).isDirectory()) || out.endsWith("/");
  if (!folder) return out;
  mkdirSync(out, { recursive: true });
  return join(out, `${basename(path, extname(path))}.json`);
}

export function importCommand(program: Command): void {
  program
    .command("import")
    .description("import published PDFs (or .json, source folders) into BudgetDocument JSON")
    .argument("<inputs...>", "files, or folders of them")
    .requiredOption("--out <path>", "a .json file for one input, a folder for several")
    .option("--template <id>", "layout: auto or a template id", "auto")
    .addOption(new Option("--format <format>", "summary format").choices(["pretty", "json"]).default("pretty"))
    .action(async (inputs: string[], options: Options) => {
      const paths = expandInputs(inputs);
      const rows: SummaryRow[] = [];
      const progress = new Progress(paths.length);
      let status = 0;
      for (const [i, path] of paths.entries()) {
        progress.step(i, displayName(path));
        try {
          const opened = await openInput(path, options.template);
          const file = target(options.out, path, paths.length > 1);
          writeFileSync(file, `${JSON.stringify(opened.doc, null, 1)}\n`);
          if (opened.layout) process.stderr.write(`${displayName(path)}: ${opened.layout} → ${file}\n`);
          const tables = opened.tables
            ? `${opened.tables.found}/${opened.tables.of}`
            : String(opened.doc.tables.length);
          const summary = summarise(validate(opened.doc, opened.problems));
          rows.push(summaryRow(displayName(path), opened.doc.template, tables, opened.tables?.cells ?? 0, summary));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          rows.push({
            document: displayName(path),
            layout: "",
            tables: "",
            cells: 0,
            errors: 0,
            warnings: 0,
            failure: error.message,
          });
          status = 2;
        }
      }
      progress.end();
      process.stdout.write(`${options.format === "json" ? JSON.stringify({ documents: rows }) : summaryTable(rows)}\n`);
      process.exitCode = status;
    });
}
