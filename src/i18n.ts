/**
 * Words of a user interface in Chinese (zh, the default) and English (en), kept as data: a YAML file under
 * data/messages/ whose leaves are `{ zh, en }` pairs, named by their dotted path (`site.search`), with {placeholders}
 * the code fills. A catalogue is read once, on first use. An unknown key is a bug and throws, so that a typo shows up
 * in the tests rather than as a blank on a page.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "./paths.ts";
import { escapeHtml } from "./render/html/escape.ts";

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];
export const isLang = (value: unknown): value is Lang => value === "zh" || value === "en";

/** The language tag of a page's `<html lang>`. */
export const htmlLang = (lang: Lang) => (lang === "en" ? "en" : "zh-CN");

/** A part of a message that is a message itself (a role's name, say), said in the same language. */
export interface MessageRef {
  key: string;
  data?: MessageData;
}

export type MessageData = Record<string, string | number | MessageRef>;

/** Markup to put into a message as it is: the caller built it with every piece of data escaped. */
export interface Html {
  html: string;
}

export const rawHtml = (html: string): Html => ({ html });

export type HtmlData = Record<string, string | number | MessageRef | Html>;

export type Bilingual = Partial<Record<Lang, unknown>>;

const isLeaf = (node: object) => "zh" in node || "en" in node;

function flatten(node: unknown, prefix: string, into: Map<string, Bilingual>): Map<string, Bilingual> {
  if (!node || typeof node !== "object") return into;
  if (isLeaf(node)) into.set(prefix, node as Bilingual);
  else for (const [name, child] of Object.entries(node)) flatten(child, prefix ? `${prefix}.${name}` : name, into);
  return into;
}

export class Catalogue {
  private entries?: Map<string, Bilingual>;

  /** `file` is relative to data/messages/. */
  constructor(readonly file: string) {}

  /** Every message by key, as the file has it (the tests check that each has both languages). */
  get all(): ReadonlyMap<string, Bilingual> {
    this.entries ??= flatten(parse(readFileSync(dataPath("messages", this.file), "utf8")), "", new Map());
    return this.entries;
  }

  has(key: string): boolean {
    return this.all.has(key);
  }

  private template(lang: Lang, key: string): string {
    const text = this.all.get(key)?.[lang];
    if (typeof text !== "string") throw new Error(`no ${lang} message ${key} in data/messages/${this.file}`);
    return text;
  }

  /** The message as plain text. */
  text(lang: Lang, key: string, data: MessageData = {}): string {
    return this.template(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = data[name];
      if (value === undefined) return whole;
      return typeof value === "object" ? this.text(lang, value.key, value.data) : String(value);
    });
  }

  /** The message as HTML: its words and every value escaped, except markup given as `rawHtml`. */
  html(lang: Lang, key: string, data: HtmlData = {}): string {
    return this.template(lang, key)
      .split(/(\{\w+\})/)
      .map((part) => {
        const value = /^\{(\w+)\}$/.test(part) ? data[part.slice(1, -1)] : undefined;
        if (value === undefined) return escapeHtml(part);
        if (typeof value !== "object") return escapeHtml(String(value));
        return "html" in value ? value.html : escapeHtml(this.text(lang, value.key, value.data));
      })
      .join("");
  }
}
