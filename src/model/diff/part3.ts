/**
 * The changes in Part 3's sections, matched by section id: each section's title and text, its facts (by subject),
 * projects and terms. A fact's or project's phrase is usually quoted from the section text, so a change to it is
 * reported once, with the text, rather than twice.
 */
import { formatAmount } from "../../money/amount.ts";
import { subjectName } from "../../rules/messages.ts";
import type { BudgetDocument, Fact, Section } from "../document.ts";
import { alignByKey, excerpt } from "./align.ts";
import { type Collector, type Place, placeText, within } from "./collector.ts";
import { literal, named, say, word } from "./messages.ts";

const FACT_TEXTS = [
  ["text", "text"],
  ["changeDirection", "changeDirection"],
  ["percentDirection", "percentDirection"],
  ["quantity", "quantity"],
  ["unit", "measureUnit"],
  ["reason", "reason"],
] as const;

const squeeze = (text: string) => text.replace(/\s+/g, "");
/** A fact's or project's phrase quoted from its section text changes with that text: it is reported there. */
const quoted = (section: Section | undefined, text: string | undefined) =>
  text !== undefined && section !== undefined && squeeze(section.text).includes(squeeze(text));

function section(c: Collector, place: Place, before: Section, after: Section, doc: BudgetDocument): void {
  const amount = (v: number) => formatAmount(v, { decimals: doc.decimals });
  c.text("text", within(place, "title", word("title")), before.title, after.title);
  c.text("text", within(place, "text", word("text")), before.text, after.text);
  // A phrase quoted from the section text is reported with the text, unless only the quoting changed.
  const ownText = (b: string | undefined, a: string | undefined) =>
    before.text === after.text || !quoted(before, b) || !quoted(after, a);
  c.items(
    "text",
    within(place, "facts"),
    [before.facts, after.facts],
    (f) => f.subject,
    (f) => subjectName(f.subject),
    (f) => f.text,
    (at, b: Fact, a: Fact) => {
      for (const [field, id] of FACT_TEXTS)
        if (ownText(b[field], a[field])) c.text("text", within(at, field, word(id)), b[field], a[field]);
      c.value("value", within(at, "amount", word("amount")), b.amount, a.amount, amount);
      c.value("value", within(at, "changeAmount", word("changeAmount")), b.changeAmount, a.changeAmount, amount);
      const percent = (v: number) => `${formatAmount(v, { decimals: 2, thousands: false })}%`;
      c.value("value", within(at, "changePercent", word("changePercent")), b.changePercent, a.changePercent, percent);
      const decimals = within(at, "percentDecimals", word("percentDecimals"));
      c.value("value", decimals, b.percentDecimals, a.percentDecimals);
    },
  );
  c.items(
    "text",
    within(place, "projects"),
    [before.projects ?? [], after.projects ?? []],
    (p) => p.name,
    (p) => named("project", p.name),
    (p) => p.name,
    (at, b, a) => {
      c.value("value", within(at, "amount", word("amount")), b.amount, a.amount, amount);
      if (ownText(b.goal, a.goal)) c.text("text", within(at, "goal", word("goal")), b.goal, a.goal);
    },
  );
  c.items(
    "text",
    within(place, "terms"),
    [before.terms ?? [], after.terms ?? []],
    (t) => t.term,
    (t) => named("term", t.term),
    (t) => t.term,
    (at, b, a) => {
      if (ownText(b.definition, a.definition))
        c.text("text", within(at, "definition", word("definition")), b.definition, a.definition);
    },
  );
}

export function part3(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  for (const [b, a] of alignByKey(before.part3, after.part3, (s) => s.id)) {
    const s = (a ?? b) as Section;
    const place: Place = { location: { part: "part3", section: s.id }, pieces: [word("part3"), literal(s.title)] };
    if (b && a) section(c, place, b, a, after);
    else {
      const way = b === undefined ? "added" : "removed";
      c.add(way, place, say(way, { place: placeText(place), value: excerpt("", s.text, 0).after }));
    }
  }
}
