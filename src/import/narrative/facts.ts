/**
 * The figures a Part 3 section states, each with its subject: "X万元，比上年增加/减少 Y万元，增长/下降 Z%，主要原因是…"
 * gives a Fact with the amount, the change and its percentage, and the reason; `text` is the phrase as printed, from
 * the start of its clause to its last figure. A change stated apart from the amount ("…总计2995.39万元。与2023年度
 * 相比，收入支出总计减少56.95万元，下降1.87%") is added to the subject's fact. Amounts are integers in the document's
 * decimals of 万元 (4.8万元 → 480 with 2 decimals).
 */
import type { Fact } from "../../model/document.ts";
import { parsePercent, parseScaled } from "../../money/amount.ts";
import { comparable } from "../text.ts";
import { quantityUnits, subjectWords } from "./subjects.ts";
import { ORDINAL } from "./text.ts";

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const DIRECTION = "增加|减少|增长|下降|上升|降低|提高|无变化|持平|不变|减";
/** What may stand between a subject's word and its figure: 安排, 预算数为, 金额(以合同签订为准)为, 年初预算为…决算为. */
const GAP = new RegExp(
  String.raw`(?:支出|财政拨款|预算|决算|安排|金额|总额|合计|总计|数|为|是|共|计|达|约|:|\([^()\n]{1,12}\)|年初预算数?为${NUM}万元[,，](?:支出)?决算数?为)*`,
  "y",
);
const MONEY = new RegExp(String.raw`(${NUM})(万元|亿元|元)`, "y");
const PAREN = /\([^()\n]*\)/y;
const COMPARED = String.raw`(?:比|较|与|同比)(?:上年度?|去年|上一年度?|\d{4}年度?)?(?:年初)?(?:预算|决算)?(?:执行)?数?(?:相比)?[,，]?`;
const CHANGE = new RegExp(String.raw`([,，;；。]?)(${COMPARED})?(${DIRECTION})了?(?:(${NUM})(万元|亿元|元|%))?`, "y");
const PERCENT = new RegExp(String.raw`[,，]?(增长|下降|上升|降低|增加|减少|提高)了?(${NUM})%`, "y");
const REASON = /[,，;；。]?(?:其)?主要原因(?:是|为)?[:：]?/y;
const SEPARATOR = /[,，;；。:：(\n]/;
const FLAT = new Set(["持平", "不变", "无变化"]);

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

/** An amount in 万元 as an integer of the document's decimals; undefined if it cannot be one exactly. */
function money(number: string, unit: string, decimals: number): number | undefined {
  try {
    if (unit === "万元") return parseScaled(number, decimals);
    if (unit === "亿元") return parseScaled(number, decimals) * 10000;
    const yuan = parseScaled(number, decimals + 4);
    return yuan % 10000 === 0 ? yuan / 10000 : undefined;
  } catch {
    return undefined;
  }
}

interface Mention {
  start: number;
  end: number;
  subjects: string[];
  /** Where the figure (or the change, for a change stated apart) begins, after the connecting words. */
  figure: number;
  kind: "amount" | "change";
}

/** Where the clause holding a position starts: after the last separator before it, and after any ordinal. */
function clauseStart(text: string, index: number, floor: number): number {
  let i = index;
  while (i > floor && !SEPARATOR.test(text[i - 1] ?? "")) i--;
  const ordinal = ORDINAL.exec(text.slice(i, index));
  return ordinal ? i + ordinal[0].length : i;
}

function quantityAt(text: string, index: number, units: string[]): { number: string; unit: string } | undefined {
  const m = at(new RegExp(`(${NUM})(${units.map((u) => u.replace(/[()]/g, "\\$&")).join("|")})`, "y"), text, index);
  return m ? { number: m[1] ?? "", unit: m[2] ?? "" } : undefined;
}

/** The word occurrences that state a figure or a change, the longest winning where they overlap. */
function mentions(text: string, allowed: Set<string>): Mention[] {
  const found: Mention[] = [];
  for (const word of subjectWords()) {
    const subjects = word.subjects.filter((s) => allowed.has(s));
    if (subjects.length === 0) continue;
    for (const m of text.matchAll(word.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const figure = end + (at(GAP, text, end)?.[0].length ?? 0);
      const units = quantityUnits(subjects[0] ?? "");
      const stated = units ? quantityAt(text, figure, units) : at(MONEY, text, figure);
      if (stated) {
        found.push({ start, end, subjects, figure, kind: "amount" });
        continue;
      }
      // A change stated apart: …总计减少56.95万元; …决算数与2023年度持平 (a bare direction only when flat or compared).
      const change = at(CHANGE, text, figure);
      if (change && !change[1] && (change[4] || change[2] || FLAT.has(change[3] ?? ""))) {
        found.push({ start, end, subjects, figure, kind: "change" });
      }
    }
  }
  const kept: Mention[] = [];
  for (const m of found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

interface Change {
  fields: Pick<Fact, "changeDirection" | "changeAmount" | "percentDirection" | "changePercent">;
  end: number;
}

/** The change on last year stated from `index` on, with its percentage. */
function changeAt(text: string, index: number, decimals: number, apart: boolean): Change | undefined {
  const m = at(CHANGE, text, index);
  if (!m) return undefined;
  const [whole, separator, compared, direction = "", number, unit] = m;
  // After a full stop, or without a figure, a change must say what it compares with (比上年…).
  if (!apart && !compared && (separator === "。" || !number)) return undefined;
  const fields: Change["fields"] = {};
  let end = index + whole.length;
  if (number && unit === "%") {
    fields.percentDirection = direction;
    fields.changePercent = parsePercent(number);
  } else {
    fields.changeDirection = direction;
    const amount = number && unit ? money(number, unit, decimals) : undefined;
    if (amount !== undefined) fields.changeAmount = amount;
    const percent = number ? at(PERCENT, text, end) : null;
    if (percent) {
      fields.percentDirection = percent[1] ?? "";
      fields.changePercent = parsePercent(percent[2] ?? "");
      end += percent[0].length;
    }
  }
  return { fields, end };
}

/** The stated reason from `index` on: to the full stop, the paragraph's end or the next figure's clause. */
function reasonAt(text: string, index: number, clauses: number[]): string | undefined {
  const m = at(REASON, text, index);
  if (!m) return undefined;
  const start = index + m[0].length;
  const next = clauses.find((c) => c > start);
  const stops = [text.indexOf("。", start), text.indexOf("\n", start), next === undefined ? -1 : next - 1];
  const end = Math.min(...stops.filter((i) => i >= start), text.length);
  const reason = text.slice(start, end).replace(/[,，;；。:：\s]+$/, "");
  return reason.trim();
}

function statedFigure(text: string, m: Mention, decimals: number): { fields: Partial<Fact>; end: number } {
  const units = quantityUnits(m.subjects[0] ?? "");
  if (units) {
    const q = quantityAt(text, m.figure, units);
    const end = m.figure + (q ? q.number.length + q.unit.length : 0);
    return { fields: { quantity: q?.number ?? "", unit: text.slice(end - (q?.unit.length ?? 0), end) }, end };
  }
  const a = at(MONEY, text, m.figure);
  const end = m.figure + (a?.[0].length ?? 0);
  const amount = a ? money(a[1] ?? "", a[2] ?? "", decimals) : undefined;
  return { fields: amount === undefined ? {} : { amount }, end };
}

/** The facts a section's text states about the given subjects, in printed order. */
export function readFacts(text: string, subjects: string[], decimals: number): Fact[] {
  const allowed = new Set(subjects);
  const found = mentions(text, allowed);
  const facts: Fact[] = [];
  const spans = new Map<Fact, number>();
  // Where each figure's clause starts: a reason ends before the next one.
  const clauses = found.map((n) => clauseStart(text, n.start, 0)).sort((a, b) => a - b);
  let floor = 0;
  found.forEach((m) => {
    if (m.kind === "change") {
      const change = changeAt(text, m.figure, decimals, true);
      if (!change) return;
      const reason = reasonAt(text, change.end, clauses);
      for (const subject of m.subjects) {
        const fact = facts.findLast((f) => f.subject === subject);
        if (fact && (fact.changeDirection !== undefined || fact.percentDirection !== undefined)) continue;
        const target = fact ?? { subject, text: "" };
        const start = fact ? (spans.get(fact) ?? 0) : clauseStart(text, m.start, floor);
        // One phrase when the change follows in the same paragraph; the change's own clause otherwise.
        const from = text.slice(start, change.end).includes("\n") ? clauseStart(text, m.start, floor) : start;
        Object.assign(target, { text: text.slice(from, change.end) }, change.fields);
        if (reason) target.reason = reason;
        if (!fact) facts.push(target);
      }
      floor = Math.max(floor, change.end);
      return;
    }
    const figure = statedFigure(text, m, decimals);
    let end = figure.end;
    const paren = at(PAREN, text, end);
    const change = changeAt(text, paren ? end + paren[0].length : end, decimals, false);
    if (change) end = change.end;
    const reason = reasonAt(text, end, clauses);
    const start = clauseStart(text, m.start, floor);
    for (const subject of m.subjects) {
      const fact: Fact = { subject, text: text.slice(start, end), ...figure.fields, ...change?.fields };
      if (reason) fact.reason = reason;
      facts.push(fact);
      spans.set(fact, start);
    }
    floor = Math.max(floor, end);
  });
  if (allowed.has("assetsDate")) {
    const date = /截至\d{4}年\d{1,2}月(?:\d{1,2}日)?/.exec(text);
    if (date) facts.unshift({ subject: "assetsDate", text: date[0] });
  }
  return facts.map((f) => ({ ...f, text: f.text.trim() })).filter((f) => comparable(f.text) !== "");
}
