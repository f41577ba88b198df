/**
 * Text as a PDF gives it, made comparable: full-width forms and Kangxi radicals folded by NFKC, CJK radical forms
 * from data/import/radicals.yaml (⻔ → 门) mapped to their characters.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

let radicals: Map<string, string> | undefined;

function radicalMap(): Map<string, string> {
  radicals ??= new Map(
    Object.entries(
      parse(readFileSync(dataPath("import/radicals.yaml"), "utf8"), {
        uniqueKeys: false,
      }) as Record<string, string>,
    ),
  );
  return radicals;
}

/** The text a reader sees: radical forms mapped, NFKC folded (but kept as printed otherwise). */
export function readable(text: string): string {
  const map = radicalMap();
  let out = "";
  for (const ch of text) out += map.get(ch) ?? ch;
  return out.normalize("NFKC");
}

/** For comparing titles and labels: readable, without spaces, with quotes folded. */
export function comparable(text: string): string {
  return readable(text)
    .replace(/\s+/g, "")
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‘’']/g, "'");
}
