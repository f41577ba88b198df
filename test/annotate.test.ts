/**
 * Findings marked on the PDF they were found in: a frame and a sticky note at the cell (or line) a finding names,
 * a summary note on page 1 for what cannot be located, and the original bytes, pages and text left untouched.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  type PDFPage,
  PDFString,
  StandardFonts,
} from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { annotatePdf, noteText } from "../src/annotate/annotate.ts";
import { ImportError } from "../src/import/errors.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import type { BudgetDocument, Position, Row } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import type { Diagnostic } from "../src/rules/diagnostic.ts";
import { validate } from "../src/rules/index.ts";

const CORPUS_PDF = "../shared/corpus/gz_2026_xfj.pdf";
const hasCorpus = existsSync(CORPUS_PDF);
if (!hasCorpus) console.warn(`annotation corpus test skipped: ${CORPUS_PDF} is absent`);

interface Annotation {
  subtype: string;
  rect: number[];
  contents: string;
  colour: number[];
}

const text = (object: PDFObject | undefined) =>
  object instanceof PDFHexString || object instanceof PDFString ? object.decodeText() : "";

/** The page's annotations as pdf-lib reads them from the file: subtype, /Rect as written, contents, colour. */
function annotationsOf(pdf: PDFDocument, page: PDFPage): Annotation[] {
  const annots = pdf.context.lookup(page.node.get(PDFName.of("Annots")));
  if (!(annots instanceof PDFArray)) return [];
  return annots.asArray().flatMap((ref) => {
    const dict = pdf.context.lookup(ref);
    if (!(dict instanceof PDFDict)) return [];
    const numbers = (key: string) =>
      (dict.lookup(PDFName.of(key)) as PDFArray | undefined)?.asArray().map((n) => Number(n.toString())) ?? [];
    return [
      {
        subtype: dict.lookup(PDFName.of("Subtype"))?.toString().slice(1) ?? "",
        rect: numbers("Rect"),
        contents: text(dict.lookup(PDFName.of("Contents"))),
        colour: numbers("C"),
      },
    ];
  });
}

const within = (rect: number[], box: Position) => {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  return x0 >= box.x0 - 0.01 && y0 >= box.y0 - 0.01 && x1 <= box.x1 + 0.01 && y1 <= box.y1 + 0.01;
};

const around = (rect: number[], box: Position) => {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  return x0 <= box.x0 && y0 <= box.y0 && x1 >= box.x1 && y1 >= box.y1 && x1 - x0 < box.x1 - box.x0 + 5;
};

/** Every page's text items (string and placement) and annotations, as pdfjs reads the file. */
async function pdfjsRead(data: Uint8Array) {
  const pdf = await getDocument({ data: data.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: { items: string[]; annotations: { subtype: string; contents: string }[] }[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as { str?: string; transform?: number[] }[]).map(
        (i) => `${i.str ?? ""}@${(i.transform ?? []).join(",")}`,
      );
      const annotations = (await page.getAnnotations()).map(
        (a: { subtype: string; contentsObj?: { str: string } }) => ({
          subtype: a.subtype,
          contents: a.contentsObj?.str ?? "",
        }),
      );
      pages.push({ items, annotations });
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

function rowOf(doc: BudgetDocument, table: string, key: string): Row {
  const row = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${table} ${key}`);
  return row;
}

describe.skipIf(!hasCorpus)("annotatePdf on a published PDF", () => {
  it("marks a wrong cell with a frame and a note in its box, keeping the original bytes, pages and text", async () => {
    const original = new Uint8Array(readFileSync(CORPUS_PDF));
    const { doc } = await importPdf(original.slice(), "gz_2026_xfj.pdf");
    const row = rowOf(doc, "T03", "201");
    const box = row.positions?.total;
    if (!box || typeof row.cells.total !== "number") throw new Error("T03 201 has no positioned total");
    row.cells.total += 100_000;
    // Besides the validator's findings, one that names a table the document lacks: it has no place on the pages.
    const diagnostics = [
      ...validate(doc),
      {
        rule: "tables-present",
        severity: "error" as const,
        kind: "compliance" as const,
        message: "缺少模板规定的表T99",
        messageEn: "Table T99 is missing",
        location: { table: "T99" },
      },
    ];
    const finding = diagnostics.find(
      (d) =>
        d.severity === "error" &&
        d.location.table === "T03" &&
        d.location.row === "201" &&
        d.location.column === "total",
    );
    if (!finding) throw new Error("validate found nothing wrong with T03 201 total");

    const annotated = await annotatePdf(original, doc, diagnostics);
    expect(Buffer.from(annotated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);

    const pdf = await PDFDocument.load(annotated);
    const source = await PDFDocument.load(original);
    expect(pdf.getPageCount()).toBe(source.getPageCount());
    const page = pdf.getPage(box.page - 1);
    const annotations = annotationsOf(pdf, page);
    const notes = annotations.filter((a) => a.subtype === "Text" && a.contents.includes(finding.message));
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(within(note?.rect ?? [], box)).toBe(true);
    expect(note?.contents).toContain(noteText(finding));
    expect(note?.contents).toContain(`规则：${finding.rule}`);
    expect(note?.contents).toContain(`应为：${finding.expected}；实为：${finding.actual}`);
    const frame = annotations.find((a) => a.subtype === "Square" && a.contents.includes(finding.message));
    expect(around(frame?.rect ?? [], box)).toBe(true);
    expect(frame?.colour).toEqual([0.85, 0.1, 0.1]);

    // The summary on page 1 lists what has no place on the pages.
    const [summary] = annotationsOf(pdf, pdf.getPage(0)).filter((a) => a.subtype === "Text");
    expect(summary?.contents).toMatch(/^yusuan 审核：共 \d+ 条发现/);
    expect(summary?.contents).toContain("无法在页面上定位");
    expect(summary?.contents).toContain("缺少模板规定的表T99");

    const [before, after] = await Promise.all([pdfjsRead(original), pdfjsRead(annotated)]);
    expect(after.map((p) => p.items)).toEqual(before.map((p) => p.items));
    const viewed = after[box.page - 1]?.annotations ?? [];
    expect(viewed.some((a) => a.subtype === "Text" && a.contents.includes(finding.message))).toBe(true);
  });
});

/** A two-page PDF with a figure on page 1, a sentence on page 2 and a link annotation of its own. */
async function samplePdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const first = pdf.addPage([595, 842]);
  first.drawText("Total expenditure", { x: 72, y: 700, size: 10, font });
  first.drawText("1,234.56", { x: 300, y: 700, size: 10, font });
  first.drawText("Basic expenditure", { x: 72, y: 680, size: 10, font });
  const link = pdf.context.register(
    pdf.context.obj({ Type: "Annot", Subtype: "Link", Rect: [72, 600, 200, 620], Border: [0, 0, 0] }),
  );
  first.node.set(PDFName.of("Annots"), pdf.context.obj([link]));
  const second = pdf.addPage([595, 842]);
  second.drawText("The budget of the year rose by 12.5 percent over the last.", { x: 72, y: 500, size: 11, font });
  return pdf.save({ useObjectStreams });
}

function sampleDoc(): BudgetDocument {
  const { doc } = openDocument("examples/haizhu-2021");
  const total = rowOf(doc, "T03", "总计");
  total.positions = {
    name: { page: 1, x0: 72, y0: 698, x1: 160, y1: 708.5 },
    total: { page: 1, x0: 300, y0: 698, x1: 338, y1: 708.5 },
  };
  rowOf(doc, "T03", "201").positions = { name: { page: 1, x0: 72, y0: 678, x1: 160, y1: 688.5 } };
  return doc;
}

const finding = (severity: Diagnostic["severity"], location: Diagnostic["location"], message: string): Diagnostic => ({
  rule: "test-rule",
  severity,
  kind: "arithmetic",
  message,
  messageEn: message,
  location,
});

describe("annotatePdf", () => {
  it.each([
    ["a cross-reference table", false],
    ["a cross-reference stream", true],
  ])("appends its marks to a PDF with %s as an update both pdf-lib and pdfjs read", async (_, streams) => {
    const original = await samplePdf(streams);
    const diagnostics = [
      {
        ...finding("error", { table: "T03", row: "总计", column: "total" }, "合计不等于各项之和"),
        expected: "1",
        actual: "2",
      },
      finding("warning", { table: "T03", row: "201" }, "科目名称不在目录中"),
      finding("info", { table: "T03", row: "201", column: "total" }, "空白单元格"),
      finding("info", { section: "overview", text: "rose by 12.5 percent" }, "增幅与表格不符"),
      finding("error", { section: "part1" }, "第一部分缺少“主要职责”"),
    ];
    const annotated = await annotatePdf(original, sampleDoc(), diagnostics);
    expect(Buffer.from(annotated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);

    const pdf = await PDFDocument.load(annotated);
    const page1 = annotationsOf(pdf, pdf.getPage(0));
    expect(page1[0]?.subtype).toBe("Link");
    expect(page1[1]?.subtype).toBe("Text");
    expect(page1[1]?.contents).toContain("共 5 条发现");
    expect(page1[1]?.contents).toContain("第一部分缺少“主要职责”");
    expect(page1[1]?.contents).not.toContain("合计不等于各项之和");
    const note = (message: string) => page1.find((a) => a.subtype === "Text" && a.contents.includes(message));
    expect(within(note("合计不等于各项之和")?.rect ?? [], { page: 1, x0: 300, y0: 698, x1: 338, y1: 708.5 })).toBe(
      true,
    );
    expect(note("合计不等于各项之和")?.contents).toContain("应为：1；实为：2");
    // A finding on a row goes to its label cell; a blank cell stands under its column's figures.
    expect(within(note("科目名称不在目录中")?.rect ?? [], { page: 1, x0: 72, y0: 678, x1: 160, y1: 688.5 })).toBe(true);
    expect(within(note("空白单元格")?.rect ?? [], { page: 1, x0: 300, y0: 678, x1: 338, y1: 688.5 })).toBe(true);
    const colours = page1.filter((a) => a.subtype === "Square").map((a) => a.colour);
    expect(colours).toEqual([
      [0.85, 0.1, 0.1],
      [1, 0.55, 0],
      [0.1, 0.35, 0.9],
    ]);
    const page2 = annotationsOf(pdf, pdf.getPage(1));
    const phrase = page2.find((a) => a.subtype === "Square");
    expect(phrase?.contents).toContain("增幅与表格不符");
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = phrase?.rect ?? [];
    expect(x0).toBeLessThan(75);
    expect(x1).toBeGreaterThan(300);
    expect(y0).toBeLessThan(500);
    expect(y1).toBeGreaterThan(505);

    const [before, after] = await Promise.all([pdfjsRead(original), pdfjsRead(annotated)]);
    expect(after.map((p) => p.items)).toEqual(before.map((p) => p.items));
    expect(after[0]?.annotations.map((a) => a.subtype)).toEqual([
      "Link",
      "Text",
      "Square",
      "Text",
      "Square",
      "Text",
      "Square",
      "Text",
    ]);
    expect(after[1]?.annotations.some((a) => a.contents.includes("增幅与表格不符"))).toBe(true);
  });

  it("puts a summary on page 1 even when nothing was found", async () => {
    const original = await samplePdf(false);
    const pdf = await PDFDocument.load(await annotatePdf(original, sampleDoc(), []));
    const [, summary] = annotationsOf(pdf, pdf.getPage(0));
    expect(summary?.contents).toBe("yusuan 审核：未发现问题。");
  });

  it("refuses what is not a PDF with an ImportError", async () => {
    await expect(annotatePdf(new TextEncoder().encode("not a pdf"), sampleDoc(), [])).rejects.toBeInstanceOf(
      ImportError,
    );
  });
});
