/**
 * An error with the HTTP status it should be answered with and a message safe to show (no stack, no internals). The
 * message is a key of data/messages/server.yaml with its values, said in the reader's language where the error is
 * answered (the error handler, a re-rendered form); `message` is the Chinese, for logs and the command line.
 */
import type { Lang, MessageData } from "../i18n.ts";
import { t } from "./i18n.ts";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly data: MessageData = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(t("zh", key, data));
  }

  text(lang: Lang): string {
    return t(lang, this.key, this.data);
  }
}

export const unauthorized = () => new HttpError(401, "error.signInFirst");
export const forbidden = (key = "error.notAllowed", data: MessageData = {}) => new HttpError(403, key, data);
/** `key` names what was not found (`notFound.budget`), with its values. */
export const notFound = (key: string, data: MessageData = {}) => new HttpError(404, key, data);
