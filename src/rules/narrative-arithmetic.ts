/**
 * The narrative's own figures must agree with each other: the parts it lists add up to the totals it states
 * (template `narrative.identities`), their changes add up too, and every 较上年增减 X 万元、增长/下降 Y% is internally
 * consistent — Y is X over last year's amount, which is the stated amount minus X — within rounding.
 */

import type { Fact } from "../model/document.ts";
import { add, type Interval, intersects, published, ZERO } from "../money/interval.ts";
import { subjectName } from "./messages.ts";
import { amountText } from "./relations/describe.ts";
import type { Rule, RuleContext } from "./rule.ts";

const SIGN: Record<string, number> = { 增加: 1, 增长: 1, 上升: 1, 减少: -1, 下降: -1, 降低: -1, 持平: 0 };

export function signedChange(fact: Fact): number | undefined {
  if (fact.changeAmount === undefined) return undefined;
  const sign = SIGN[fact.changeDirection ?? ""] ?? 1;
  return sign * fact.changeAmount;
}

interface Located {
  fact: Fact;
  section: string;
}

function factsBySubject(context: RuleContext): Map<string, Located> {
  const map = new Map<string, Located>();
  for (const section of context.doc.part3) {
    for (const fact of section.facts) if (!map.has(fact.subject)) map.set(fact.subject, { fact, section: section.id });
  }
  return map;
}

function checkIdentity(context: RuleContext, identity: string, facts: Map<string, Located>): void {
  const [left = "", right = ""] = identity.split("=").map((s) => s.trim());
  const parts = right.split("+").map((s) => s.trim());
  const total = facts.get(left);
  const found = parts.map((p) => facts.get(p));
  if (!total || found.some((f) => f === undefined)) return;
  const located = found as Located[];
  const d = context.doc.decimals;
  const names = (lang: "zh" | "en") => parts.map((p) => subjectName(p)[lang]).join(lang === "zh" ? "、" : ", ");
  const base = { left: subjectName(left).zh, leftEn: subjectName(left).en, parts: names("zh"), partsEn: names("en") };
  const amounts = located.map((l) => l.fact.amount);
  if (total.fact.amount !== undefined && amounts.every((a) => a !== undefined)) {
    const sum = (amounts as number[]).reduce((a, b) => a + b, 0);
    const interval = (amounts as number[]).reduce<Interval>((i, a) => add(i, published(a)), ZERO);
    if (sum !== total.fact.amount) {
      const rounding = intersects(published(total.fact.amount), interval);
      context.report({
        messageId: "identity",
        severity: rounding ? "warning" : "error",
        kind: rounding ? "rounding" : "narrative",
        data: { ...base, actual: amountText(total.fact.amount, d), expected: amountText(sum, d) },
        location: { section: total.section, text: total.fact.text },
        expected: amountText(sum, d),
        actual: amountText(total.fact.amount, d),
      });
    }
  }
  const changes = located.map((l) => signedChange(l.fact));
  const totalChange = signedChange(total.fact);
  if (totalChange !== undefined && changes.every((c) => c !== undefined)) {
    const sum = (changes as number[]).reduce((a, b) => a + b, 0);
    if (sum !== totalChange) {
      context.report({
        messageId: "identityChange",
        data: { ...base, actual: amountText(totalChange, d), expected: amountText(sum, d) },
        location: { section: total.section, text: total.fact.text },
        expected: amountText(sum, d),
        actual: amountText(totalChange, d),
      });
    }
  }
}

/**
 * Whether the stated percentage can come from the stated figures: with the amount A and the change C each known
 * to ±½ unit, last year's P = A − C lies within ±1 unit, and C / P must meet the stated Y% within its printed
 * precision (± 0.005% for 35.29%, ± 0.05% for 7.8%). All in integers: amounts in half-units, percentages in 1/20000.
 */
export function percentConsistent(amount: number, change: number, percent: number, percentDecimals = 2): boolean {
  const previous = amount - change;
  const [cLo, cHi] = [2 * Math.abs(change) - 1, 2 * Math.abs(change) + 1];
  const [pLo, pHi] = [2 * previous - 2, 2 * previous + 2];
  // A percentage printed with d decimals stands for ±½·10⁻ᵈ %: in half-hundredths, ±10^(2−d).
  const half = 10 ** (2 - percentDecimals);
  const [yLo, yHi] = [2 * Math.abs(percent) - half, 2 * Math.abs(percent) + half];
  if (pHi <= 0) return false;
  // cLo / pHi <= yHi / 20000 and yLo / 20000 <= cHi / max(pLo, tiny)
  const lowOk = cLo * 20000 <= yHi * pHi;
  const highOk = pLo <= 0 || yLo * pLo <= cHi * 20000;
  return lowOk && highOk;
}

/** a / b rounded half up, for positive integers. */
const roundedRatio = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

function checkPercent(context: RuleContext, fact: Fact, section: string): void {
  const change = signedChange(fact);
  if (fact.amount === undefined || change === undefined || fact.changePercent === undefined) return;
  if (percentConsistent(fact.amount, change, fact.changePercent, fact.percentDecimals)) return;
  const d = context.doc.decimals;
  const previous = fact.amount - change;
  const data = {
    text: fact.text,
    amount: amountText(fact.amount, d),
    change: amountText(change, d),
    previous: amountText(previous, d),
    actual: amountText(fact.changePercent, 2),
    expected: previous > 0 ? amountText(roundedRatio(Math.abs(change) * 10000, previous), 2) : "",
  };
  context.report({
    messageId: previous > 0 ? "percent" : "percentWithoutBase",
    data,
    location: { section, text: fact.text },
    expected: data.expected || undefined,
    actual: data.actual,
  });
}

export const narrativeArithmetic: Rule = {
  meta: {
    id: "narrative-arithmetic",
    title: "说明中的数字自洽",
    severity: "error",
    kind: "narrative",
    description:
      "The parts the text lists add up to the totals it states (and their year-over-year changes too), and each stated change percentage follows from the stated amount and change, within rounding.",
  },
  check(context) {
    const facts = factsBySubject(context);
    for (const identity of context.template.narrative.identities ?? []) checkIdentity(context, identity, facts);
    for (const section of context.doc.part3) for (const fact of section.facts) checkPercent(context, fact, section.id);
  },
};
