/** `yusuan validate <inputs…>`: one document reported in full, many summarised in a table. */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { displayName, expandInputs, type Opened, openInput } from "../../import/open.ts";
import { InputError } from "../../model/load.ts";
import { summarise } from "../../rules/diagnostic.ts";
import { validate } from "../../rules/index.ts";
import { loadTemplate } from "../../templates/template.ts";
import { openAll, runBatch } from "../batch.ts";
import { jsonReport, type Lang, prettyReport } from "../report.ts";

interface Options {
  format: string;
  lang: Lang;
  template: string;
  annotate?: string;
  separate?: boolean;
}

function knownTemplate(id: string) {
  try {
    return loadTemplate(id);
  } catch {
    return undefined;
  }
}

/** One document reported in full: a single input, or the two files of one publication joined. */
async function validateOne(opened: Opened, options: Options, name = displayName(opened.path)): Promise<number> {
  const { path } = opened;
  const { doc, problems } = opened;
  const diagnostics = validate(doc, problems);
  const summary = summarise(diagnostics);
  if (options.annotate) {
    if (!opened.original) throw new InputError(`${path}: --annotate needs a PDF input`);
    const { annotatePdf } = await import("../../annotate/annotate.ts");
    writeFileSync(options.annotate, await annotatePdf(opened.original, doc, diagnostics));
    process.stderr.write(`${options.annotate}\n`);
  }
  if (opened.layout) process.stderr.write(`${name}: ${opened.layout}\n`);
  const template = problems.length === 0 ? knownTemplate(doc.template) : undefined;
  process.stdout.write(
    `${options.format === "json" ? jsonReport(doc, diagnostics, summary) : prettyReport(doc, template, diagnostics, summary, options.lang, process.stdout.isTTY === true)}\n`,
  );
  return summary.errors > 0 ? 1 : 0;
}

export function validateCommand(program: Command): void {
  program
    .command("validate")
    .description("check documents — source folders, .json, .pdf, or a folder of them — and report findings")
    .argument("<inputs...>", "documents to check")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]).default("zh"))
    .option("--template <id>", "layout of PDF inputs: auto or a template id", "auto")
    .option("--annotate <out.pdf>", "write a copy of the PDF input with each finding marked at its cell")
    .option("--separate", "check each file on its own, also the explanations and tables of one publication")
    .action(async (inputs: string[], options: Options) => {
      const paths = expandInputs(inputs);
      if (paths.length === 1 && paths[0]) {
        process.exitCode = await validateOne(await openInput(paths[0], options.template), options);
        return;
      }
      const outcomes = await openAll(paths, options);
      const [only] = outcomes;
      process.exitCode =
        outcomes.length === 1 && only?.opened
          ? await validateOne(only.opened, options, only.name)
          : await runBatch(outcomes, options);
    });
}
