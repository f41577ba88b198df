/**
 * The table of contents (目录) is the reader's map of the disclosure: it lists every Part 3 section and every table
 * of the document, and nothing that is not there. Titles compare without typesetting noise and without the ordinal
 * the contents prints before them (十三、政府采购预算表 lists 政府采购预算表).
 */
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const ORDINAL = /^(?:[一二三四五六七八九十百]+[、.]|[(][一二三四五六七八九十]+[)]|\d+[、.])/;

/** NFKC, no spaces, no quotes ("三公" and “三公” alike), no ordinal prefix. */
export function contentsTitle(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』]/g, "")
    .replace(ORDINAL, "");
}

/** A table title ends in 表, perhaps followed by a bracketed qualifier: 一般公共预算支出预算表(按功能分类科目). */
const looksLikeTable = (title: string) => /表(?:\([^()]*\))?$/.test(title);

type Kind = "table" | "section";

export const contentsMatch: Rule = {
  meta: {
    id: "contents-match",
    title: "目录与正文一致",
    severity: "warning",
    kind: "compliance",
    description:
      "The table of contents lists every table and every Part 3 section of the document, and no table or section the document lacks.",
  },
  check({ doc, template, report }) {
    const frontMatter = ruleData<{ "contents-match": { frontMatter: string[] } }>("wording")[
      "contents-match"
    ].frontMatter.map((p) => new RegExp(p));
    const tables = doc.tables.map((t) => {
      const spec = template.tables.find((s) => s.id === t.id);
      const number = spec?.number ?? Number(t.id.slice(1));
      return {
        id: t.id,
        number,
        title: t.title,
        names: [t.title, spec?.title ?? t.title].map(contentsTitle),
        // Layouts print a table's title with variants (2025年部门财务收支预算总表): the template's pattern knows them.
        pattern: spec?.titleRegex,
      };
    });
    const isTable = (title: string) => (t: (typeof tables)[number]) =>
      t.names.includes(title) || t.pattern?.test(title) === true;
    const sections = doc.part3.map((s) => {
      const spec = template.narrative.sections.find((x) => x.id === s.id);
      return { id: s.id, title: s.title, names: [s.title, spec?.title ?? s.title].map(contentsTitle) };
    });
    const kindOf = (title: string): Kind | "front" | undefined =>
      tables.some(isTable(title))
        ? "table"
        : sections.some((s) => s.names.includes(title))
          ? "section"
          : frontMatter.some((p) => p.test(title))
            ? "front"
            : undefined;

    // Split the contents into its parts (第三部分 …); a part is a list of tables or of sections by what most of its
    // known entries are, so that an unknown entry can be called a table or a section.
    const parts: { entry: string; title: string; kind?: Kind | "front" }[][] = [[]];
    // A part heading can itself name what the part is (第四部分 名词解释).
    const headings: string[] = [];
    for (const entry of doc.contents) {
      if (PART_HEADING.test(entry.trim())) {
        parts.push([]);
        headings.push(contentsTitle(entry.trim().replace(PART_HEADING, "")));
      } else parts[parts.length - 1]?.push({ entry, title: contentsTitle(entry), kind: kindOf(contentsTitle(entry)) });
    }
    for (const part of parts) {
      const count = (k: Kind) => part.filter((e) => e.kind === k).length;
      const partKind = count("table") > count("section") ? "table" : count("section") > 0 ? "section" : undefined;
      for (const e of part) {
        const kind = e.kind ? undefined : looksLikeTable(e.title) ? "table" : partKind;
        if (!kind) continue;
        report({
          messageId: kind === "table" ? "unknownTable" : "unknownSection",
          data: { entry: e.entry.trim() },
          location: { section: "contents", text: e.entry },
        });
      }
    }

    const entries = [...parts.flat().map((e) => e.title), ...headings];
    const listed = new Set(entries);
    for (const t of tables) {
      if (!entries.some((title) => isTable(title)(t))) {
        report({
          messageId: "unlistedTable",
          data: { table: t.id, number: t.number, title: t.title },
          location: { table: t.id },
        });
      }
    }
    // Contents that list the explanations only as a part (第三部分 …情况说明), not section by section, are complete.
    const individually = new Set(parts.flat().map((e) => e.title));
    const bySection = sections.filter((s) => s.names.some((n) => individually.has(n))).length >= 2;
    for (const s of bySection ? sections : []) {
      if (!s.names.some((n) => listed.has(n))) {
        report({ messageId: "unlistedSection", data: { id: s.id, title: s.title }, location: { section: s.id } });
      }
    }
  },
};
