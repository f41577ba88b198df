/**
 * Rule messages are data (data/messages/rules/<rule id>.yaml); a rule reports a message id and the values for its
 * placeholders.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

type Bilingual = { zh: string; en: string };

const MESSAGE_DIR = `${dataPath("messages")}/`;

const ruleMessages = new Map<string, Record<string, Bilingual>>();
let catalogs: Record<string, Bilingual> | undefined;

function load<T>(file: string): T {
  return parse(readFileSync(`${MESSAGE_DIR}${file}`, "utf8")) as T;
}

export function fill(text: string, data: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

function messagesOf(rule: string): Record<string, Bilingual> {
  let messages = ruleMessages.get(rule);
  if (!messages) {
    messages = load<Record<string, Bilingual>>(`rules/${rule}.yaml`);
    ruleMessages.set(rule, messages);
  }
  return messages;
}

export function message(rule: string, id: string, data: Record<string, string | number> = {}): Bilingual {
  const m = messagesOf(rule)[id];
  if (!m) throw new Error(`no message ${id} in data/messages/rules/${rule}.yaml`);
  return { zh: fill(m.zh, data), en: fill(m.en, data) };
}

export function catalogName(id: string): Bilingual {
  catalogs ??= load<Record<string, Bilingual>>("catalogs.yaml");
  return catalogs?.[id] ?? { zh: id, en: id };
}

let subjects: Record<string, Bilingual> | undefined;

/** What a narrative fact subject is called (data/messages/subjects.yaml). */
export function subjectName(id: string): Bilingual {
  subjects ??= load<Record<string, Bilingual>>("subjects.yaml");
  return subjects?.[id] ?? { zh: id, en: id };
}

/** The one-line advice a rule gives for a kind of finding (`hint.<kind>` or `hint` in its message file). */
export function hint(rule: string, kind: string): Bilingual | undefined {
  try {
    const messages = messagesOf(rule);
    return messages[`hint.${kind}`] ?? messages.hint;
  } catch {
    return undefined;
  }
}
