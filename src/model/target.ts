/**
 * Performance targets as written ("98%以上", "不低于 95%", ">=10", "3万以上", "不多于 200 条") parsed into a
 * comparison, a value and a unit, keeping the original text. The words are data (data/rules/targets.yaml).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

export type Comparison = "=" | ">=" | "<=" | ">" | "<";

export interface Target {
  op: Comparison;
  /** The figure as written, e.g. "98" or "2.5". */
  value: string;
  unit: string;
  text: string;
}

interface Words {
  comparisons: { op: Comparison; before?: string[]; after?: string[] }[];
  units: string[];
}

let words: Words | undefined;

function loadWords(): Words {
  words ??= parse(readFileSync(dataPath("rules/targets.yaml"), "utf8")) as Words;
  return words;
}

const FIGURE = /(\d+(?:\.\d+)?)/;

/** The first figure of a target with its unit and comparison; undefined when the target states no figure. */
export function parseTarget(text: string): Target | undefined {
  const w = loadWords();
  // A formula such as (联网单位/全部单位)*100% defines the rate; its 100 is not the target.
  const normal = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*×x]100%/g, "");
  const m = FIGURE.exec(normal);
  if (!m?.[1]) return undefined;
  const value = m[1];
  const before = normal.slice(Math.max(0, m.index - 6), m.index);
  const rest = normal.slice(m.index + value.length);
  const unit = w.units.map((u) => u.normalize("NFKC")).find((u) => rest.startsWith(u)) ?? "";
  const after = rest.slice(unit.length, unit.length + 4);
  const found = w.comparisons.find(
    (c) =>
      (c.before ?? []).some((word) => before.endsWith(word.normalize("NFKC"))) ||
      (c.after ?? []).some((word) => after.startsWith(word)),
  );
  return { op: found?.op ?? "=", value, unit, text };
}
