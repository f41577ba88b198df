import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkRelation, type ParsedRelation, parseRelation, parseRelations } from "../src/templates/relation.ts";
import {
  type Column,
  type ColumnNode,
  leaves,
  loadTemplate,
  type TableSpec,
  type Template,
} from "../src/templates/template.ts";

/** The official layouts besides the founding document's, and the corpus documents published in each. */
const LAYOUTS = [
  {
    id: "gd-2026-12",
    tables: 12,
    documents: ["gz_2026_xfj", "gz_2026_tjj", "gz_2026_qxj", "gz_2026_zfbgt", "gz_2026_fgw", "gz_2026_zwfwsjglj"],
    pdfOnly: [],
  },
  {
    id: "sh-district-9",
    tables: 9,
    documents: [
      "sh_pt_wanli_2024",
      "sh_pt_wanli_2025",
      "sh_pt_sfj_2026_dept",
      "sh_pt_sfj_2026_unit",
      "sh_pt_zfban_2025",
    ],
    pdfOnly: [],
  },
  {
    id: "mof-final-9",
    tables: 9,
    documents: ["sh_pt_czj_2024_final"],
    pdfOnly: ["template_national_final_accounts_blank"],
  },
  // Published as two files, js_swbgt_2019_text.pdf and js_swbgt_2019_tables.pdf; one reference holds both.
  { id: "js-2019-12", tables: 12, documents: ["js_swbgt_2019"], pdfOnly: [] },
];

const CORPUS = "../shared/corpus";
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`layout corpus tests skipped: the corpus ${CORPUS} is absent`);

/** For finding a title or header in extracted text: NFKC, no spaces, and no quotes at all — extraction sometimes
 * moves “” to another line (财政拨款 三公 经费支出决算表 / “ ”). */
const normal = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[“”„‟"]/g, "");
/** What a `titlePattern` is matched against: NFKC, no spaces, curly quotes as ". */
const comparable = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[“”„‟]/g, '"');

function pdfText(name: string): string | undefined {
  try {
    return execFileSync("pdftotext", ["-layout", `${CORPUS}/${name}.pdf`, "-"], { encoding: "utf8" });
  } catch {
    console.warn(`${name}.pdf not checked: pdftotext (poppler-utils) is not available`);
    return undefined;
  }
}

const documentText = (name: string) => readFileSync(`${CORPUS}/${name}.pdfplumber.txt`, "utf8");

/**
 * Whether a region prints a header: as one run, or wrapped within its cell over two lines with other cells' words
 * between them (因公出国 … （境）费 in Jiangsu's 三公 table).
 */
function printsHeader(region: string, header: string): boolean {
  if (region.includes(header)) return true;
  for (let cut = 2; cut < header.length; cut++) {
    const [head, tail] = [header.slice(0, cut), header.slice(cut)];
    for (let at = region.indexOf(head); at >= 0; at = region.indexOf(head, at + 1)) {
      const after = region.indexOf(tail, at + head.length);
      if (after >= 0 && after - (at + head.length) <= 40) return true;
    }
  }
  return false;
}

/**
 * Every header a table prints over its columns, each with the aliases documents print instead: the leaves of its
 * column tree, or each side's; an optional column is printed by some documents only and is not required.
 */
function leafHeaders(spec: TableSpec): string[][] {
  const printed = (columns: Column[]) =>
    columns.filter((c) => !c.optional).map((c) => [c.header, ...(c.aliases ?? [])]);
  if (spec.shape !== "balance") return printed(spec.columns);
  return (spec.sides ?? []).flatMap((side) => {
    const own = side.columns as ColumnNode[] | undefined;
    return own ? printed(leaves(own)) : [[side.labelHeader], [side.amountHeader]];
  });
}

/**
 * Each table's part of the text: from the line that prints its title (as the template names it: the title, or a
 * line its titlePattern accepts, after a 表N) to the next such line of another table.
 */
function tableRegions(template: Template, text: string): Map<string, string> {
  const lines = text.split("\n");
  const starts: { id: string; at: number }[] = [];
  lines.forEach((line, at) => {
    const printed = comparable(line).replace(/^表\d+/, "");
    for (const spec of template.tables) {
      const pattern = spec.titlePattern === undefined ? undefined : new RegExp(spec.titlePattern);
      const match = printed === comparable(spec.title) || pattern?.test(printed);
      if (match && !starts.some((s) => s.id === spec.id)) starts.push({ id: spec.id, at });
    }
  });
  starts.sort((a, b) => a.at - b.at);
  return new Map(starts.map((s, i) => [s.id, lines.slice(s.at, starts[i + 1]?.at).join("\n")]));
}

function kindsOf(template: Template, table: string): Set<string> {
  return new Set(template.tables.find((t) => t.id === table)?.rowKinds.map((r) => r.kind));
}

/** Every kind and side a relation's selectors name, with the table they must exist in. */
function namedSelectors(relation: ParsedRelation): { table: string; name: string; value: string }[] {
  const out: { table: string; name: string; value: string }[] = [];
  const each = relation.each;
  if (each) for (const s of each.selectors) out.push({ table: each.table, ...s });
  for (const term of [...relation.left, ...relation.right]) {
    const table = term.ref.table ?? each?.table;
    if (table) for (const s of term.ref.selectors) out.push({ table, ...s });
  }
  return out.filter((s) => !s.value.startsWith("$"));
}

describe.each(LAYOUTS)("the $id template", (layout) => {
  const template = loadTemplate(layout.id);

  it("declares the layout's tables as T01 … in printed order, each with a title", () => {
    expect(template.tables.map((t) => t.id)).toEqual(
      Array.from({ length: layout.tables }, (_, i) => `T${String(i + 1).padStart(2, "0")}`),
    );
    for (const [i, spec] of template.tables.entries()) {
      expect(spec.number).toBe(i + 1);
      expect(spec.title.length).toBeGreaterThan(3);
    }
  });

  it("gives every column a key of its own within its table (each side of a balance table)", () => {
    for (const spec of template.tables) {
      const groups =
        spec.shape === "balance"
          ? (spec.sides ?? []).map((s) => leaves((s.columns as ColumnNode[] | undefined) ?? spec.columnTree))
          : [spec.columns];
      for (const columns of groups) {
        const keys = columns.map((c) => c.key);
        expect(new Set(keys).size, `${spec.id}: ${keys.join(", ")}`).toBe(keys.length);
        for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      }
    }
  });

  it("accepts each table's own title with its titlePattern", () => {
    for (const spec of template.tables.filter((t) => t.titlePattern)) {
      expect(new RegExp(spec.titlePattern ?? "").test(comparable(spec.title)), spec.id).toBe(true);
    }
  });

  it("parses every relation, naming existing tables, columns, row kinds and sides", () => {
    const relations = parseRelations(template);
    expect(relations.length).toBeGreaterThan(40);
    expect(new Set(relations.map((r) => r.id)).size).toBe(relations.length);
    const crossTable = relations.filter((r) => new Set([...r.left, ...r.right].map((t) => t.ref.table)).size > 1);
    expect(crossTable.length).toBeGreaterThan(10);
    for (const relation of relations) {
      for (const s of namedSelectors(relation)) {
        if (["kind", "before", "after", "under"].includes(s.name)) {
          expect(kindsOf(template, s.table).has(s.value), `${relation.id}: ${s.table} has no kind ${s.value}`).toBe(
            true,
          );
        }
        if (s.name === "side") {
          const sides = template.tables.find((t) => t.id === s.table)?.sides?.map((x) => x.key) ?? [];
          expect(sides, `${relation.id}: ${s.table} has no side ${s.value}`).toContain(s.value);
        }
      }
    }
  });

  it("never asserts that this year's income equals this year's expenditure", () => {
    const yearTotals = /本年收入合计.*=.*本年支出合计|本年支出合计.*=.*本年收入合计/;
    for (const r of template.relations) expect(r.assert).not.toMatch(yearTotals);
  });

  it("maps every narrative subject, and the key projects, to cells that exist", () => {
    const refs = {
      ...template.narrative.subjects,
      ...(template.narrative.keyProjects ? { keyProjects: template.narrative.keyProjects } : {}),
    };
    for (const [subject, ref] of Object.entries(refs)) {
      expect(() => checkRelation(parseRelation({ id: subject, assert: `${ref} = ${ref}` }), template)).not.toThrow();
    }
    const subjects = new Set(Object.keys(template.narrative.subjects));
    for (const identity of template.narrative.identities ?? []) {
      for (const name of identity.split(/[=+]/).map((s) => s.trim())) expect(subjects, identity).toContain(name);
    }
    const ids = template.narrative.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists recognition titles that are titles of its own tables", () => {
    const titles = template.tables.map((t) => normal(t.title));
    expect(template.recognition?.titles.length).toBeGreaterThan(0);
    for (const title of template.recognition?.titles ?? []) expect(titles).toContain(normal(title));
  });
});

describe.skipIf(!hasCorpus)("the layout templates against the corpus", () => {
  const templates = LAYOUTS.map((l) => loadTemplate(l.id));
  const recognised = (text: string) =>
    templates
      .filter((t) => (t.recognition?.titles ?? []).every((title) => text.includes(normal(title))))
      .map((t) => t.id);

  describe.each(LAYOUTS)("$id", (layout) => {
    const template = loadTemplate(layout.id);

    it.each(layout.documents)("finds every table's title, and its column headers under it, in %s", (name) => {
      const text = documentText(name);
      const flat = normal(text);
      const regions = tableRegions(template, text);
      for (const spec of template.tables) {
        expect(flat.includes(normal(spec.title)), `${spec.id} title ${spec.title}`).toBe(true);
        const region = regions.get(spec.id);
        expect(region, `${spec.id}: no line prints its title`).toBeDefined();
        for (const headers of leafHeaders(spec)) {
          const found = headers.some((h) => printsHeader(normal(region ?? ""), normal(h)));
          expect(found, `${spec.id} header ${headers.join(" or ")}`).toBe(true);
        }
      }
      expect(recognised(flat)).toEqual([layout.id]);
    });

    it.runIf(layout.pdfOnly.length > 0).each(layout.pdfOnly)("finds every table title in %s.pdf", (name) => {
      const text = pdfText(name);
      if (text === undefined) return;
      const flat = normal(text);
      for (const spec of template.tables) {
        expect(flat.includes(normal(spec.title)), `${spec.id} title ${spec.title}`).toBe(true);
      }
      expect(recognised(flat)).toEqual([layout.id]);
    });
  });
});
