/**
 * Headings → parts. A heading opens one of the template's Part 3 sections when it prints the section's title, give or
 * take its ordinal (一、 （一） 1.), a year (2025年“三公”经费预算情况说明), the unit-level wording (单位预算 for
 * 部门预算) and small variants (其他重要事项的情况说明 for 其他重要事项说明). Part 1 and Part 2 headings are told
 * by their words (主要职责, 机构设置 …). A part heading (第三部分 …) that is no section closes the current one.
 */
import type { Line } from "../pdf/lines.ts";
import { comparable } from "../text.ts";
import { cleanLine, headingLike, PART, proseLike, splitOrdinal } from "./text.ts";

export type FrontKind = "duties" | "structure" | "policies" | "goals";

const FRONT: [FrontKind, RegExp][] = [
  ["duties", /(?:主要职责|主要职能|部门职责|职能职责|工作职责|职责职能)$/],
  // 部门机构设置及预算单位构成情况 (Jiangsu) ends in 情况.
  ["structure", /(?:机构设置|预算构成|决算构成|单位构成)(?:情况)?$/],
  ["policies", /(?:确定工作目标所依据的政策|工作目标依据的政策|政策依据)$/],
  ["goals", /(?:整体支出绩效目标|部门整体绩效目标|任务[和及]目标)$/],
];

const norm = (text: string) =>
  comparable(text)
    .replace(/["'“”‘’「」]/g, "")
    .replace(/单位(预算|决算)/g, "部门$1");

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * How well a heading prints a title: 3 the same, 2 containing it (or, without an ordinal, ending with it, as in
 * 人民调解项目经费情况说明), 1 a close variant; 0 not at all.
 */
export function titleScore(text: string, title: string): number {
  if (!headingLike(text)) return 0;
  const { ordinal, rest: afterOrdinal } = splitOrdinal(norm(text));
  const rest = afterOrdinal.replace(/^\d{4}年度?/, "");
  const t = norm(title);
  if (rest === t) return 3;
  if (!ordinal) return t.length >= 4 && rest.endsWith(t) ? 2 : 0;
  if (rest.includes(t)) return 2;
  const [short, long] = rest.length <= t.length ? [rest, t] : [t, rest];
  return short.length >= 4 && short.length >= 0.7 * long.length && isSubsequence(short, long) ? 1 : 0;
}

/** The Part 1 / Part 2 heading a line prints, if any. */
export function frontKind(text: string): FrontKind | undefined {
  if (!headingLike(text)) return undefined;
  const rest = splitOrdinal(norm(text)).rest;
  return FRONT.find(([, re]) => re.test(rest))?.[0];
}

export interface Block {
  heading: string;
  lines: Line[];
}

export interface Body {
  front: { kind: FrontKind; block: Block }[];
  sections: { id: string; block: Block }[];
}

type Spec = { id: string; title: string };

/** The best still unopened section a heading opens. */
function sectionOf(text: string, specs: Spec[], opened: Set<string>): Spec | undefined {
  let best: Spec | undefined;
  let bestScore = 0;
  for (const spec of specs) {
    if (opened.has(spec.id)) continue;
    const score = titleScore(text, spec.title);
    if (score > bestScore) [best, bestScore] = [spec, score];
  }
  return best;
}

/** The body's lines by part: each heading opens a block that runs to the next heading. */
export function splitBody(lines: Line[], specs: Spec[]): Body {
  const body: Body = { front: [], sections: [] };
  const opened = new Set<string>();
  let current: Block | undefined;
  for (const line of lines) {
    const text = line.text;
    const section = sectionOf(text, specs, opened);
    const front = section ? undefined : frontKind(text);
    if (section) {
      opened.add(section.id);
      current = { heading: cleanLine(text), lines: [] };
      body.sections.push({ id: section.id, block: current });
    } else if (front) {
      current = { heading: cleanLine(text), lines: [] };
      body.front.push({ kind: front, block: current });
    } else if (PART.test(comparable(text))) current = undefined;
    else current?.lines.push(line);
  }
  return body;
}

/**
 * Lines a table region swallowed that are narrative: a layout without part headings (Shanghai) prints its later
 * sections after the last table, and the table's region runs to the end of the document. They start at the first
 * line that prints a section title and is followed by running text or another such heading (a table's column
 * header can print a title too: 机关运行经费预算).
 */
export function narrativeTail(lines: Line[], specs: Spec[]): Line[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!specs.some((s) => titleScore(line.text, s.title) > 0)) continue;
    const next = lines[i + 1]?.text ?? "";
    if (proseLike(next) || specs.some((s) => titleScore(next, s.title) > 0)) return lines.slice(i);
  }
  return [];
}
