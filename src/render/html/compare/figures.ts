/**
 * The key figures of two budgets side by side (income, expenditure, appropriation, the three public costs …), each
 * found where that side's layout holds it, with the difference and the percentage change. A figure one side does
 * not give is missing, never zero.
 */
import type { Lang } from "../../../i18n.ts";
import type { BudgetDocument } from "../../../model/document.ts";
import { sumOfRefs } from "../../../rules/relations/evaluate.ts";
import { DocumentIndex } from "../../../rules/relations/table-index.ts";
import { parseSum } from "../../../templates/relation.ts";
import { loadTemplate, type Template } from "../../../templates/template.ts";
import { basicAndProject, bookFigures, tableById } from "../../charts/figures.ts";
import { t } from "../words.ts";
import {
  type AmountScale,
  type CompareSide,
  docScale,
  finest,
  percentChange,
  rescale,
  type Scaled,
  sameScale,
  tableScale,
} from "./scale.ts";

export interface FigureComparison {
  id: string;
  /** In Chinese; figureName gives it in another language. */
  name: string;
  /** In the comparison's scale; absent when that side's layout or tables do not give the figure. */
  a?: number;
  b?: number;
  /** b − a, when both sides have the figure. */
  difference?: number;
  /** The difference in hundredths of a percent of a, rounded half away from zero; absent when a is zero. */
  percent?: number;
}

export interface FiguresComparison {
  scale: AmountScale;
  /** Whether both documents use one layout, so that their tables can be compared too. */
  sameTemplate: boolean;
  /** Each side's layout, by name when it is known. */
  templates: [string, string];
  figures: FigureComparison[];
}

/**
 * The key figures, by where each layout holds them: the front page's basic/project split (bookFigures), otherwise
 * the first set of narrative subjects the layout maps to cells (`narrative.subjects`), added in integers. Their
 * names are `figure.<id>` in data/messages/html.yaml.
 */
export const FIGURES: { id: string; split?: "basic" | "project"; subjects: string[][] }[] = [
  { id: "incomeTotal", subjects: [["incomeTotal"]] },
  { id: "expenditureTotal", subjects: [["expenditureTotal"]] },
  {
    id: "appropriation",
    subjects: [["incomeAppropriation"], ["incomeGeneralBudget", "incomeGovernmentFund", "incomeStateCapital"]],
  },
  { id: "basic", split: "basic", subjects: [["expenditureBasic"]] },
  { id: "project", split: "project", subjects: [["expenditureProject"]] },
  { id: "threePublicTotal", subjects: [["threePublicTotal"]] },
  { id: "abroad", subjects: [["abroad"]] },
  { id: "vehiclePurchase", subjects: [["vehiclePurchase"]] },
  { id: "vehicleOperation", subjects: [["vehicleOperation"]] },
  { id: "reception", subjects: [["reception"]] },
  { id: "agencyOperatingCosts", subjects: [["agencyOperatingCosts"]] },
  { id: "procurementTotal", subjects: [["procurementTotal"]] },
];

export const figureName = (id: string, lang: Lang = "zh") => t(lang, `figure.${id}`);

/** The layout a document uses: the one given when it matches, otherwise its own, if known. */
function templateFor(doc: BudgetDocument, template: Template): Template | undefined {
  if (doc.template === template.id) return template;
  try {
    return loadTemplate(doc.template);
  } catch {
    return undefined;
  }
}

/** A narrative subject's cells, when the layout maps it and they are all printed in one unit. */
function subject(doc: BudgetDocument, template: Template, index: DocumentIndex, id: string): Scaled | undefined {
  const expression = template.narrative.subjects[id];
  const operand = expression === undefined ? undefined : sumOfRefs(parseSum(expression, id), index);
  if (!operand) return undefined;
  const scales = operand.cells.map((c) =>
    tableScale(
      doc,
      tableById(doc, c.table ?? ""),
      template.tables.find((spec) => spec.id === c.table),
    ),
  );
  const [scale = docScale(doc)] = scales;
  return scales.every((s) => sameScale(s, scale)) ? { value: operand.value, scale } : undefined;
}

function sideFigures(doc: BudgetDocument, template: Template | undefined): Map<string, Scaled> {
  const found = new Map<string, Scaled>();
  if (!template) return found;
  const index = new DocumentIndex(doc, template);
  const book = bookFigures(doc, template);
  const split = book && basicAndProject(doc, book.sources);
  for (const figure of FIGURES) {
    const value = figure.split && split?.[figure.split];
    if (typeof value === "number") {
      found.set(figure.id, { value, scale: docScale(doc) });
      continue;
    }
    for (const ids of figure.subjects) {
      const parts = ids.map((id) => subject(doc, template, index, id));
      const [first] = parts;
      if (!first || parts.some((p) => !p || !sameScale(p.scale, first.scale))) continue;
      const value = parts.reduce((total, p) => total + (p?.value ?? 0), 0);
      found.set(figure.id, { value, scale: first.scale });
      break;
    }
  }
  return found;
}

export function compareFigures(a: CompareSide, b: CompareSide, template: Template): FiguresComparison {
  const templates = [templateFor(a.doc, template), templateFor(b.doc, template)] as const;
  const [fa, fb] = [sideFigures(a.doc, templates[0]), sideFigures(b.doc, templates[1])];
  const scales = [...fa.values(), ...fb.values()].map((f) => f.scale);
  const scale = finest([docScale(a.doc), docScale(b.doc), ...scales], docScale(a.doc));
  const figures = FIGURES.flatMap(({ id }): FigureComparison[] => {
    const name = figureName(id);
    const [x, y] = [fa.get(id), fb.get(id)].map((f) => (f ? rescale(f, scale) : undefined));
    if (x === undefined && y === undefined) return [];
    if (x === undefined || y === undefined) return [{ id, name, a: x, b: y }];
    return [{ id, name, a: x, b: y, difference: y - x, percent: percentChange(x, y) }];
  });
  return {
    scale,
    sameTemplate: a.doc.template === b.doc.template,
    templates: [templates[0]?.name ?? a.doc.template, templates[1]?.name ?? b.doc.template],
    figures,
  };
}
