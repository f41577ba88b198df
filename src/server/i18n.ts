/**
 * The words of the portal and workbench (data/messages/server.yaml), Chinese by default and English on request
 * (language.ts decides which a request gets). `t` gives text, `tHtml` markup; `say` names a message to be said
 * later, in a language not known yet where it is made (an error thrown deep in an operation, a role's name).
 */
import { Catalogue, type HtmlData, type Lang, type MessageData, type MessageRef } from "../i18n.ts";

export const SERVER_MESSAGES = new Catalogue("server.yaml");

export const t = (lang: Lang, key: string, data?: MessageData) => SERVER_MESSAGES.text(lang, key, data);
export const tHtml = (lang: Lang, key: string, data?: HtmlData) => SERVER_MESSAGES.html(lang, key, data);
export const say = (key: string, data?: MessageData): MessageRef => ({ key, data });

/** 预算 and 决算 as the reader's language names them; a phase yusuan does not know is shown as it is. */
const PHASES: Record<string, string> = { 预算: "phase.budget", 决算: "phase.final" };
export const phaseName = (lang: Lang, phase: string) => {
  const key = PHASES[phase];
  return key ? t(lang, key) : phase;
};
