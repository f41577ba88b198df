/**
 * One version: who made it and when, its content hash, and the readable diff from the version before — the
 * sentences src/model/diff.ts wrote when the version was saved (in Chinese and English), grouped by where in the
 * document they are.
 */
import type { FastifyInstance } from "fastify";
import type { Lang } from "../../i18n.ts";
import type { DocumentChange } from "../../model/diff.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { listVersions } from "../../store/budgets.ts";
import { visibleBudget } from "../access.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { t } from "../i18n.ts";
import { versionPath } from "./history.ts";
import { budgetName, findingCounts, formatTime, statusName } from "./labels.ts";
import { idParam, sendPage, viewerOf } from "./respond.ts";

const PART_NAMES: Record<string, string> = {
  meta: "versionPage.meta",
  part1: "versionPage.part1",
  part2: "versionPage.part2",
  part3: "versionPage.part3",
};

function groupOf(lang: Lang, c: DocumentChange): string {
  if (c.location.part === "table") return t(lang, "versionPage.table", { table: c.location.table ?? "" });
  const key = PART_NAMES[c.location.part];
  return key ? t(lang, key) : c.location.part;
}

/** The change's sentence in the reader's language (a version saved before sentences were bilingual has Chinese). */
const sentence = (lang: Lang, c: DocumentChange) => (lang === "en" && c.messageEn ? c.messageEn : c.message);

function changeList(lang: Lang, number: number, changes: DocumentChange[]): string {
  if (number === 1) return `<p class="empty">${escapeHtml(t(lang, "versionPage.first"))}</p>`;
  if (changes.length === 0) {
    return `<p class="empty">${escapeHtml(t(lang, "versionPage.same", { number: number - 1 }))}</p>`;
  }
  const groups = new Map<string, DocumentChange[]>();
  for (const c of changes) groups.set(groupOf(lang, c), [...(groups.get(groupOf(lang, c)) ?? []), c]);
  const sections = [...groups].map(
    ([group, list]) => `<h3>${escapeHtml(t(lang, "common.counted", { label: group, count: list.length }))}</h3>
<ul class="change-list">
${list.map((c) => `<li class="change change-${escapeHtml(c.kind)}">${escapeHtml(sentence(lang, c))}</li>`).join("\n")}
</ul>`,
  );
  const count = t(lang, "versionPage.count", { number: number - 1, count: changes.length });
  return `<p>${escapeHtml(count)}</p>\n${sections.join("\n")}`;
}

export function registerVersionPages(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string; number: string } }>(
    "/workbench/budgets/:id/versions/:number",
    async (request, reply) => {
      const viewer = viewerOf(request);
      const { lang } = viewer;
      const budget = await visibleBudget(context, viewer.user, idParam(request.params.id));
      const number = idParam(request.params.number);
      const versions = await listVersions(context.store.db, budget.id);
      const version = versions.find((v) => v.number === number);
      if (!version) throw notFound("notFound.version", { id: budget.id, number });
      const changes = JSON.parse(version.changes) as DocumentChange[];
      const neighbours = [
        number > 1
          ? `<a rel="prev" href="${versionPath(budget.id, number - 1)}">${escapeHtml(t(lang, "versionPage.prev", { number: number - 1 }))}</a>`
          : "",
        number < budget.head
          ? `<a rel="next" href="${versionPath(budget.id, number + 1)}">${escapeHtml(t(lang, "versionPage.next", { number: number + 1 }))}</a>`
          : "",
      ].filter(Boolean);
      const published =
        number === budget.published_version
          ? `<span class="status status-published">${escapeHtml(statusName(lang, "published"))}</span>`
          : "";
      const name = budgetName(lang, budget);
      const term = (key: string) => `<dt>${escapeHtml(t(lang, key))}</dt>`;
      const body = `<header class="wb-head">
<p class="eyebrow"><a href="/workbench">${escapeHtml(t(lang, "site.workbench"))}</a> › <a href="/workbench/budgets/${budget.id}">${escapeHtml(name)}</a></p>
<h1>${escapeHtml(t(lang, "version.title", { number }))} ${published}</h1>
</header>
<dl class="version-meta">
${term("history.author")}<dd>${escapeHtml(version.author)}</dd>
${term("history.time")}<dd>${formatTime(version.created_at)}</dd>
${term("history.note")}<dd>${escapeHtml(version.note)}</dd>
${term("history.check")}<dd>${findingCounts(lang, version.errors, version.warnings)}</dd>
${term("budgetPage.hash")}<dd><code class="hash">${escapeHtml(version.hash)}</code></dd>
</dl>
${neighbours.length > 0 ? `<nav class="pager-links" aria-label="${escapeHtml(t(lang, "versionPage.versions"))}">${neighbours.join(" ")}</nav>` : ""}
<section aria-labelledby="changes-title"><h2 id="changes-title">${escapeHtml(t(lang, "versionPage.changes"))}</h2>
${changeList(lang, number, changes)}
</section>`;
      return sendPage(reply, viewer, t(lang, "versionPage.title", { budget: name, number }), body);
    },
  );
}
