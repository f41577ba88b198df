/**
 * A preparer's edits to the narrative: Part 3 section texts, and the reasons given for stated changes. A reason is
 * part of the published text, so changing it changes the sentence that states it — the model's fact and the text a
 * reader sees cannot disagree.
 */
import type { BudgetDocument, Fact, Section } from "../model/document.ts";
import { HttpError } from "./http-error.ts";

export const MAX_TEXT = 20_000;

export interface NarrativeEdits {
  /** New text of Part 3 sections, by section id. */
  sections?: { id: string; text: string }[];
  /** New reasons for stated changes: the fact's index within its section. */
  reasons?: { section: string; fact: number; reason: string }[];
}

function bounded(text: string): string {
  if (text.length > MAX_TEXT) throw new HttpError(422, "error.textTooLong", { max: MAX_TEXT });
  return text.replaceAll("\r\n", "\n");
}

/**
 * The section's text with the fact's reason replaced: where the old reason is printed after the fact's sentence, in
 * its place; where none was printed, right after the sentence; where the sentence cannot be found, as a sentence
 * of its own at the end.
 */
export function restateReason(section: Section, fact: Fact, reason: string): string {
  const text = section.text;
  const at = text.indexOf(fact.text);
  const after = at < 0 ? -1 : at + fact.text.length;
  const old = fact.reason ? text.indexOf(fact.reason, Math.max(after, 0)) : -1;
  if (old >= 0 && fact.reason) return `${text.slice(0, old)}${reason}${text.slice(old + fact.reason.length)}`;
  if (after >= 0) return `${text.slice(0, after)}，主要原因是${reason}${text.slice(after)}`;
  return `${text.trimEnd()}\n${fact.subject}变动的主要原因：${reason}。`;
}

export function applyEdits(doc: BudgetDocument, edits: NarrativeEdits): BudgetDocument {
  const next = structuredClone(doc);
  const section = (id: string) => {
    const found = next.part3.find((s) => s.id === id);
    if (!found) throw new HttpError(422, "error.noSection", { id });
    return found;
  };
  for (const edit of edits.sections ?? []) section(edit.id).text = bounded(edit.text);
  for (const edit of edits.reasons ?? []) {
    const target = section(edit.section);
    const fact = target.facts[edit.fact];
    if (!fact) throw new HttpError(422, "error.noFact", { section: edit.section, fact: edit.fact });
    const reason = bounded(edit.reason.trim());
    if (reason === (fact.reason ?? "")) continue;
    target.text = restateReason(target, fact, reason);
    fact.reason = reason;
  }
  return next;
}
