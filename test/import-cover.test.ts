import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCover } from "../src/import/pdf/cover.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import type { Line } from "../src/import/pdf/lines.ts";

const page = (texts: string[], pageNumber = 1): Line[] =>
  texts.map((text, i) => ({ page: pageNumber, y: 800 - i * 20, items: [], text }));

describe("reading a cover", () => {
  it("takes the department from a labelled line and keeps it out of the title (Shanghai)", () => {
    const cover = readCover([
      ...page(["上海市普陀区2024年区级部门预算", "预算主管部门：上海市普陀区人民政府万里街道办事处"]),
      ...page(["目 录", "一、部门主要职能"], 2),
    ]);
    expect(cover).toEqual({
      year: 2024,
      title: "上海市普陀区2024年区级部门预算",
      department: "上海市普陀区人民政府万里街道办事处",
    });
  });

  it("puts a year printed on its own line back into the title (final accounts)", () => {
    const cover = readCover(page(["上海市普陀区财政局", "年度部门决算", "2024"]));
    expect(cover).toEqual({
      year: 2024,
      title: "上海市普陀区财政局2024年度部门决算",
      department: "上海市普陀区财政局",
    });
  });

  it("stops at the contents on the cover page and names no department it cannot see (Guangdong)", () => {
    const cover = readCover(page(["2026年广州市信访局部门预算", "目录", "第一部分 部门概况"]));
    expect(cover).toEqual({ year: 2026, title: "2026年广州市信访局部门预算", department: undefined });
  });
});

const CORPUS = "../shared/corpus";
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`cover tests on real documents skipped: ${CORPUS} is absent`);

/** Each corpus reference names the department that published it (`# DEPARTMENT: …`, with notes in brackets). */
const publications = hasCorpus
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith(".pdfplumber.txt") && existsSync(join(CORPUS, f.replace(".pdfplumber.txt", ".pdf"))))
      .map((f) => ({
        pdf: f.replace(".pdfplumber.txt", ".pdf"),
        department: /^# DEPARTMENT: (.+)$/m
          .exec(readFileSync(join(CORPUS, f), "utf8"))?.[1]
          ?.replace(/\(.*\)$/, "")
          .trim(),
      }))
  : [];

describe.skipIf(!hasCorpus)("the department of every real document", () => {
  it.each(publications)("$pdf is published by $department", async ({ pdf, department }) => {
    const data = new Uint8Array(readFileSync(join(CORPUS, pdf)));
    const { doc } = await importPdf(data, pdf);
    expect(doc.department).toBe(department);
    expect(doc.title).not.toMatch(/目录|预算主管部门/);
  });
});
