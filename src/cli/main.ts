/**
 * The yusuan command line. Exit status: 0 no errors, 1 errors found, 2 unusable input or usage.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { BudgetDocumentSchema } from "../model/document.ts";
import { InputError, openDocument } from "../model/load.ts";
import { summarise } from "../rules/diagnostic.ts";
import { validate } from "../rules/index.ts";
import { loadTemplate, TemplateError } from "../templates/template.ts";
import { jsonReport, type Lang, prettyReport } from "./report.ts";

function knownTemplate(id: string) {
  try {
    return loadTemplate(id);
  } catch {
    return undefined;
  }
}

const program = new Command()
  .name("yusuan")
  .description("预算: model, validate and publish Chinese department budget disclosures")
  .version("0.1.0")
  .exitOverride();

program
  .command("validate")
  .description("check a document (source folder or .json) and report findings")
  .argument("<document>", "a source folder such as examples/haizhu-2021, or a BudgetDocument .json file")
  .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
  .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]).default("zh"))
  .action((path: string, options: { format: string; lang: Lang }) => {
    const { doc, problems } = openDocument(path);
    const diagnostics = validate(doc, problems);
    const summary = summarise(diagnostics);
    const template = problems.length === 0 ? knownTemplate(doc.template) : undefined;
    const out =
      options.format === "json"
        ? jsonReport(doc, diagnostics, summary)
        : prettyReport(doc, template, diagnostics, summary, options.lang, process.stdout.isTTY === true);
    process.stdout.write(`${out}\n`);
    process.exitCode = summary.errors > 0 ? 1 : 0;
  });

program
  .command("build")
  .description("publish a document: the web budget book, budget.pdf, budget.xlsx, csv/ and open data in <out>")
  .argument("<document>", "a source folder or a BudgetDocument .json file")
  .requiredOption("--out <dir>", "output folder")
  .action(async (path: string, options: { out: string }) => {
    const { doc, problems } = openDocument(path);
    if (problems.length > 0) {
      throw new InputError(`${path}: not a valid BudgetDocument (${problems[0]?.path} ${problems[0]?.problem})`);
    }
    const template = loadTemplate(doc.template);
    const { publish } = await import("../publish/publish.ts");
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

program
  .command("schema")
  .description("print the BudgetDocument JSON schema")
  .action(() => {
    process.stdout.write(`${JSON.stringify(BudgetDocumentSchema, null, 2)}\n`);
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof InputError || error instanceof TemplateError) {
    process.stderr.write(`yusuan: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
