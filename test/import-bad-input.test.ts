/**
 * Bad input gets a clear error naming the file and what was recognised — never a crash, never a hang: a scanned
 * PDF, an encrypted or damaged one, an unknown layout, a truncated file, and thousands of mutated inputs.
 */
import { existsSync, readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ImportError } from "../src/import/errors.ts";
import { readPdf } from "../src/import/pdf/extract.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import { type Line, pageLines } from "../src/import/pdf/lines.ts";
import { segment } from "../src/import/pdf/segment.ts";
import { readRegion } from "../src/import/pdf/table.ts";
import { loadTemplate } from "../src/templates/template.ts";

const CORPUS = "../shared/corpus/gz_2026_xfj.pdf";

async function pdfWith(draw: (doc: PDFDocument) => Promise<void>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  await draw(doc);
  return doc.save();
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("importing bad PDFs", () => {
  it("says a scanned PDF has no text layer", async () => {
    const data = await pdfWith(async (doc) => {
      doc.addPage([400, 300]).drawRectangle({ x: 10, y: 10, width: 100, height: 50 });
    });
    await expect(importPdf(data, "scan.pdf")).rejects.toThrow(/scan\.pdf: no text layer in 1 pages/);
  });

  it("says an encrypted PDF is encrypted", async () => {
    const data = new Uint8Array(readFileSync("test/fixtures/encrypted.pdf"));
    await expect(importPdf(data, "secret.pdf")).rejects.toThrow(/secret\.pdf: the PDF is encrypted/);
  });

  it("says a file that is not a PDF is not readable", async () => {
    await expect(importPdf(new TextEncoder().encode("hello, I am not a PDF"), "notes.pdf")).rejects.toThrow(
      /notes\.pdf: not a readable PDF/,
    );
  });

  it("says a PDF of no known layout is unknown, quoting what it saw", async () => {
    const data = await pdfWith(async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.addPage([400, 300]).drawText("Quarterly sales report", { x: 20, y: 250, size: 14, font });
    });
    await expect(importPdf(data, "sales.pdf")).rejects.toThrow(/sales\.pdf: no known layout: .*Quarterly sales report/);
  });

  it.skipIf(!existsSync(CORPUS))("reads a truncated PDF as far as it goes or says it is damaged", async () => {
    const whole = new Uint8Array(readFileSync(CORPUS));
    for (const share of [0.2, 0.5, 0.8]) {
      const part = whole.slice(0, Math.floor(whole.length * share));
      const outcome = await importPdf(part, "cut.pdf", "gd-2026-12").then(
        (r) => r.tables.filter((t) => t.found).length,
        (e: unknown) => e,
      );
      if (typeof outcome === "number") expect(outcome).toBeLessThanOrEqual(12);
      else expect(outcome).toBeInstanceOf(ImportError);
    }
  });

  it("survives 300 byte-mutated PDFs with a result or an ImportError", async () => {
    const base = await pdfWith(async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([600, 400]);
      page.drawText("Table 1 100.00 200.00 300.00", { x: 20, y: 350, size: 12, font });
    });
    const next = random(1);
    for (let n = 0; n < 300; n++) {
      const data = base.slice();
      for (let k = 0; k < 1 + Math.floor(next() * 8); k++)
        data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
      const outcome = await readPdf(data, `mutant-${n}.pdf`).then(
        () => "read",
        (e: unknown) => e,
      );
      if (outcome !== "read") expect(outcome, `mutant ${n}`).toBeInstanceOf(ImportError);
    }
  });

  it("survives 5,000 mutated page layouts without a crash or a hang", async () => {
    const template = loadTemplate("gd-2026-12");
    const words = [
      "合计",
      "收支总体情况表",
      "本年支出总体情况表",
      "一、一般公共服务支出",
      "201",
      "20805",
      "注：无。",
      "单位：万元",
      "表3",
      "科目名称",
      "",
    ];
    const figures = ["3,944.08", "0.00", "-", "12", "1,234,567.89", "(1.00)", "1.2.3", "９９.００"];
    const next = random(7);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
    // A crash fails the test; a hang runs into the test timeout.
    let read = 0;
    for (let n = 0; n < 5000; n++) {
      const lines: Line[] = [];
      for (let l = 0; l < 1 + Math.floor(next() * 25); l++) {
        const items = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
          const text = next() < 0.5 ? pick(words) : pick(figures);
          const x0 = next() * 800;
          return {
            page: 1 + Math.floor(next() * 3),
            text,
            x0,
            x1: x0 + next() * 80,
            y: next() * 600,
            h: 1 + next() * 14,
          };
        });
        lines.push({ page: items[0]?.page ?? 1, y: items[0]?.y ?? 0, items, text: items.map((i) => i.text).join(" ") });
      }
      const { regions } = segment(lines, template);
      for (const region of regions) {
        const spec = template.tables.find((t) => t.id === region.id);
        if (spec) read += readRegion(spec, region.lines).rows.length >= 0 ? 1 : 0;
      }
    }
    expect(read).toBeGreaterThan(100);
  });
});

describe("lines of a real page", () => {
  it.skipIf(!existsSync(CORPUS))("are read top to bottom with their figures split from words", async () => {
    const pages = await readPdf(new Uint8Array(readFileSync(CORPUS)), "gz_2026_xfj.pdf");
    const lines = pageLines(pages[4] ?? { number: 0, width: 0, height: 0, items: [] });
    const line = lines.find((l) => l.text.startsWith("一、预算拨款"));
    expect(line?.items.map((i) => i.text)).toEqual(["一、预算拨款", "3,944.08", "一、一般公共服务支出", "2,570.71"]);
  });
});
