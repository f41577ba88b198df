/**
 * An uploaded file made into a BudgetDocument and checked: a PDF or workbook is imported, a JSON document read, a
 * ledger workbook derived — the same path the command line takes, through a private temporary file. Whatever
 * cannot be read is a 422 naming the file and what was wrong; nothing is stored until it has been read whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { openInput } from "../import/open.ts";
import type { BudgetDocument } from "../model/document.ts";
import { InputError } from "../model/load.ts";
import type { Diagnostic } from "../rules/diagnostic.ts";
import { validate } from "../rules/index.ts";
import { loadTemplate, TemplateError } from "../templates/template.ts";
import { HttpError } from "./http-error.ts";

export const UPLOAD_TYPES = [".pdf", ".xlsx", ".json"];

export interface Ingested {
  doc: BudgetDocument;
  diagnostics: Diagnostic[];
  /** How it was read (pdf, xlsx, json, ledger) and, for an import, which layout and why. */
  kind: string;
  layout?: string;
}

export async function ingest(fileName: string, bytes: Uint8Array, template = "auto"): Promise<Ingested> {
  // Only the extension of the client's name is used: the name itself never reaches the file system.
  const extension = extname(basename(fileName)).toLowerCase();
  if (!UPLOAD_TYPES.includes(extension)) {
    throw new HttpError(422, "error.fileType", { file: fileName });
  }
  const dir = mkdtempSync(join(tmpdir(), "yusuan-upload-"));
  const path = join(dir, `upload${extension}`);
  // Messages name the file as the client sent it, never the private temporary path.
  const named = (message: string) => message.replaceAll(path, fileName).replaceAll(basename(path), fileName);
  try {
    if (template !== "auto") loadTemplate(template);
    writeFileSync(path, bytes);
    const opened = await openInput(path, template);
    if (opened.problems.length > 0) {
      const list = opened.problems.slice(0, 10).map((p) => `${p.path}: ${p.problem}`);
      throw new HttpError(
        422,
        "error.notDocument",
        { file: fileName, problems: list.join("; ") },
        { problems: opened.problems },
      );
    }
    // A document naming a layout yusuan does not know cannot be checked or published: refuse it now.
    loadTemplate(opened.doc.template);
    return { doc: opened.doc, diagnostics: validate(opened.doc), kind: opened.kind, layout: opened.layout };
  } catch (error) {
    // The readers' own words (in English) say what was wrong; the message around them is the reader's language.
    if (error instanceof InputError) throw new HttpError(422, "error.unreadable", { detail: named(error.message) });
    if (error instanceof TemplateError) {
      throw new HttpError(422, "error.layout", { file: fileName, detail: named(error.message) });
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const countFindings = (diagnostics: Diagnostic[]) => ({
  errors: diagnostics.filter((d) => d.severity === "error").length,
  warnings: diagnostics.filter((d) => d.severity === "warning").length,
});
