/** `yusuan import <inputs…> --out <file.json | dir>`: published files into BudgetDocument JSON, with a summary. */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { type Command, Option } from "commander";
import { displayName, expandInputs } from "../../import/open.ts";
import { openAll, runBatch } from "../batch.ts";

interface Options {
  out: string;
  template: string;
  format: string;
  separate?: boolean;
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
    .option("--separate", "import each file on its own, also the explanations and tables of one publication")
    .action(async (inputs: string[], options: Options) => {
      const outcomes = await openAll(expandInputs(inputs), options);
      const status = await runBatch(outcomes, options, (opened) => {
        const file = target(options.out, opened.path, outcomes.length > 1);
        writeFileSync(file, `${JSON.stringify(opened.doc, null, 1)}\n`);
        if (opened.layout) process.stderr.write(`${displayName(opened.path)}: ${opened.layout} → ${file}\n`);
      });
      // An import succeeds whatever the documents' findings are; only unusable input fails it.
      process.exitCode = status === 2 ? 2 : 0;
    });
}
