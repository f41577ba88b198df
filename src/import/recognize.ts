/**
 * Which layout a document uses, told from the table titles it prints: the template whose titles it prints most
 * completely wins, and the reason is said ("gd-2026-12: 12 of its 12 table titles found").
 */
import { readdirSync } from "node:fs";
import { dataPath } from "../paths.ts";
import { loadTemplate, type Template } from "../templates/template.ts";
import { tableTitled } from "./pdf/segment.ts";

const TEMPLATE_DIR = `${dataPath("templates")}/`;

export function templateIds(): string[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f) && !/\.(relations|opendata)\.yaml$/.test(f))
    .map((f) => f.replace(/\.yaml$/, ""))
    .sort();
}

export interface Recognition {
  template: Template;
  found: number;
  reason: string;
}

/** A line of a table of contents, without its ordinal (九、 (九) 9. 表9): what it lists. */
const listed = (line: string) =>
  line.trim().replace(/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．]\s*)/, "");

/**
 * `printed` are the document's lines; a template scores the share of its table titles printed among them. A
 * template that lists `recognition.titles` is only a candidate when every one of them is printed. A document that
 * prints no table — the explanations of a layout that publishes its tables in a file of their own (Jiangsu 2019) —
 * is told by the titles its contents list.
 */
export function recognise(printed: string[]): Recognition | undefined {
  const byTitles = recogniseTitles(printed);
  if (byTitles) return byTitles;
  const byContents = recogniseTitles(printed.map(listed));
  if (!byContents) return undefined;
  return { ...byContents, reason: `${byContents.reason.replace("found", "listed in the contents")}, none printed` };
}

function recogniseTitles(printed: string[]): Recognition | undefined {
  let best: Recognition | undefined;
  let bestShare = 0;
  for (const id of templateIds()) {
    const template = loadTemplate(id);
    const tables = new Set(printed.flatMap((line) => tableTitled(template, line) ?? []));
    const required = (template.recognition?.titles ?? []).map((title) => tableTitled(template, title));
    if (!required.every((table) => table !== undefined && tables.has(table))) continue;
    const found = tables.size;
    const share = found / template.tables.length;
    if (found > 0 && (share > bestShare || (share === bestShare && found > (best?.found ?? 0)))) {
      bestShare = share;
      best = { template, found, reason: `${id}: ${found} of its ${template.tables.length} table titles found` };
    }
  }
  return best;
}
