/** `yusuan build <input> --out <dir>`: every output of one document, written inside the output folder only. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import type { Command } from "commander";
import { openInput } from "../../import/open.ts";
import { InputError } from "../../model/load.ts";
import { validate } from "../../rules/index.ts";
import { loadTemplate } from "../../templates/template.ts";

export function buildCommand(program: Command): void {
  program
    .command("build")
    .description("publish a document: the web budget book, budget.pdf, budget.xlsx, csv/ and open data in <out>")
    .argument("<input>", "a source folder, a BudgetDocument .json, a published PDF, or a ledger (folder or .xlsx)")
    .requiredOption("--out <dir>", "output folder")
    .option("--template <id>", "layout of a PDF input: auto or a template id", "auto")
    .action(async (path: string, options: { out: string; template: string }) => {
      const { doc, problems } = await openInput(path, options.template);
      if (problems.length > 0) {
        throw new InputError(`${path}: not a valid BudgetDocument (${problems[0]?.path} ${problems[0]?.problem})`);
      }
      const template = loadTemplate(doc.template);
      const { publish } = await import("../../publish/publish.ts");
      const { files } = await publish(doc, template, validate(doc));
      const out = resolve(options.out);
      for (const file of files) {
        const target = resolve(out, file.path);
        // Output paths come from code, but a path must never leave the output folder.
        if (!target.startsWith(`${out}${sep}`)) throw new InputError(`refusing to write outside ${out}: ${file.path}`);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
      process.stderr.write(`${files.length} files written to ${out}\n`);
    });
}
