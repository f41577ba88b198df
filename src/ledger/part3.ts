/**
 * Part 3 (部门预算安排情况说明) from the derived tables. Every stated figure is read from the cell the template maps
 * its subject to (template `narrative.subjects`, the same expressions the validator evaluates), every change is
 * computed from the published figures, and the wording is the layout's. A change the validator requires a reason
 * for, without one in the ledger, is an input error.
 */

import type { BudgetDocument, Fact, Section } from "../model/document.ts";
import { formatAmount } from "../money/amount.ts";
import { sumOfRefs } from "../rules/relations/evaluate.ts";
import { DocumentIndex } from "../rules/relations/table-index.ts";
import { parseSum } from "../templates/relation.ts";
import { type ChangeOnLastYear, changeOn, previousOf, reasonRequired } from "./changes.ts";
import { sheetFormat } from "./format.ts";
import { type Issues, originOf } from "./issues.ts";
import { fill, type SectionWording } from "./layout.ts";
import { roundHalfUp } from "./round.ts";
import { chineseNumeral, type DeriveContext } from "./tables/build.ts";
import { CHANGE_SUBJECTS, type ChangeSubject, type Project } from "./types.ts";

type KeyProject = NonNullable<Section["projects"]>[number];

const money = (units: number) => formatAmount(units);
const percentText = (hundredths: number) => formatAmount(hundredths, { thousands: false });
/** A reason as the ledger wrote it, without the full stop the sentence around it supplies. */
const bare = (reason: string) => reason.trim().replace(/[。；;，,.]+$/, "");

export class Part3 {
  private readonly index: DocumentIndex;
  /** The placeholders a section text fills: each fact's phrase and each stated reason. */
  private values: Record<string, string | number> = {};

  constructor(
    private readonly doc: BudgetDocument,
    private readonly context: DeriveContext,
    private readonly issues: Issues,
  ) {
    this.index = new DocumentIndex(doc, context.template);
  }

  /** The published value of a narrative subject: the template's expression over the derived tables. */
  value(subject: string): number {
    const expression = this.context.template.narrative.subjects[subject];
    if (!expression) throw new Error(`template ${this.context.template.id} maps no cell to ${subject}`);
    return sumOfRefs(parseSum(expression, subject), this.index)?.value ?? 0;
  }

  keyProjectAmount(name: string): number {
    const expression = this.context.template.narrative.keyProjects ?? "";
    return sumOfRefs(parseSum(expression, "keyProjects"), this.index, { name })?.value ?? 0;
  }

  private change(subject: string, amount: number): ChangeOnLastYear | undefined {
    const own = this.context.layout.sameChangeAs[subject] ?? subject;
    if (!CHANGE_SUBJECTS.includes(own as ChangeSubject)) return undefined;
    const previous = previousOf(this.context.ledger, own as ChangeSubject);
    return previous === undefined ? undefined : changeOn(amount, previous);
  }

  private reason(subject: string, change: ChangeOnLastYear): string | undefined {
    const own = (this.context.layout.sameChangeAs[subject] ?? subject) as ChangeSubject;
    const reason = this.context.ledger.changes[own]?.reason;
    if (reason) return bare(reason);
    if (subject === own && reasonRequired(subject, change)) {
      const changes = this.context.ledger.changes;
      const label = sheetFormat("changes").rows?.find((r) => r.key === own)?.label ?? own;
      const record = changes[own];
      const place = record ? originOf(record) : { ...originOf(changes), row: label };
      const percent = change.percent === undefined ? "" : `, ${percentText(change.percent)}%`;
      this.issues.add(
        place,
        `${label} ${change.direction} ${money(change.amount)} 万元 on last year${percent}: state the reason (增减变动原因)`,
        "reason",
      );
    }
    return undefined;
  }

  private changePhrase(change: ChangeOnLastYear | undefined): string {
    const wording = this.context.layout.change;
    if (!change) return "";
    const key =
      change.direction === "持平"
        ? "flat"
        : change.direction === "减少"
          ? "decrease"
          : change.percent === undefined
            ? "increaseNoBase"
            : "increase";
    const values = {
      change: money(change.amount),
      percent: change.percent === undefined ? "" : percentText(change.percent),
    };
    return fill(wording[key] ?? "", values);
  }

  /** A fact: its figure, its phrase (from the layout), and its change and reason when the phrase states one. */
  private fact(subject: string, phrase: string, extra: Record<string, string | number>): Fact {
    const { year } = this.context.ledger;
    const fact: Fact = { subject, text: "" };
    const values: Record<string, string | number> = { year, ...this.values, ...extra };
    if (phrase.includes("{amount}")) {
      fact.amount = extra.amountUnits === undefined ? this.value(subject) : Number(extra.amountUnits);
      values.amount = money(fact.amount);
    }
    if (extra.quantity !== undefined) fact.quantity = String(extra.quantity);
    if (extra.unit !== undefined) fact.unit = String(extra.unit);
    values.change = "";
    this.values[`${subject}Reason`] = "";
    if (phrase.includes("{change}") && fact.amount !== undefined) {
      const change = this.change(subject, fact.amount);
      values.change = this.changePhrase(change);
      if (change) {
        fact.changeDirection = change.direction;
        fact.changeAmount = change.amount;
        if (change.percent !== undefined) {
          fact.percentDirection = change.direction === "增加" ? "增长" : "下降";
          fact.changePercent = change.percent;
        }
        const reason = change.amount === 0 ? undefined : this.reason(subject, change);
        if (reason) {
          fact.reason = reason;
          this.values[`${subject}Reason`] = fill(this.context.layout.change.reason ?? "", { reason });
        }
      }
    }
    fact.text = fill(phrase, values);
    this.values[subject] = fact.text;
    return fact;
  }

  /** Figures of the ledger (not of the tables) that a section's facts state: the assets. */
  private extras(id: string, wording: SectionWording): Record<string, Record<string, string | number>> {
    if (id !== "assets") return {};
    const { assets } = this.context.ledger.narrative;
    const count = (subject: "buildings" | "vehicles" | "equipmentOver1m") => ({
      quantity: assets[subject] || "0",
      unit: wording.units?.[subject] ?? "",
    });
    return {
      assetsDate: { date: assets.date },
      fixedAssets: { amountUnits: roundHalfUp(assets.fixedAssets) },
      buildings: count("buildings"),
      vehicles: count("vehicles"),
      equipmentOver1m: count("equipmentOver1m"),
      plannedPurchases: { amountUnits: roundHalfUp(assets.plannedPurchases) },
    };
  }

  /** Values a section's text uses besides its facts. */
  private sectionValues(id: string, wording: SectionWording): Record<string, string | number> {
    const { ledger, layout } = this.context;
    if (id === "overview") return { roundingNote: layout.roundingNote };
    if (id === "expenditure") {
      const total = this.value("expenditureTotal");
      const t03 = this.doc.tables.find((t) => t.id === "T03")?.rows.find((r) => r.kind === "total")?.cells;
      const basic = Number(t03?.basic ?? 0);
      const project = Number(t03?.project ?? 0);
      const share = (part: number) =>
        percentText(total > 0 ? Math.floor((2 * part * 10_000 + total) / (2 * total)) : 0);
      return { basic: money(basic), project: money(project), basicShare: share(basic), projectShare: share(project) };
    }
    if (id === "assets") {
      const note = ledger.narrative.assets.plannedPurchasesNote;
      return { plannedPurchasesNote: note ? fill(wording.plannedPurchasesNote ?? "", { note: bare(note) }) : "" };
    }
    return {};
  }

  section(id: string, number: number, title: string): Section {
    const { ledger, layout } = this.context;
    const wording = layout.sections[id] ?? {};
    this.values = {};
    const extras = this.extras(id, wording);
    const facts = Object.entries(wording.facts ?? {}).map(([subject, phrase]) =>
      this.fact(subject, phrase, extras[subject] ?? {}),
    );
    const section: Section = { id, title: `${chineseNumeral(number)}、${title}`, text: "", facts };
    const values = {
      year: ledger.year,
      department: ledger.department,
      ...this.values,
      ...this.sectionValues(id, wording),
    };
    if (id === "keyProjects") section.projects = this.keyProjects();
    if (section.projects?.length === 0) {
      section.text = fill(wording.none ?? wording.text ?? "", values);
    } else if (id === "glossary") {
      section.terms = ledger.glossary.length > 0 ? ledger.glossary : layout.glossary;
      section.text = section.terms
        .map((t, i) => fill(wording.term ?? "", { number: i + 1, term: t.term, definition: t.definition }))
        .join("\n\n");
    } else section.text = fill(wording.text ?? "", values);
    return section;
  }

  /** The key projects with their published amounts. */
  keyProjects(): KeyProject[] {
    return keyProjectsOf(this.context).map((p) => ({
      name: p.name,
      amount: this.keyProjectAmount(p.name),
      goal: p.goal,
    }));
  }
}

/** The projects the ledger marks as key, or else the five largest. */
export function keyProjectsOf(context: DeriveContext): Project[] {
  const marked = context.ledger.projects.filter((p) => p.key);
  if (marked.length > 0) return marked;
  const amounts = new Map<string, number>();
  for (const leaf of context.leaves)
    if (leaf.project) amounts.set(leaf.project, (amounts.get(leaf.project) ?? 0) + leaf.exact);
  return [...context.ledger.projects].sort((a, b) => (amounts.get(b.id) ?? 0) - (amounts.get(a.id) ?? 0)).slice(0, 5);
}
