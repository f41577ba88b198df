/**
 * The upload form. A multipart body is read only after the CSRF check, so the token goes in the action's query
 * string. The form for an existing budget carries the head version it replaces: an upload based on an older version
 * is refused (409) instead of silently replacing someone else's newer one.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import { t } from "../i18n.ts";
import { UPLOAD_TYPES } from "../ingest.ts";
import type { Viewer } from "./respond.ts";

export interface UploadFormOptions {
  /** The head version of the budget the file replaces; absent for a new budget. */
  baseVersion?: number;
  label?: string;
  compact?: boolean;
}

export function uploadForm(viewer: Viewer, { baseVersion, label, compact }: UploadFormOptions = {}): string {
  const action = `/workbench/upload?_csrf=${encodeURIComponent(viewer.csrfToken)}`;
  const base = baseVersion === undefined ? "" : `<input type="hidden" name="baseVersion" value="${baseVersion}">`;
  const { lang } = viewer;
  const heading =
    label ?? (baseVersion === undefined ? t(lang, "upload.new") : t(lang, "upload.replace", { number: baseVersion }));
  return `<form class="${compact ? "upload-form compact" : "upload-form stack"}" method="post" action="${escapeHtml(action)}" enctype="multipart/form-data">
${base}
<label>${escapeHtml(heading)} <input type="file" name="file" accept="${UPLOAD_TYPES.join(",")}" required></label>
${compact ? "" : `<p class="hint">${escapeHtml(t(lang, "upload.hint"))}</p>`}
<button class="primary" type="submit">${escapeHtml(t(lang, "upload.submit"))}</button>
</form>`;
}
