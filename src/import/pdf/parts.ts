/**
 * A disclosure published as two files — the explanations, and the tables (Jiangsu 2019: …公开文件.pdf and
 * …公开表格.pdf) — read as one document. Two imports are parts of one publication when they are of the same layout
 * and year, one prints no table and the other nothing but tables, and the department the tables name is the one the
 * explanations name. The tables bring their rows (with positions on the tables file's pages), the
 * explanations their contents, parts 1 and 2 and the sections of part 3.
 */
import { basename } from "node:path";
import { comparable } from "../text.ts";
import type { PdfImport } from "./import.ts";

export interface Part {
  file: string;
  imported: PdfImport;
}

const hasTables = (p: PdfImport) => p.tables.some((t) => t.found);
const hasNarrative = (p: PdfImport) => p.doc.part3.length > 0 || p.doc.part1.duties.length > 0;

/** A party organ is named with and without 中共 (中共江苏省委办公厅, 江苏省委办公厅). */
const bareName = (name: string) => comparable(name).replace(/^(?:中共|中国共产党)/, "");

/** The explanations name the department in their title or text; the tables print it in their 部门 line. */
function sameDepartment(explanations: PdfImport, tables: PdfImport): boolean {
  const name = bareName(tables.doc.department);
  if (name === "") return false;
  const said = [explanations.doc.department, explanations.doc.title].map(bareName);
  return said.some((s) => s.includes(name) || (s !== "" && name.includes(s)));
}

/** The explanations and the tables of one publication, in that order; undefined if `a` and `b` are not. */
export function asParts<P extends Part>(a: P, b: P): [P, P] | undefined {
  const [text, tables] = hasTables(a.imported) ? [b, a] : [a, b];
  const t = text.imported;
  const s = tables.imported;
  // A tables file may print no year at all (its year is then the layout's): only a stated year must agree.
  const statesYear = /(?:19|20)\d{2}/.test(s.doc.title);
  if (t.template.id !== s.template.id || (statesYear && t.doc.year !== s.doc.year)) return undefined;
  if (hasTables(t) || !hasNarrative(t) || !hasTables(s) || hasNarrative(s)) return undefined;
  return sameDepartment(t, s) ? [text, tables] : undefined;
}

export function mergeParts(text: Part, tables: Part): PdfImport {
  const t = text.imported.doc;
  const s = tables.imported.doc;
  return {
    template: tables.imported.template,
    reason: `${tables.imported.reason}; explanations in ${basename(text.file)}, tables in ${basename(tables.file)}`,
    tables: tables.imported.tables,
    doc: { ...s, year: t.year, title: t.title, contents: t.contents, part1: t.part1, part2: t.part2, part3: t.part3 },
  };
}
