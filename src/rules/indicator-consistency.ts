/**
 * The same performance indicator must have the same target wherever the document states it: Part 2's department
 * goal, its tasks, and the projects' indicators in the project table. Indicators are matched by name (names are
 * written with small variations, so by bigram similarity) and compared on their parsed figures.
 */
import { type StatedIndicator, statedIndicators } from "../model/indicators.ts";
import { parseTarget, type Target } from "../model/target.ts";
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

interface Settings {
  /** Names at least this similar are the same indicator. */
  sameIndicator: number;
  /** At least this similar, a different target is an error; below it, a warning. */
  certain: number;
}

const settings = (): Settings => ruleData<{ similarity: Settings }>("indicators").similarity;

function bigrams(text: string): string[] {
  const s = text.normalize("NFKC").replace(/[\s"“”'‘’()（）《》、,，.。:：;；]/g, "");
  return Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
}

interface Grams {
  counts: Map<string, number>;
  size: number;
}

function grams(text: string): Grams {
  const counts = new Map<string, number>();
  const list = bigrams(text);
  for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { counts, size: list.length };
}

function dice(x: Grams, y: Grams): number {
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const [g, n] of x.counts) common += Math.min(n, y.counts.get(g) ?? 0);
  return (2 * common) / (x.size + y.size);
}

/** Sørensen–Dice similarity of two names over their character bigrams. */
export function similarity(a: string, b: string): number {
  return dice(grams(a), grams(b));
}

/**
 * Targets disagree when their figures differ in the same unit (a bare figure such as T10's "20000" takes the other's
 * unit), or their comparisons point different ways.
 */
function disagree(a: Target, b: Target): boolean {
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  if (a.value !== b.value) return true;
  const up = (t: Target) => (t.op.startsWith(">") ? 1 : t.op.startsWith("<") ? -1 : 0);
  return up(a) * up(b) < 0;
}

export const indicatorConsistency: Rule = {
  meta: {
    id: "indicator-consistency",
    title: "绩效指标前后一致",
    severity: "error",
    kind: "narrative",
    description:
      "An indicator stated in several places (Part 2's department goal and tasks, the project table's indicators) has the same target everywhere: an error when the names are nearly identical, a warning when they are only similar.",
  },
  check({ doc, report }) {
    const { sameIndicator, certain } = settings();
    const stated = statedIndicators(doc).flatMap((i) => {
      const target = parseTarget(i.target);
      return target ? [{ ...i, parsed: target, grams: grams(i.name) }] : [];
    });
    const reported = new Set<string>();
    stated.forEach((a, i) => {
      for (const b of stated.slice(i + 1)) {
        // Cheapest tests first: only differing targets matter, and names of very different lengths cannot match.
        if (a.source === b.source || !disagree(a.parsed, b.parsed)) continue;
        const [small, large] = [Math.min(a.grams.size, b.grams.size), Math.max(a.grams.size, b.grams.size)];
        if ((2 * small) / (small + large) < sameIndicator) continue;
        const score = dice(a.grams, b.grams);
        if (score < sameIndicator) continue;
        // Report at the table cell when there is one: that is what a view can point at most precisely.
        const [here, there] = b.location.table && !a.location.table ? [b, a] : [a, b];
        const key = JSON.stringify([here.location, there.location]);
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          messageId: "differs",
          severity: score >= certain ? "error" : "warning",
          data: describe(here, there),
          location: here.location,
          expected: there.target,
          actual: here.target,
        });
      }
    });
  },
};

function describe(here: StatedIndicator, there: StatedIndicator): Record<string, string> {
  return {
    name: here.name,
    target: here.target,
    source: here.source,
    otherName: there.name,
    otherTarget: there.target,
    otherSource: there.source,
  };
}
