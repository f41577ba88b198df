/**
 * What a row is, from what is printed on it: its kind (from the template's rules), its key (what every view and
 * diagnostic points at) and its place in the table's hierarchy.
 */

import type { TableSpec } from "../templates/template.ts";
import type { Row } from "./document.ts";

/** Labels compare without typesetting noise: full-width forms folded (NFKC) and spaces removed ("合 计" = "合计"). */
export function normaliseLabel(label: string): string {
  return label.normalize("NFKC").replace(/\s+/g, "");
}

/** `[30206] 电费` → code 30206, name 电费. */
export function splitEconomic(text: string): { code: string; name: string } | undefined {
  const m = /^\s*[[［]\s*(\d+)\s*[\]］]\s*(.*)$/.exec(text);
  return m?.[1] === undefined ? undefined : { code: m[1], name: (m[2] ?? "").trim() };
}

export function inferKind(spec: TableSpec, label: string, code = ""): { kind: string; level?: number } {
  const normal = normaliseLabel(label);
  for (const rule of spec.kindRules) {
    if (rule.labelPattern && !rule.labelPattern.test(normal)) continue;
    if (rule.codePattern && !rule.codePattern.test(code)) continue;
    return { kind: rule.kind, level: rule.level };
  }
  return { kind: "row" };
}

export function levelOf(spec: TableSpec, kind: string): number | undefined {
  return spec.kindRules.find((r) => r.kind === kind)?.level;
}

/**
 * Each row's parent: the nearest row above with a smaller level, within the same side. Rows whose kind has no
 * level (memo lines such as 其中) stand outside the hierarchy.
 */
export function parentIndexes(spec: TableSpec, rows: readonly Pick<Row, "kind" | "side">[]): (number | undefined)[] {
  const stack: { index: number; level: number; side?: string }[] = [];
  return rows.map((row, index) => {
    const level = levelOf(spec, row.kind);
    if (level === undefined) return undefined;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top && top.level < level && top.side === row.side) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1]?.index;
    stack.push({ index, level, side: row.side });
    return parent;
  });
}

/**
 * Keys: a row's code (or codes) when it is the first row with that code; otherwise its parent's key and its own
 * label, so that 550001/经济和社会发展类/政务中心运营经费 reads like the table. `#2` … only for identical rows.
 */
export function assignKeys(spec: TableSpec, rows: Omit<Row, "key">[], codeKeys: (string | undefined)[]): Row[] {
  const parents = parentIndexes(spec, rows);
  const identity = spec.columns.filter((c) => c.identity).map((c) => c.key);
  const keys: string[] = [];
  const used = new Map<string, number>();
  return rows.map((row, i) => {
    const code = codeKeys[i];
    const parent = parents[i];
    const own = [row.label, ...identity.map((c) => row.cells[c])]
      .filter((t): t is string => typeof t === "string" && t !== "")
      .map(normaliseLabel)
      .join("/");
    let key: string;
    if (code && !used.has(code)) key = code;
    else if (spec.shape === "balance") key = `${row.side}/${own}`;
    else key = parent === undefined ? own || (code ?? "") : `${keys[parent]}/${own || code}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    keys.push(key);
    return { key, ...row };
  });
}
