/**
 * Findings drawn onto the PDF they were found in: each located finding gets a coloured frame around its cell or
 * line (red error, orange warning, blue info) and a sticky note with the message, the rule and the expected and
 * actual values; what cannot be located is listed in a summary note on page 1. The original bytes are kept as they
 * are and the marks are appended as an incremental update.
 */
import { EncryptedPDFError, PDFArray, PDFDocument, PDFHexString, PDFName, type PDFPage, type PDFRef } from "pdf-lib";
import { ImportError } from "../import/errors.ts";
import { readPdf } from "../import/pdf/extract.ts";
import type { BudgetDocument, Position } from "../model/document.ts";
import type { Diagnostic, Severity } from "../rules/diagnostic.ts";
import { loadTemplate, type Template } from "../templates/template.ts";
import { IncrementalUpdate } from "./incremental.ts";
import { cellBox, PhraseFinder } from "./locate.ts";

const COLOURS: Record<Severity, [number, number, number]> = {
  error: [0.85, 0.1, 0.1],
  warning: [1, 0.55, 0],
  info: [0.1, 0.35, 0.9],
};
const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Annotation flags: print, do not zoom, do not rotate (a note's icon keeps its size). */
const NOTE_FLAGS = 4 | 8 | 16;
const PRINT = 4;
/** A frame stands this far outside the cell, so that it does not cover the figures. */
const MARGIN = 1.5;
/** The summary lists this many unlocated findings at most; a PDF string should stay well within 32 KB. */
const SUMMARY_LIMIT = 80;

interface Mark {
  box: Position;
  diagnostics: Diagnostic[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One finding as a note says it. */
export function noteText(d: Diagnostic): string {
  const lines = [`【${SEVERITY_NAMES[d.severity]}】${d.message}`, `规则：${d.rule}`];
  if (d.expected !== undefined || d.actual !== undefined) {
    lines.push(`应为：${d.expected ?? "—"}；实为：${d.actual ?? "—"}`);
  }
  return lines.join("\n");
}

function worst(diagnostics: Diagnostic[]): Severity {
  return diagnostics.reduce<Severity>((w, d) => (RANK[d.severity] < RANK[w] ? d.severity : w), "info");
}

async function openOriginal(original: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(original, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      throw new ImportError("the original PDF", "it is encrypted: findings cannot be marked on it");
    }
    throw new ImportError("the original PDF", `not a readable PDF (${(error as Error).message})`);
  }
}

/** The page's /Annots array, ready to take more: the array object itself or the page's own entry. */
function annotsOf(pdf: PDFDocument, page: PDFPage, update: IncrementalUpdate): PDFArray {
  const entry = page.node.get(PDFName.of("Annots"));
  const found = entry ? pdf.context.lookup(entry) : undefined;
  if (found instanceof PDFArray) {
    if (entry && entry !== found) update.changed(entry as PDFRef);
    else update.changed(page.ref);
    return found;
  }
  const array = pdf.context.obj([]);
  page.node.set(PDFName.of("Annots"), array);
  update.changed(page.ref);
  return array;
}

function frame(pdf: PDFDocument, update: IncrementalUpdate, page: PDFPage, mark: Mark, id: number): PDFRef {
  const { context } = pdf;
  const colour = COLOURS[worst(mark.diagnostics)];
  const rect = [mark.box.x0 - MARGIN, mark.box.y0 - MARGIN, mark.box.x1 + MARGIN, mark.box.y1 + MARGIN].map(round);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  const w = round(x1 - x0);
  const h = round(y1 - y0);
  const appearance = context.stream(`${colour.join(" ")} RG 1 w 0.5 0.5 ${round(w - 1)} ${round(h - 1)} re S`, {
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, w, h],
  });
  return update.add(
    context.obj({
      Type: "Annot",
      Subtype: "Square",
      Rect: rect,
      C: colour,
      BS: { W: 1, S: "S" },
      F: PRINT,
      P: page.ref,
      NM: PDFHexString.fromText(`yusuan-frame-${id}`),
      T: PDFHexString.fromText("yusuan"),
      Contents: PDFHexString.fromText(mark.diagnostics.map(noteText).join("\n\n")),
      AP: { N: update.add(appearance) },
    }),
  );
}

/**
 * A sticky note anchored in the top right corner of the box: viewers draw the icon at a fixed size from the anchor's
 * top left, so it covers the space right of a (right-aligned) figure rather than the figure.
 */
interface Note {
  box: Position;
  text: string;
  subject: string;
  colour: number[];
  id: number;
}

function note(
  pdf: PDFDocument,
  update: IncrementalUpdate,
  page: PDFPage,
  { box, text, subject, colour, id }: Note,
): PDFRef {
  const size = Math.min(1, box.x1 - box.x0, box.y1 - box.y0);
  return update.add(
    pdf.context.obj({
      Type: "Annot",
      Subtype: "Text",
      Rect: [box.x1 - size, box.y1 - size, box.x1, box.y1].map(round),
      Name: "Comment",
      Open: false,
      C: colour,
      F: NOTE_FLAGS,
      P: page.ref,
      NM: PDFHexString.fromText(`yusuan-note-${id}`),
      T: PDFHexString.fromText("yusuan"),
      Subj: PDFHexString.fromText(subject),
      Contents: PDFHexString.fromText(text),
    }),
  );
}

function summaryText(all: Diagnostic[], unlocated: Diagnostic[]): string {
  const count = (s: Severity) => all.filter((d) => d.severity === s).length;
  const head =
    all.length === 0
      ? "yusuan 审核：未发现问题。"
      : `yusuan 审核：共 ${all.length} 条发现（错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}），` +
        `${all.length - unlocated.length} 条已标注在所在位置。`;
  if (unlocated.length === 0) return head;
  const listed = unlocated.slice(0, SUMMARY_LIMIT).map((d, i) => {
    const where = [d.location.table, d.location.row, d.location.column, d.location.section].filter(Boolean).join(" ");
    return `${i + 1}. ${noteText(d).replace(/\n/g, "；")}${where ? `（${where}）` : ""}`;
  });
  const more = unlocated.length > SUMMARY_LIMIT ? [`……另有 ${unlocated.length - SUMMARY_LIMIT} 条未列出。`] : [];
  return [head, `以下 ${unlocated.length} 条无法在页面上定位：`, ...listed, ...more].join("\n");
}

function templateOf(doc: BudgetDocument): Template | undefined {
  try {
    return loadTemplate(doc.template);
  } catch {
    return undefined;
  }
}

/** Where each finding stands: its cell, else its phrase on the pages (text extracted only when needed). */
async function locate(original: Uint8Array, doc: BudgetDocument, diagnostics: Diagnostic[], pageCount: number) {
  const template = templateOf(doc);
  let finder: PhraseFinder | undefined | null;
  const marks = new Map<string, Mark>();
  const unlocated: Diagnostic[] = [];
  for (const d of diagnostics) {
    let box = cellBox(doc, template, d);
    if (!box && d.location.text) {
      if (finder === undefined) {
        try {
          // pdfjs may take over the buffer it is given; the original bytes are still needed for the update.
          finder = new PhraseFinder(await readPdf(original.slice(), "original.pdf"));
        } catch {
          finder = null;
        }
      }
      box = finder?.find(d.location.text);
    }
    if (!box || box.page < 1 || box.page > pageCount) {
      unlocated.push(d);
      continue;
    }
    const key = [box.page, box.x0, box.y0, box.x1, box.y1].map((n) => round(n)).join(":");
    const mark = marks.get(key) ?? { box, diagnostics: [] };
    mark.diagnostics.push(d);
    marks.set(key, mark);
  }
  return { marks: [...marks.values()], unlocated };
}

export async function annotatePdf(
  original: Uint8Array,
  doc: BudgetDocument,
  diagnostics: Diagnostic[],
): Promise<Uint8Array> {
  const pdf = await openOriginal(original);
  const pages = pdf.getPages();
  const first = pages[0];
  if (!first) throw new ImportError("the original PDF", "it has no pages");
  const update = new IncrementalUpdate(original, pdf);
  const { marks, unlocated } = await locate(original, doc, diagnostics, pages.length);

  const crop = first.getCropBox();
  const corner = {
    page: 1,
    x0: crop.x + 18,
    y0: crop.y + crop.height - 38,
    x1: crop.x + 38,
    y1: crop.y + crop.height - 18,
  };
  const summary = summaryText(diagnostics, unlocated);
  const colour = COLOURS[worst(unlocated.length > 0 ? unlocated : diagnostics)];
  annotsOf(pdf, first, update).push(
    note(pdf, update, first, { box: corner, text: summary, subject: "yusuan", colour, id: 0 }),
  );
  marks.forEach((mark, i) => {
    const page = pages[mark.box.page - 1];
    if (!page) return;
    const subject = [...new Set(mark.diagnostics.map((d) => d.rule))].join(", ");
    const text = mark.diagnostics.map(noteText).join("\n\n");
    const annots = annotsOf(pdf, page, update);
    annots.push(frame(pdf, update, page, mark, i + 1));
    const colour = COLOURS[worst(mark.diagnostics)];
    annots.push(note(pdf, update, page, { box: mark.box, text, subject, colour, id: i + 1 }));
  });
  return update.bytes();
}
