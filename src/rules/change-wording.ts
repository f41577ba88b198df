/**
 * How a change on last year is worded. The stated direction agrees with the figures: a zero change is 持平, not
 * "增加 0 万元"; an increase does not 下降 by some percent. And a change is explained where one must be: every
 * non-zero change of the "三公" expenses, and any change beyond a threshold (data/rules/wording.yaml).
 */
import type { Fact } from "../model/document.ts";
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

interface Wording {
  reasonThresholdPercent: string;
  reasonRequired: string[];
  increase: string[];
  decrease: string[];
  flat: string[];
}

let words: Wording | undefined;

function wording(): Wording {
  words ??= ruleData<Record<string, Wording>>("wording")["change-wording"] as Wording;
  return words;
}

/** The sign a direction word states: 1 增加/增长, -1 减少/下降, 0 持平; undefined when none is stated. */
function signOf(word: string | undefined): number | undefined {
  if (word === undefined || word.trim() === "") return undefined;
  const w = wording();
  if (w.flat.includes(word)) return 0;
  if (w.increase.includes(word)) return 1;
  if (w.decrease.includes(word)) return -1;
  return undefined;
}

const hasChange = (f: Fact) =>
  f.changeDirection !== undefined ||
  f.changeAmount !== undefined ||
  f.percentDirection !== undefined ||
  f.changePercent !== undefined;

/** Whether the change exceeds the threshold, from the stated percentage or else from the amounts. */
function beyondThreshold(f: Fact, sign: number): boolean {
  const threshold = Number(wording().reasonThresholdPercent);
  if (f.changePercent !== undefined) return Math.abs(f.changePercent) > threshold * 100;
  if (f.amount === undefined || f.changeAmount === undefined) return false;
  const previous = f.amount - sign * f.changeAmount;
  return previous <= 0 ? f.changeAmount !== 0 : Math.abs(f.changeAmount) * 100 > threshold * previous;
}

export const changeWording: Rule = {
  meta: {
    id: "change-wording",
    title: "增减表述与数字一致并说明原因",
    severity: "warning",
    kind: "wording",
    description:
      "A stated change's direction agrees with its figures (持平 for zero, no 增加 with 下降), and a change of the 三公 expenses or beyond the threshold states its reason.",
  },
  check({ doc, report }) {
    for (const section of doc.part3) {
      for (const fact of section.facts.filter(hasChange)) {
        const location = { section: section.id, text: fact.text };
        const amountSign = signOf(fact.changeDirection);
        const percentSign = signOf(fact.percentDirection);
        const nonZero = (fact.changeAmount ?? 0) !== 0 || (fact.changePercent ?? 0) !== 0;
        const zero = !nonZero && (fact.changeAmount !== undefined || fact.changePercent !== undefined);
        const stated = { direction: fact.changeDirection ?? "", percentDirection: fact.percentDirection ?? "" };
        const data = { subject: fact.subject, text: fact.text, ...stated };
        if (zero && (amountSign || percentSign)) {
          const word = amountSign ? stated.direction : stated.percentDirection;
          report({ messageId: "zeroNotFlat", data: { ...data, word }, location, expected: "持平", actual: word });
        } else if (nonZero && amountSign === 0) {
          report({ messageId: "flatNotZero", data, location, actual: stated.direction });
        } else if (amountSign && percentSign && amountSign !== percentSign) {
          report({ messageId: "directionsDisagree", data, location });
        }

        const sign = amountSign ?? percentSign ?? 1;
        const required = wording().reasonRequired.includes(fact.subject) || beyondThreshold(fact, sign);
        if (nonZero && required && (fact.reason ?? "").trim() === "") {
          const threshold = wording().reasonThresholdPercent;
          report({ messageId: "missingReason", kind: "compliance", data: { ...data, threshold }, location });
        }
      }
    }
  },
};
