/**
 * The narrative parts of a published PDF: the contents, Part 1 (duties, structure), Part 2 where the layout has
 * one, and the Part 3 sections the template lists, each with its text and the facts it states.
 *
 * Input is what `segment` leaves outside the tables, in reading order (page footers already dropped). A layout
 * without part headings (Shanghai) prints sections after its last table, inside that table's region: passing the
 * regions lets those lines be taken back (`narrativeTail`).
 */
import type { BudgetDocument, Section } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import type { Line } from "../pdf/lines.ts";
import type { TableRegion } from "../pdf/segment.ts";
import { readContents } from "./contents.ts";
import { readFacts } from "./facts.ts";
import { readPart1, readPart2 } from "./front.ts";
import { projectTable, readProjects, readTerms } from "./projects.ts";
import { narrativeTail, splitBody } from "./sections.ts";
import { sectionSubjects } from "./subjects.ts";
import { paragraphs } from "./text.ts";

export interface Narrative {
  contents: string[];
  part1: BudgetDocument["part1"];
  part2: BudgetDocument["part2"];
  part3: Section[];
}

/** The narrative lines, with those table regions swallowed put back in reading order. */
export function narrativeLines(lines: Line[], template: Template, regions: TableRegion[] = []): Line[] {
  const tails = regions.flatMap((r) => narrativeTail(r.lines, template.narrative.sections));
  if (tails.length === 0) return lines;
  return [...lines, ...tails].sort((a, b) => a.page - b.page || b.y - a.y);
}

/**
 * Reads the narrative. `decimals` is the number of decimals of amounts in 万元 (the document's decimals when its
 * unit is 万元): the text states 4.8万元, the fact's amount is 480 with 2 decimals.
 */
export function readNarrative(
  lines: Line[],
  template: Template,
  decimals: number,
  regions: TableRegion[] = [],
): Narrative {
  const all = narrativeLines(lines, template, regions);
  const { contents, end } = readContents(all);
  const body = splitBody(all.slice(end), template.narrative.sections);
  const part3 = body.sections.map(({ id, block }): Section => {
    const table = id === "keyProjects" ? projectTable(block.lines) : undefined;
    const texts = table ? [...paragraphs(table.before), ...paragraphs(table.after)] : paragraphs(block.lines);
    const text = texts.join("\n\n");
    const section: Section = {
      id,
      title: block.heading,
      text,
      facts: readFacts(text, sectionSubjects(template.id, id), decimals),
    };
    if (table) section.projects = readProjects(table.table, decimals);
    if (id === "glossary") section.terms = readTerms(texts);
    return section;
  });
  return { contents, part1: readPart1(body), part2: readPart2(body), part3 };
}
