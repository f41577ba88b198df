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
const MONEY = new RegExp(`(${NUM})(万元|亿元|元)`, "y");
const PAREN = /\([^()\n]*\)/y;
const COMPARED = String.raw`(?:比|较|与|同比)(?:上年度?|去年|上一年度?|\d{4}年度?)?(?:年初)?(?:预算|决算)?(?:执行)?数?(?:相比)?[,，]?`;
const CHANGE = new RegExp(`([,，;；。]?)(${COMPARED})?(${DIRECTION})了?(?:(${NUM})(万元|亿元|元|%))?`, "y");
const PERCENT = new RegExp(`[,，]?(增长|下降|上升|降低|增加|减少|提高)了?(${NUM})%`, "y");
// The reason may open the next line, which then reads as a paragraph of its own (…增长16.07%。⏎主要原因：…).
const REASON = /[,，;；。]?\s*(?:其)?主要原因(?:是|为)?[:：]?/y;
const REASON_SENTENCE =
  /(?<=^|[。\n])[^。\n]{0,30}?(?:增加|减少|增长|下降|增减|变动|变化)(?:\((?:增加|减少)\))?的主要原因(?:是|为)?[:：]?([^。\n]+)/g;
const SEPARATOR = /[,，、;；。:：(\n]/;
const FLAT = new Set(["持平", "不变", "无变化"]);

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

/** A percentage in hundredths; undefined when printed with more than two decimals. */
function percent(number: string): number | undefined {
  try {
    return parsePercent(number);
  } catch {
    return undefined;
  }
}

/** An amount in 万元 as an integer of the document's decimals; undefined if it cannot be one exactly. */
function money(number: string, unit: string, decimals: number): number | undefined {
  try {
    if (unit === "万元") return parseScaled(number, decimals);
    if (unit === "亿元") return parseScaled(number, decimals) * 10000;
    const yuan = parseScaled(number, decimals);
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

/**
 * Where the clause holding a position starts: after the last separator before it that is not inside a closed
 * bracket ((部门), (一)), and after any ordinal.
 */
function clauseStart(text: string, index: number, floor: number): number {
  let i = index;
  let depth = 0;
  for (; i > floor; i--) {
    const ch = text[i - 1] ?? "";
    if (ch === ")") depth++;
    else if (ch === "(" && depth > 0) depth--;
    else if (depth === 0 && SEPARATOR.test(ch)) break;
  }
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

/** A percentage and, when printed with fewer than two decimals (7.8%), how many it had. */
function percentFields(printed: string, value: number): Pick<Fact, "changePercent" | "percentDecimals"> {
  const decimals = /\.(\d+)/.exec(printed)?.[1]?.length ?? 0;
  return decimals < 2 ? { changePercent: value, percentDecimals: decimals } : { changePercent: value };
}

interface Change {
  fields: Pick<Fact, "changeDirection" | "changeAmount" | "percentDirection" | "changePercent" | "percentDecimals">;
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
    const value = percent(number);
    if (value !== undefined) Object.assign(fields, percentFields(number, value));
  } else {
    fields.changeDirection = direction;
    const amount = number && unit ? money(number, unit, decimals) : undefined;
    if (amount !== undefined) fields.changeAmount = amount;
    const stated = number ? at(PERCENT, text, end) : null;
    if (stated) {
      fields.percentDirection = stated[1] ?? "";
      const value = percent(stated[2] ?? "");
      if (value !== undefined) Object.assign(fields, percentFields(stated[2] ?? "", value));
      end += stated[0].length;
    }
  }
  return { fields, end };
}

/** Where the stated reason from `index` on is: to the full stop, the paragraph's end or the next figure's clause. */
function reasonSpan(text: string, index: number, clauses: number[]): { start: number; end: number } | undefined {
  const m = at(REASON, text, index);
  if (!m) return undefined;
  const start = index + m[0].length;
  const next = clauses.find((c) => c > start);
  const stops = [text.indexOf("。", start), text.indexOf("\n", start), next === undefined ? -1 : next - 1];
  return { start, end: Math.min(...stops.filter((i) => i >= start), text.length) };
}

function reasonText(text: string, span: { start: number; end: number } | undefined): string | undefined {
  if (!span) return undefined;
  const reason = text
    .slice(span.start, span.end)
    .replace(/[,，;；。:：\s]+$/, "")
    .trim();
  return reason || undefined;
}

interface Stated {
  fields: Partial<Fact>;
  /** The end of the figure and of the change stated with it. */
  end: number;
  /** The bracketed breakdown between the figure and its change, if any. */
  breakdown?: { start: number; end: number };
}

function statedAt(text: string, m: Mention, decimals: number): Stated {
  const units = quantityUnits(m.subjects[0] ?? "");
  let fields: Partial<Fact>;
  let end: number;
  if (units) {
    const q = quantityAt(text, m.figure, units);
    end = m.figure + (q ? q.number.length + q.unit.length : 0);
    fields = { quantity: q?.number ?? "", unit: text.slice(end - (q?.unit.length ?? 0), end) };
  } else {
    const a = at(MONEY, text, m.figure);
    end = m.figure + (a?.[0].length ?? 0);
    const amount = a ? money(a[1] ?? "", a[2] ?? "", decimals) : undefined;
    fields = amount === undefined ? {} : { amount };
  }
  // A bracketed breakdown may stand between the figure and its change: 2.5万元(公务用车购置费0万元…)比上年减少1万元.
  const paren = at(PAREN, text, end);
  const change = changeAt(text, paren ? end + paren[0].length : end, decimals, false);
  if (!change) return { fields, end };
  const breakdown = paren ? { start: end, end: end + paren[0].length } : undefined;
  return { fields: { ...fields, ...change.fields }, end: change.end, ...(breakdown ? { breakdown } : {}) };
}

const clausesOf = (text: string, ms: Mention[]) => ms.map((n) => clauseStart(text, n.start, 0)).sort((a, b) => a - b);

/** The facts a section's text states about the given subjects, in printed order. */
export function readFacts(text: string, subjects: string[], decimals: number): Fact[] {
  const allowed = new Set(subjects);
  const all = mentions(text, allowed);
  const stated = new Map(all.filter((m) => m.kind === "amount").map((m) => [m, statedAt(text, m, decimals)]));
  // A change stated apart counts unless a reason mentions it (主要原因是…公务接待费安排比上年下降).
  const statedClauses = clausesOf(text, [...stated.keys()]);
  const reasons = [...stated.values()].flatMap((s) => reasonSpan(text, s.end, statedClauses) ?? []);
  const found = all.filter((m) => m.kind === "amount" || !reasons.some((r) => m.start >= r.start && m.start < r.end));
  const clauses = clausesOf(text, found);
  const facts: Fact[] = [];
  const spans = new Map<Fact, number>();
  let floor = 0;
  for (const m of found) {
    const figure = stated.get(m);
    if (figure) {
      const start = clauseStart(text, m.start, floor);
      // A part of a bracketed breakdown without its own reason has the reason stated for the whole after it.
      const whole = [...stated.values()].find(
        (w) => w.breakdown && m.start > w.breakdown.start && m.end < w.breakdown.end,
      );
      const reason =
        reasonText(text, reasonSpan(text, figure.end, clauses)) ??
        (whole && (figure.fields.changeAmount ?? 0) !== 0
          ? reasonText(text, reasonSpan(text, whole.end, clauses))
          : undefined);
      for (const subject of m.subjects) {
        const fact: Fact = { subject, text: text.slice(start, figure.end), ...figure.fields };
        if (reason) fact.reason = reason;
        facts.push(fact);
        spans.set(fact, start);
      }
      floor = Math.max(floor, figure.end);
      continue;
    }
    // A change stated apart completes the subject's last fact, if that states no change yet.
    const change = changeAt(text, m.figure, decimals, true);
    if (!change) continue;
    const reason = reasonText(text, reasonSpan(text, change.end, clauses));
    for (const subject of m.subjects) {
      const fact = facts.findLast((f) => f.subject === subject);
      if (!fact || fact.changeDirection !== undefined || fact.percentDirection !== undefined) continue;
      // The phrase runs on to the change when it follows in the same paragraph.
      const start = spans.get(fact) ?? 0;
      if (!text.slice(start, change.end).includes("\n")) fact.text = text.slice(start, change.end);
      Object.assign(fact, change.fields);
      if (reason) fact.reason = reason;
    }
    floor = Math.max(floor, change.end);
  }
  // A sentence of its own may give the reason for the changes stated before it: 财政拨款收入支出增加的主要原因是项目调整.
  for (const m of text.matchAll(REASON_SENTENCE)) {
    const reason = (m[1] ?? "").replace(/[,，;；:：\s]+$/, "").trim();
    for (const fact of facts) {
      const changed = (fact.changeAmount ?? 0) !== 0 || (fact.changePercent ?? 0) !== 0;
      if (reason && changed && !fact.reason && (spans.get(fact) ?? 0) < (m.index ?? 0)) fact.reason = reason;
    }
  }
  if (allowed.has("assetsDate")) {
    const date = /截至\d{4}年\d{1,2}月(?:\d{1,2}日)?/.exec(text);
    if (date) facts.unshift({ subject: "assetsDate", text: date[0] });
  }
  return facts.map((f) => ({ ...f, text: f.text.trim() })).filter((f) => comparable(f.text) !== "");
}
