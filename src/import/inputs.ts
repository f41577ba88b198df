/**
 * Several inputs opened at once, as the commands take them. A publication printed as two PDF files — its
 * explanations and its tables (Jiangsu 2019) — is one document: given together, the two parts are joined (see
 * pdf/parts.ts) unless the caller asks for each file on its own.
 */
import { basename, dirname, extname, join } from "node:path";
import { InputError } from "../model/load.ts";
import { displayName, type Opened, openedPdf, openInput } from "./open.ts";
import { asParts, mergeParts, type Part } from "./pdf/parts.ts";

export interface Outcome {
  /** What the summary calls it: the file, or both files of a joined publication. */
  name: string;
  opened?: Opened;
  /** Why the input could not be used. */
  failure?: string;
}

/** The name both files share (江苏省委办公厅2019年度部门预算公开文件/表格 → …公开; js_2019_text/tables → js_2019). */
function sharedPath(a: string, b: string): string {
  const [x, y] = [basename(a, extname(a)), basename(b, extname(b))];
  let common = "";
  while (common.length < x.length && x[common.length] === y[common.length]) common += x[common.length];
  // A Latin name that parts in the middle of a word is cut back to its last separator (js_2019_t of text/tables).
  const midWord = (name: string) => common.length < name.length && /[A-Za-z0-9]/.test(name[common.length] ?? "");
  const cut = /[_\-.\s]/.test(common) && (midWord(x) || midWord(y)) ? common.replace(/[^_\-.\s]*$/, "") : common;
  const stem = cut.replace(/[_\-.\s]+$/, "") || x;
  return join(dirname(a), `${stem}.pdf`);
}

type OpenedPart = Part & { opened: Opened };

function joined(text: OpenedPart, tables: OpenedPart): Outcome {
  const imported = mergeParts(text, tables);
  const opened = openedPdf(sharedPath(text.file, tables.file), imported, tables.opened.original ?? new Uint8Array());
  return { name: `${displayName(text.file)} + ${displayName(tables.file)}`, opened };
}

/** Each part of a two-file publication joined with the first other input that is its other part. */
function joinParts(outcomes: Outcome[]): Outcome[] {
  const parts = outcomes.map((o): OpenedPart | undefined =>
    o.opened?.pdf ? { file: o.opened.path, imported: o.opened.pdf, opened: o.opened } : undefined,
  );
  const used = new Set<number>();
  const out: Outcome[] = [];
  outcomes.forEach((outcome, i) => {
    if (used.has(i)) return;
    const part = parts[i];
    let pair: [OpenedPart, OpenedPart] | undefined;
    const j = parts.findIndex((other, k) => {
      if (k === i || used.has(k) || !part || !other) return false;
      pair = asParts(part, other);
      return pair !== undefined;
    });
    if (!pair) {
      out.push(outcome);
      return;
    }
    used.add(i).add(j);
    out.push(joined(...pair));
  });
  return out;
}

export async function openInputs(
  paths: string[],
  template: string,
  options: { separate?: boolean; step?: (done: number, name: string) => void } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [i, path] of paths.entries()) {
    options.step?.(i, displayName(path));
    try {
      outcomes.push({ name: displayName(path), opened: await openInput(path, template) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      outcomes.push({ name: displayName(path), failure: error.message });
    }
  }
  return options.separate ? outcomes : joinParts(outcomes);
}
