/** The charts of a budget book, in reading order; a chart whose figures the layout does not hold is left out. */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { basicProjectChart } from "./basic-project.ts";
import { economicChart } from "./economic.ts";
import { functionClassChart } from "./function-class.ts";
import { procurementChart } from "./procurement.ts";
import type { Chart } from "./svg.ts";
import { unitChart } from "./units.ts";

export type { Chart, ChartTable } from "./svg.ts";

export function bookCharts(doc: BudgetDocument, template: Template): Chart[] {
  return [basicProjectChart, functionClassChart, unitChart, economicChart, procurementChart]
    .map((chart) => chart(doc, template))
    .filter((c): c is Chart => c !== undefined);
}
