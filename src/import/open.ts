/**
 * Any input a command accepts, opened as a BudgetDocument: a source folder, a BudgetDocument .json, a published PDF
 * or workbook imported on the fly, or a ledger (folder or input workbook) derived into a disclosure. Inputs are size-limited;
 * what cannot be read is an InputError naming the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { BudgetDocument } from "../model/document.ts";
import { InputError, openDocument, type SchemaProblem } from "../model/load.ts";
import { ImportError } from "./errors.ts";
import type { PdfImport } from "./pdf/import.ts";

/** Larger than any budget disclosure; a bigger upload is refused before it is read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface Opened {
  path: string;
  doc: BudgetDocument;
  problems: SchemaProblem[];
  /** How the input was read: source, json or pdf, and for imports which layout and why. */
  kind: string;
  layout?: string;
  tables?: { found: number; of: number; cells: number };
  /** For a PDF, the original bytes (to mark findings on). */
  original?: Uint8Array;
  /** For a PDF, the import itself (to join the two files of one publication, see pdf/parts.ts). */
  pdf?: PdfImport;
}

function readLimited(path: string): Uint8Array {
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES) throw new InputError(`${path}: ${size} bytes is over the ${MAX_INPUT_BYTES} byte limit`);
  return new Uint8Array(readFileSync(path));
}

/** An imported PDF as an opened input. */
export function openedPdf(path: string, imported: PdfImport, data: Uint8Array): Opened {
  const found = imported.tables.filter((t) => t.found);
  return {
    path,
    doc: imported.doc,
    problems: [],
    kind: "pdf",
    layout: imported.reason,
    tables: { found: found.length, of: imported.tables.length, cells: found.reduce((n, t) => n + t.cells, 0) },
    original: data,
    pdf: imported,
  };
}

export async function openInput(path: string, template = "auto"): Promise<Opened> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  const ledger = await import("../ledger/index.ts");
  if (await ledger.isLedgerInput(path)) {
    return { path, doc: await ledger.deriveFromPath(path), problems: [], kind: "ledger" };
  }
  try {
    if (extname(path).toLowerCase() === ".pdf") {
      const { importPdf } = await import("./pdf/import.ts");
      const data = readLimited(path);
      return openedPdf(path, await importPdf(data.slice(), path, template), data);
    }
    if (extname(path).toLowerCase() === ".xlsx") {
      const { importXlsx } = await import("./xlsx/workbook.ts");
      const imported = await importXlsx(readLimited(path), path, template);
      const mapped = imported.sheets.filter((s) => s.table !== undefined);
      return {
        path,
        doc: imported.doc,
        problems: [],
        kind: "xlsx",
        layout: `${imported.reason}${imported.unmapped.length > 0 ? `; sheets not mapped: ${imported.unmapped.join(", ")}` : ""}`,
        tables: { found: mapped.length, of: imported.doc.tables.length, cells: 0 },
      };
    }
    const { doc, problems } = openDocument(path);
    return { path, doc, problems, kind: statSync(path).isDirectory() ? "source" : "json" };
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(error.message);
    throw error;
  }
}

const isDocumentFolder = (path: string) =>
  existsSync(join(path, "document.yaml")) || existsSync(join(path, "ledger.yaml"));

/** The inputs a list of paths stands for: files as given, and in a folder that is no document itself, its documents. */
export function expandInputs(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!existsSync(path) || !statSync(path).isDirectory() || isDocumentFolder(path)) return [path];
    return readdirSync(path)
      .filter((name) => /\.(pdf|json|xlsx)$/i.test(name) || isDocumentFolder(join(path, name)))
      .sort()
      .map((name) => join(path, name));
  });
}

export const displayName = (path: string) => basename(path);
