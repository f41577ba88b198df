/**
 * The renderers' own words (data/messages/html.yaml): Chinese in the published budget book, either language in the
 * portal and workbench, which pass the reader's.
 */
import { Catalogue, type HtmlData, type Lang, type MessageData } from "../../i18n.ts";

export const HTML_MESSAGES = new Catalogue("html.yaml");

export const t = (lang: Lang, key: string, data?: MessageData) => HTML_MESSAGES.text(lang, key, data);

/** The same as HTML: words and values escaped, except markup given as `rawHtml`. */
export const tHtml = (lang: Lang, key: string, data?: HtmlData) => HTML_MESSAGES.html(lang, key, data);

/** 万元 or 元, named in the reader's language. */
export const unitName = (unit: "万元" | "元", lang: Lang = "zh") => t(lang, unit === "万元" ? "unit.wan" : "unit.yuan");
