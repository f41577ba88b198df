/**
 * Part 3 on the budget page. Someone who may edit it gets a form: each section's text as a textarea beside that
 * section's findings, and the reason of each stated change (较上年增加…的原因). Others read it with the findings
 * marked, as in the budget book. Only the fields that differ from the version the form was based on are sent on,
 * so a form saved after a conflict re-applies the user's own changes and nothing else.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import type { BudgetDocument, Fact } from "../../model/document.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { type Findings, findingList, narrativeMarks } from "../../render/html/findings.ts";
import { renderPart3 } from "../../render/html/narrative.ts";
import { sectionAnchor } from "../../render/html/outline.ts";
import { t as htmlWord } from "../../render/html/words.ts";
import { partTitles } from "../../render/outline.ts";
import { t, tHtml } from "../i18n.ts";
import type { NarrativeEdits } from "../operations.ts";
import { csrfField, type Viewer } from "./respond.ts";

export const textField = (sectionId: string) => `text:${sectionId}`;
export const reasonField = (sectionId: string, fact: number) => `reason:${sectionId}:${fact}`;

/** A fact that states a change from last year, or already gives a reason, has a reason to edit. */
const hasReason = (fact: Fact) => fact.changeDirection !== undefined || fact.reason !== undefined;

/** Browsers send textarea lines with CRLF; the document keeps LF. */
const normalise = (text: string) => text.replaceAll("\r\n", "\n");

/** The edits a submitted form makes to `base`, and the changed fields by name (to give back if it is refused). */
export function editsFromFields(base: BudgetDocument, fields: Record<string, string>) {
  const edits: Required<NarrativeEdits> = { sections: [], reasons: [] };
  const changed: Record<string, string> = {};
  for (const section of base.part3) {
    const text = fields[textField(section.id)];
    if (text !== undefined && normalise(text) !== section.text) {
      edits.sections.push({ id: section.id, text });
      changed[textField(section.id)] = text;
    }
    section.facts.forEach((fact, i) => {
      const reason = fields[reasonField(section.id, i)];
      if (reason !== undefined && hasReason(fact) && normalise(reason) !== (fact.reason ?? "")) {
        edits.reasons.push({ section: section.id, fact: i, reason });
        changed[reasonField(section.id, i)] = reason;
      }
    });
  }
  return { edits, changed };
}

const rowsFor = (text: string) => Math.min(24, Math.max(3, Math.ceil(text.length / 50) + text.split("\n").length));

/** A textarea (`label` is HTML); a value kept from a refused save is flagged, with the newest version's text. */
function area(
  lang: Lang,
  name: string,
  label: string,
  current: string,
  drafts: Record<string, string>,
  rows?: number,
): string {
  const draft = drafts[name];
  const value = draft ?? current;
  const latest = `<details><summary>${escapeHtml(t(lang, "narrative.latest"))}</summary><pre class="current-text">${escapeHtml(current)}</pre></details>`;
  const kept =
    draft === undefined
      ? ""
      : `<p class="draft-note">${escapeHtml(t(lang, "narrative.draft"))}</p>${normalise(draft) === current ? "" : latest}`;
  return `<label>${label}<textarea name="${escapeHtml(name)}" rows="${rows ?? rowsFor(value)}" maxlength="20000">\n${escapeHtml(value)}</textarea></label>${kept}`;
}

function reasonInputs(lang: Lang, sectionId: string, facts: Fact[], drafts: Record<string, string>): string {
  const inputs = facts.flatMap((fact, i) =>
    hasReason(fact)
      ? [
          area(
            lang,
            reasonField(sectionId, i),
            tHtml(lang, "narrative.reason", {
              fact: rawHtml(`<span class="fact-text">${escapeHtml(fact.text)}</span>`),
            }),
            fact.reason ?? "",
            drafts,
            2,
          ),
        ]
      : [],
  );
  return inputs.length > 0 ? `<div class="reasons">\n${inputs.join("\n")}\n</div>` : "";
}

/** Typed text that has no field in the form (its section is gone, or the form is closed): shown, never dropped. */
function leftovers(lang: Lang, drafts: Record<string, string>, shown: Set<string>): string {
  const rest = Object.entries(drafts).filter(([name]) => !shown.has(name));
  if (rest.length === 0) return "";
  const items = rest.map(([name, text]) => `<dt>${escapeHtml(name)}</dt><dd><pre>${escapeHtml(text)}</pre></dd>`);
  return `<div class="unsaved"><p>${escapeHtml(t(lang, "narrative.unsaved"))}</p><dl>${items.join("")}</dl></div>`;
}

export interface NarrativeOptions {
  canEdit: boolean;
  baseVersion: number;
  /** Fields from a refused save, by name. */
  drafts?: Record<string, string>;
}

export function narrativeSection(
  viewer: Viewer,
  budgetId: number,
  doc: BudgetDocument,
  findings: Findings,
  { canEdit, baseVersion, drafts = {} }: NarrativeOptions,
): string {
  const { lang } = viewer;
  // The part's title is the document's own, as published; only a document without one gets ours.
  const title = partTitles(doc)[2] ?? t(lang, "budgetPage.part3");
  if (!canEdit) {
    const read = renderPart3(doc, title, narrativeMarks(findings, lang));
    return `${leftovers(lang, drafts, new Set())}\n${read}`;
  }
  const shown = new Set<string>();
  const fieldsets = doc.part3.map((section) => {
    shown.add(textField(section.id));
    for (const [i, fact] of section.facts.entries()) if (hasReason(fact)) shown.add(reasonField(section.id, i));
    const list = findingList(findings.forSection(section.id), { heading: htmlWord(lang, "findings.section"), lang });
    return `<fieldset class="narrative-section" id="${escapeHtml(sectionAnchor(section.id))}">
<legend>${escapeHtml(section.title)}</legend>
${list}
${area(lang, textField(section.id), escapeHtml(t(lang, "narrative.text")), section.text, drafts)}
${reasonInputs(lang, section.id, section.facts, drafts)}
</fieldset>`;
  });
  return `<form class="narrative-form" method="post" action="/workbench/budgets/${budgetId}/narrative">
${csrfField(viewer)}<input type="hidden" name="baseVersion" value="${baseVersion}">
<p class="hint">${escapeHtml(t(lang, "narrative.hint", { number: baseVersion + 1 }))}</p>
${leftovers(lang, drafts, shown)}
${fieldsets.join("\n")}
<button class="primary" type="submit">${escapeHtml(t(lang, "narrative.save"))}</button>
</form>`;
}
