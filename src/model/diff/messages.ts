/**
 * The diff's words, in Chinese and English: the sentences describing a change and the names of the places changes
 * are in, read from data/messages/diff.yaml once and filled with the change's values.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../../paths.ts";
import { fill } from "../../rules/messages.ts";

export type Bilingual = { zh: string; en: string };
interface Messages {
  sentences: Record<string, Bilingual>;
  places: Record<string, Bilingual>;
}
let messages: Messages | undefined;
const load = () => {
  messages ??= parse(readFileSync(dataPath("messages", "diff.yaml"), "utf8")) as Messages;
  return messages;
};

/** A place's name (`places` in diff.yaml); an unknown id names itself. */
export const word = (id: string, data: Record<string, string | number> = {}): Bilingual => {
  const w = load().places[id] ?? { zh: id, en: id };
  return { zh: fill(w.zh, data), en: fill(w.en, data) };
};
/** Text from the document itself, the same in both languages. */
export const literal = (text: string): Bilingual => ({ zh: text, en: text });
/** A place and the item's own name: 任务“…” / task "…". */
export const named = (id: string, name: string): Bilingual => {
  const w = word(id);
  return { zh: `${w.zh}“${name}”`, en: `${w.en} "${name}"` };
};

/** A sentence (`sentences` in diff.yaml) with its placeholders filled, each in its own language. */
export function say(id: string, data: Record<string, string | Bilingual>): Bilingual {
  const s = load().sentences[id];
  if (!s) throw new Error(`no sentence ${id} in data/messages/diff.yaml`);
  const pick = (lang: "zh" | "en") =>
    Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : v[lang]]));
  return { zh: fill(s.zh, pick("zh")), en: fill(s.en, pick("en")) };
}
