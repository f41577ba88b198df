/**
 * The yusuan command line. Exit status: 0 no errors, 1 errors found, 2 unusable input or usage.
 */
import { Command, CommanderError } from "commander";
import { ImportError } from "../import/errors.ts";
import { BudgetDocumentSchema } from "../model/document.ts";
import { InputError } from "../model/load.ts";
import { TemplateError } from "../templates/template.ts";
import { buildCommand } from "./commands/build.ts";
import { exportSiteCommand } from "./commands/export-site.ts";
import { importCommand } from "./commands/import.ts";
import { serverCommands } from "./commands/server.ts";
import { validateCommand } from "./commands/validate.ts";

const program = new Command()
  .name("yusuan")
  .description("预算: model, validate and publish Chinese department budget disclosures")
  .version("0.1.0")
  .exitOverride();

validateCommand(program);
importCommand(program);
buildCommand(program);
serverCommands(program);
exportSiteCommand(program);

program
  .command("init")
  .description("write an input workbook for preparers: one sheet per kind of budget line, with code lists")
  .requiredOption("--xlsx <file>", "the workbook to write")
  .action(async (options: { xlsx: string }) => {
    const { initWorkbook } = await import("../ledger/index.ts");
    await initWorkbook(options.xlsx);
    process.stderr.write(`${options.xlsx}\n`);
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
  } else if (error instanceof InputError || error instanceof TemplateError || error instanceof ImportError) {
    process.stderr.write(`yusuan: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
