/**
 * Pages printed sideways (/Rotate 90: Jiangsu's landscape tables) are read upright, while the boxes recorded for
 * marking findings stay in PDF user space, where `validate --annotate` draws them.
 */
import { existsSync, readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { annotatePdf } from "../src/annotate/annotate.ts";
import { readPdf } from "../src/import/pdf/extract.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import { apply, invert, readingFrame, userBox } from "../src/import/pdf/orientation.ts";
import type { Diagnostic } from "../src/rules/diagnostic.ts";

const VIEW = [0, 0, 842, 1191];

describe("the reading orientation of a turned page", () => {
  it("turns a page shown 90° clockwise so that its left edge is on top, and back", () => {
    const frame = readingFrame(90, VIEW);
    // The 部门 line of Jiangsu's 收支预算总表 starts near the page's left edge in user space: top left once turned.
    expect(apply(frame, 87.6, 44.61)).toEqual([44.61, 842 - 87.6]);
    for (const rotate of [0, 90, 180, 270, -90]) {
      const there = apply(readingFrame(rotate, VIEW), 100, 200);
      const [x, y] = apply(invert(readingFrame(rotate, VIEW)), ...there);
      expect([x, y].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([100, 200]);
    }
  });

  it("leaves an unrotated page's coordinates as they are", () => {
    expect(apply(readingFrame(0, [0, 0, 595, 842]), 72, 700)).toEqual([72, 700]);
    const box = { page: 1, x0: 1, y0: 2, x1: 3, y1: 4 };
    expect(userBox(box, undefined)).toBe(box);
  });

  it("turns a box back into user space with its corners ordered", () => {
    const box = { page: 1, x0: 1090, y0: 145, x1: 1150, y1: 157 };
    expect(userBox(box, invert(readingFrame(90, VIEW)))).toEqual({ page: 1, x0: 685, y0: 1090, x1: 697, y1: 1150 });
  });
});

const TABLES = "../shared/corpus/js_swbgt_2019_tables.pdf";
const hasCorpus = existsSync(TABLES);
if (!hasCorpus) console.warn(`rotation corpus tests skipped: ${TABLES} is absent`);

/** Where pdfjs says each text run starts on a page, in user space. */
async function origins(data: Uint8Array, page: number): Promise<Map<string, [number, number]>> {
  const pdf = await getDocument({ data: data.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const content = await (await pdf.getPage(page)).getTextContent();
    const items = content.items as { str: string; transform: number[] }[];
    return new Map(items.map((i) => [i.str.trim(), [i.transform[4] ?? 0, i.transform[5] ?? 0] as [number, number]]));
  } finally {
    await pdf.destroy();
  }
}

describe.skipIf(!hasCorpus)("a table on a turned page (Jiangsu 2019)", () => {
  it("is read in lines and columns as it is displayed", async () => {
    const pages = await readPdf(new Uint8Array(readFileSync(TABLES)), "js_swbgt_2019_tables.pdf");
    const first = pages[0];
    expect(first && [first.width, first.height]).toEqual([1191, 842]);
    const title = first?.items.find((i) => i.text === "收支预算总表");
    const department = first?.items.find((i) => i.text.startsWith("部门"));
    // The title stands above the 部门 line, and text runs left to right.
    expect(title && department && title.y > department.y && title.x1 > title.x0).toBe(true);
  });

  it("records each cell's box in user space, around where the PDF draws it", async () => {
    const data = new Uint8Array(readFileSync(TABLES));
    const { doc } = await importPdf(data.slice(), "js_swbgt_2019_tables.pdf");
    const reserve = doc.tables.find((t) => t.id === "T03")?.rows[0]?.positions?.reserve;
    expect(reserve?.page).toBe(3);
    const [x, y] = (await origins(data, 3)).get("2,938.21") ?? [0, 0];
    // Turned text runs up the page in user space: the box is narrow and tall, and starts at the run's origin.
    expect(reserve && reserve.x1 - reserve.x0 < reserve.y1 - reserve.y0).toBe(true);
    expect(reserve && reserve.x0 <= x && x <= reserve.x1 && Math.abs(reserve.y0 - y) < 1).toBe(true);
  });

  it("is annotated at that box", async () => {
    const data = new Uint8Array(readFileSync(TABLES));
    const { doc } = await importPdf(data.slice(), "js_swbgt_2019_tables.pdf");
    const box = doc.tables.find((t) => t.id === "T03")?.rows[0]?.positions?.reserve;
    const finding: Diagnostic = {
      rule: "test-rule",
      severity: "error",
      kind: "arithmetic",
      message: "单位预留机动经费",
      messageEn: "reserve",
      location: { table: "T03", row: doc.tables.find((t) => t.id === "T03")?.rows[0]?.key, column: "reserve" },
    };
    const pdf = await PDFDocument.load(await annotatePdf(data, doc, [finding]));
    const page = pdf.getPage(2);
    const annots = pdf.context.lookup(page.node.get(PDFName.of("Annots")));
    const rects = (annots instanceof PDFArray ? annots.asArray() : []).flatMap((ref) => {
      const dict = pdf.context.lookup(ref);
      if (!(dict instanceof PDFDict) || dict.lookup(PDFName.of("Subtype"))?.toString() !== "/Square") return [];
      const rect = dict.lookup(PDFName.of("Rect"));
      return rect instanceof PDFArray ? [rect.asArray().map((n) => Number(n.toString()))] : [];
    });
    expect(rects).toHaveLength(1);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rects[0] ?? [];
    expect(box && x0 <= box.x0 && y0 <= box.y0 && x1 >= box.x1 && y1 >= box.y1).toBe(true);
  });
});
